import { describe, expect, it } from "vitest";
import { computeCommission } from "../../../src/commission/computeCommission.js";
import { roundMoney } from "../../../src/commission/roundMoney.js";
import type { ComponentConfig } from "../../../src/config/schema.js";
import type { SourceAggregates } from "../../../src/engine/sourceAggregator.js";
import type { RepResult } from "../../../src/engine/runResult.js";
import type { SourceData } from "../../../src/ingest/sourceData.js";
import { Dec } from "../../../src/money.js";
import { CalendarDate } from "../../../src/dates/calendarDate.js";
import { day, makeConfig } from "../../support/builders.js";
import { aggregate, makeEngineResult, makeRepResult } from "../../support/engineBuilders.js";

const revenueTiers: ComponentConfig = {
  name: "Revenue",
  type: "tiered",
  base: "revenue",
  basis: "attainment",
  mode: "marginal",
  ungated: false,
  tiers: [{ upto: 0.5, rate: 0 }, { upto: 1.0, rate: 0.04 }, { rate: 0.06 }],
};

function plan(components: unknown[], extra: Record<string, unknown> = {}) {
  return makeConfig({ commission: { plans: [{ name: "standard", components, ...extra }] } });
}

function run(config: ReturnType<typeof makeConfig>, reps: RepResult[], aggregates = new Map<string, SourceAggregates>()) {
  return computeCommission({ config, engine: makeEngineResult(reps), aggregates, needsReview: new Set(["R009"]) });
}

const amounts = (lines: { amount: Dec }[]) => lines.map((l) => l.amount.toFixed(2));

describe("computeCommission", () => {
  it("pays the SPEC's 3,800 on 130,000 against a 100,000 target", () => {
    const { result } = run(plan([revenueTiers]), [makeRepResult({ metrics: { revenue: ["130000", "100000"] } })]);
    const payout = result.reps.get("R001");
    expect(amounts(payout?.lines ?? [])).toEqual(["0.00", "2000.00", "1800.00"]);
    expect(payout?.total.toFixed(2)).toBe("3800.00");
    expect(payout?.components.get("Revenue")?.toFixed(2)).toBe("3800.00");
    expect(result.grandTotal.toFixed(2)).toBe("3800.00");
  });

  it("pays 0 with a missing_target warning when the base metric has no target", () => {
    const { result, anomalies } = run(plan([revenueTiers]), [makeRepResult({ metrics: { revenue: ["130000", null] } })]);
    expect(result.reps.get("R001")?.total.toFixed(2)).toBe("0.00");
    expect(anomalies).toEqual([expect.objectContaining({ code: "missing_target", rep: "R001", metric: "revenue", severity: "warning" })]);
  });

  it("keeps gated lines at 0 with a note, but pays an ungated bonus", () => {
    const config = plan(
      [revenueTiers, { name: "Process guarantee", type: "bonus", amount: 2000, when: "dimension.process >= 80", ungated: true }],
      { gate: "score >= 60" },
    );
    const rep = makeRepResult({ score: 55, dimensions: { process: 90 }, metrics: { revenue: ["130000", "100000"] } });
    const payout = run(config, [rep]).result.reps.get("R001");
    // revenue lines 0 + 2,000 + 1,800 gated to 0; the bonus 2,000 stays
    expect(amounts(payout?.lines ?? [])).toEqual(["0.00", "0.00", "0.00", "2000.00"]);
    expect(payout?.lines[1]?.note).toMatch(/^gate "score >= 60" not met: would have paid 2,000\.00/);
    expect(payout?.total.toFixed(2)).toBe("2000.00");
  });

  it("brings a capped rep down to the cap with one negative line, ungated lines included", () => {
    const config = plan([revenueTiers, { name: "Guarantee", type: "bonus", amount: 2000, when: "score >= 0", ungated: true }], { cap: 5000 });
    const payout = run(config, [makeRepResult({ metrics: { revenue: ["130000", "100000"] } })]).result.reps.get("R001");
    // 3,800 + 2,000 = 5,800 > 5,000: cap adjustment −800
    expect(payout?.capAdjustment.toFixed(2)).toBe("-800.00");
    expect(payout?.lines.at(-1)).toMatchObject({ component: null });
    expect(payout?.total.toFixed(2)).toBe("5000.00");
  });

  it("multiplies the rounded lines before it, per-record lines included", () => {
    const deals: SourceData = {
      name: "deals",
      columns: ["id", "rep", "amount", "closed", "stage"],
      files: ["deals.csv"],
      records: [
        { values: ["D1", "R001", new Dec("1000.25"), new CalendarDate(day("2026-10-03")), "Closed Won"], file: 0, row: 2 },
        { values: ["D2", "R001", new Dec("2000.25"), new CalendarDate(day("2026-10-04")), "Closed Won"], file: 0, row: 3 },
        { values: ["D3", "R001", new Dec("9999"), new CalendarDate(day("2026-11-01")), "Closed Won"], file: 0, row: 4 },
      ],
      accounting: { read: 3, accepted: 3, rejected: 0, duplicates: 0 },
      anomalies: [],
    };
    const rep = makeRepResult({ score: 115 });
    const config = plan([
      { name: "Strategic", type: "per_record", source: "deals", date: "closed", where: 'stage == "Closed Won"', rate: 0.02 },
      { name: "Multiplier", type: "multiplier", table: [{ when: "score >= 110", factor: 1.2 }, { when: "score < 80", factor: 0.8 }] },
    ]);
    const payout = run(config, [rep], new Map([["deals", aggregate(deals, config, [rep.rep])]])).result.reps.get("R001");
    // D1: 1,000.25 × 2% = 20.005 -> 20.01 (half up); D2: 2,000.25 × 2% = 40.005 -> 40.01; D3 is in November
    // multiplier: (1.2 − 1) × (20.01 + 40.01) = 0.2 × 60.02 = 12.004 -> 12.00
    expect(payout?.lines.map((l) => [l.record, l.amount.toFixed(2)])).toEqual([["D1", "20.01"], ["D2", "40.01"], [null, "12.00"]]);
    expect(payout?.total.toFixed(2)).toBe("72.02");
  });

  it("marks reps named by an error anomaly as needing review", () => {
    const { result } = run(plan([revenueTiers]), [makeRepResult({ id: "R009", metrics: { revenue: ["1", "1"] } }), makeRepResult({ id: "R001", metrics: { revenue: ["1", "1"] } })]);
    expect(result.reps.get("R009")?.needsReview).toBe(true);
    expect(result.reps.get("R001")?.needsReview).toBe(false);
  });

  it("applies a plan only to reps whose applies_to holds", () => {
    const config = plan([revenueTiers], { applies_to: 'role == "key_account"' });
    const payout = run(config, [makeRepResult({ metrics: { revenue: ["130000", "100000"] } })]).result.reps.get("R001");
    expect(payout?.plans).toEqual([]);
    expect(payout?.total.toFixed(2)).toBe("0.00");
  });
});

describe("roundMoney", () => {
  it.each([
    ["2.345", "half_up", "2.35"],
    ["2.345", "half_even", "2.34"],
    ["2.355", "half_even", "2.36"],
    ["-2.345", "half_up", "-2.35"], // half up rounds away from zero
    ["-2.345", "half_even", "-2.34"],
    ["0.125", "half_even", "0.12"],
  ] as const)("%s with %s is %s", (amount, rounding, expected) => {
    expect(roundMoney(new Dec(amount), "CNY", rounding).toFixed(2)).toBe(expected);
  });

  it("rounds to the currency's minor unit (JPY 0, KWD 3)", () => {
    expect(roundMoney(new Dec("1234.5"), "JPY", "half_up").toString()).toBe("1235");
    expect(roundMoney(new Dec("1.2345"), "KWD", "half_up").toString()).toBe("1.235");
  });

  it("keeps precision for a 20-digit amount (decimal.js's default 20 digits would not)", () => {
    // 99,999,999,999,999,999,999.99 × 0.02 = 1,999,999,999,999,999,999.9998 -> ...000.00
    expect(roundMoney(new Dec("99999999999999999999.99").times("0.02"), "CNY", "half_up").toFixed(2)).toBe("2000000000000000000.00");
  });
});
