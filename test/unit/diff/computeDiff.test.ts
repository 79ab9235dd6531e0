import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDiff } from "../../../src/diff/computeDiff.js";
import { Dec } from "../../../src/money.js";
import { snapRep, snapRun } from "./builders.js";

const ids = (reps: { rep: string }[]) => reps.map((r) => r.rep);

describe("computeDiff", () => {
  it("finds no changes between a run and itself", () => {
    const run = snapRun([snapRep("R001", { rank: 1, score: 120.5 }), snapRep("R002", { rank: 2, tier: "B", score: 85, payout: "0.00" })]);
    const diff = computeDiff(run, run);
    expect(diff.changes).toEqual([]);
    expect(diff.tierChanges).toEqual([]);
    expect(diff.compared).toBe(2);
    expect(diff.totalDelta?.toFixed(2)).toBe("0.00");
    expect(diff.totalDeltaPercent?.toFixed(2)).toBe("0.00");
  });

  it.each([
    ["rank", { rank: 2 }],
    ["tier", { tier: "B" }],
    ["score at 2 decimals", { score: 100.01 }],
    ["payout by one cent", { payout: "1000.01" }],
    ["losing the score", { score: null }],
    ["losing the payout", { payout: null }],
  ])("counts a change of %s", (_what, head) => {
    const diff = computeDiff(snapRun([snapRep("R001")]), snapRun([snapRep("R001", head)]));
    expect(ids(diff.changes)).toEqual(["R001"]);
  });

  it("ignores a score change that no report shows (below the 2nd decimal)", () => {
    // 100 and 100.004 both show as 100.00
    expect(computeDiff(snapRun([snapRep("R001")]), snapRun([snapRep("R001", { score: 100.004 })])).changes).toEqual([]);
  });

  it("sorts by the size of the payout change, then of the score change, then rep id", () => {
    const base = snapRun([snapRep("R001"), snapRep("R002"), snapRep("R003"), snapRep("R004"), snapRep("R005")]);
    const head = snapRun([
      snapRep("R001", { payout: "1100.00" }), // +100
      snapRep("R002", { payout: "700.00" }), // -300: largest in size
      snapRep("R003", { score: 90 }), // no payout change, score -10
      snapRep("R004", { score: 101 }), // no payout change, score +1
      snapRep("R005", { payout: "900.00", score: 99 }), // -100 ties R001 on payout; larger score change
    ]);
    expect(ids(computeDiff(base, head).changes)).toEqual(["R002", "R005", "R001", "R003", "R004"]);
  });

  it("gives the total payout delta and its percentage of the base total", () => {
    // base 1,000 + 3,000 = 4,000; head 1,500 + 3,000 = 4,500; +500 = +12.5%
    const diff = computeDiff(snapRun([snapRep("R001"), snapRep("R002", { payout: "3000.00" })]), snapRun([snapRep("R001", { payout: "1500.00" }), snapRep("R002", { payout: "3000.00" })]));
    expect(diff.totalDelta?.toFixed(2)).toBe("500.00");
    expect(diff.totalDeltaPercent?.toNumber()).toBe(12.5);
    expect(diff.changes.map((c) => c.payoutDelta?.toFixed(2))).toEqual(["500.00"]);
  });

  it("has no percentage when the base pays nothing, and no delta without commission", () => {
    expect(computeDiff(snapRun([snapRep("R001", { payout: "0.00" })]), snapRun([snapRep("R001")])).totalDeltaPercent).toBeNull();
    const unpaid = computeDiff(snapRun([snapRep("R001", { payout: null })]), snapRun([snapRep("R001", { payout: null, rank: 2 })]));
    expect(unpaid.totalDelta).toBeNull();
    expect(unpaid.changes[0]?.payoutDelta).toBeNull();
  });

  it("lists tier changes in the head run's rank order", () => {
    const base = snapRun([snapRep("R001", { rank: 1, tier: "A" }), snapRep("R002", { rank: 2, tier: "B" }), snapRep("R003", { rank: 3, tier: "B" })]);
    const head = snapRun([snapRep("R001", { rank: 3, tier: "B", payout: "500.00" }), snapRep("R002", { rank: 1, tier: "A" }), snapRep("R003", { rank: 2, tier: "B" })]);
    const diff = computeDiff(base, head);
    expect(diff.tierChanges.map((c) => [c.rep, c.base?.tier, c.head?.tier])).toEqual([["R002", "B", "A"], ["R001", "A", "B"]]);
    expect(ids(diff.changes)).toEqual(["R001", "R002", "R003"]); // R003 changes rank only
  });

  it("reports a rep scored in one run only, paid nothing in the other", () => {
    const diff = computeDiff(snapRun([snapRep("R001"), snapRep("R002", { payout: "250.00" })]), snapRun([snapRep("R001"), snapRep("R003", { payout: "400.00" })]));
    expect(diff.changes.map((c) => [c.rep, c.base === null, c.head === null, c.payoutDelta?.toFixed(2)])).toEqual([
      ["R003", true, false, "400.00"],
      ["R002", false, true, "-250.00"],
    ]);
    expect(diff.compared).toBe(3);
  });

  it("notes configs that pay in different currencies", () => {
    const diff = computeDiff(snapRun([snapRep("R001")]), snapRun([snapRep("R001")], { currency: "USD" }));
    expect(diff.notes).toEqual([expect.stringContaining("different currencies (CNY before, USD after)")]);
  });

  it("keeps the rows' payout changes adding up to the total's", () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    const side = fc.dictionary(fc.constantFrom("R1", "R2", "R3", "R4", "R5"), cents, { minKeys: 1 });
    fc.assert(
      fc.property(side, side, (before, after) => {
        const run = (reps: Record<string, number>) => snapRun(Object.entries(reps).map(([rep, c]) => snapRep(rep, { payout: new Dec(c).div(100).toFixed(2) })));
        const diff = computeDiff(run(before), run(after));
        const rows = diff.changes.reduce((sum, c) => sum.plus(c.payoutDelta ?? 0), new Dec(0));
        expect(rows.eq(diff.totalDelta ?? NaN)).toBe(true);
      }),
    );
  });
});
