import { describe, expect, it } from "vitest";
import { computeDiff } from "../../../src/diff/computeDiff.js";
import { diffJson } from "../../../src/diff/diffJson.js";
import { md, renderDiffMarkdown } from "../../../src/diff/renderDiffMarkdown.js";
import { renderDiffText } from "../../../src/diff/renderDiffText.js";
import { snapRep, snapRun } from "./builders.js";

const base = snapRun([snapRep("R001", { rank: 1, tier: "A", score: 101.234, payout: "12000.00" }), snapRep("R002", { rank: 2, tier: "B", score: 88, payout: "3000.00" })], { config: "base.yaml" });
const head = snapRun([snapRep("R001", { rank: 2, tier: "B", score: 94.5, payout: "9500.50" }), snapRep("R002", { rank: 1, tier: "B", score: 96, payout: "3000.00" })]);
const diff = computeDiff(base, head);
const same = computeDiff(base, base);

describe("renderDiffMarkdown", () => {
  it("writes a summary line, a table of changed reps and the tier changes", () => {
    // total 15,000.00 -> 12,500.50: -2,499.50 = -16.66%
    expect(renderDiffMarkdown(diff)).toBe(
      [
        "### KPI diff for 2026-10",
        "",
        "`base.yaml` → `kpi.config.yaml`",
        "",
        "**Total payout: -2,499.50 CNY (-16.66%), from 15,000.00 to 12,500.50.** 2 of 2 reps change, 1 of them tier.",
        "",
        "| Rep | Name | Team | Rank | Tier | Score | Payout | Δ payout |",
        "|:--|:--|:--|--:|:-:|--:|--:|--:|",
        "| R001 | Name R001 | East | 1 → 2 | A → B | 101.23 → 94.50 | 12,000.00 → 9,500.50 | -2,499.50 |",
        "| R002 | Name R002 | East | 2 → 1 | B | 88.00 → 96.00 | 3,000.00 | +0.00 |",
        "",
        "**Tier changes**",
        "",
        "- R001 Name R001: A → B",
        "",
      ].join("\n"),
    );
  });

  it("says no changes and has no rows for a config against itself", () => {
    const text = renderDiffMarkdown(same);
    expect(text).toContain("**No changes**: the same ranks, tiers, scores and payouts for all 2 reps.");
    expect(text).not.toContain("|");
  });

  it("caps the table and says how many more reps changed", () => {
    const reps = (payout: string) => Array.from({ length: 60 }, (_, i) => snapRep(`R${String(i + 1).padStart(3, "0")}`, { payout }));
    const text = renderDiffMarkdown(computeDiff(snapRun(reps("100.00")), snapRun(reps("200.00"))));
    expect(text.split("\n").filter((l) => /^\| R\d/.test(l))).toHaveLength(50);
    expect(text).toContain("…and 10 more reps (run `kpi diff` for all of them).");
  });

  it.each([
    ["a table pipe", "A|B", "A\\|B"],
    ["a link", "[x](http://e)", "\\[x\\](http://e)"],
    ["html", "<img src=x>", "\\<img src=x\\>"],
    ["a mention", "@here", "\\@here"],
    ["a newline", "Li\nWei", "Li Wei"],
  ])("escapes %s in user text", (_what, text, expected) => {
    expect(md(text)).toBe(expected);
  });
});

describe("renderDiffText", () => {
  it("shows the total, each changed rep and the tier changes", () => {
    const text = renderDiffText(diff);
    expect(text).toContain("kpi diff · 2026-10 · base.yaml → kpi.config.yaml");
    expect(text).toContain("Total payout: -2,499.50 CNY (-16.66%), from 15,000.00 to 12,500.50");
    expect(text).toMatch(/R001 .*Name R001 .*1 → 2 .*A → B .*101\.23 → 94\.50 .*12,000\.00 → 9,500\.50 .*-2,499\.50/);
    expect(text).toContain("Tier changes:\n  R001  Name R001  A → B\n");
  });

  it("says no changes for a config against itself", () => {
    expect(renderDiffText(same)).toBe("kpi diff · 2026-10 · base.yaml → base.yaml\nNo changes: the same ranks, tiers, scores and payouts for all 2 reps.\n");
  });
});

describe("diffJson", () => {
  it("gives money as decimal strings and other numbers as numbers", () => {
    const json = JSON.parse(diffJson(diff));
    expect(json).toMatchObject({ period: "2026-10", total_payout_delta: "-2499.50", reps_compared: 2, reps_changed: 2, base: { total_payout: "15000.00" }, head: { total_payout: "12500.50" } });
    expect(json.total_payout_delta_percent).toBeCloseTo(-16.663333, 5);
    expect(json.reps[0]).toEqual({
      rep: "R001",
      name: "Name R001",
      team: "East",
      base: { rank: 1, tier: "A", score: 101.234, payout: "12000.00" },
      head: { rank: 2, tier: "B", score: 94.5, payout: "9500.50" },
      score_delta: 94.5 - 101.234,
      payout_delta: "-2499.50",
      tier_changed: true,
    });
    expect(json.tier_changes).toEqual([{ rep: "R001", name: "Name R001", from: "A", to: "B" }]);
  });

  it("has no rows for a config against itself", () => {
    expect(JSON.parse(diffJson(same))).toMatchObject({ reps_changed: 0, reps: [], tier_changes: [], total_payout_delta: "0.00" });
  });
});
