import { describe, expect, it } from "vitest";
import { lastDaysRange, periodEndShareAnomalies, shareValue } from "../../../src/anomalies/periodEndShare.js";
import { parsePeriod, type Period } from "../../../src/engine/period.js";
import { Dec } from "../../../src/money.js";
import { day } from "../../support/builders.js";
import { makeRepResult } from "./builders.js";

const period = (text: string): Period => {
  const p = parsePeriod(text);
  if (!p) throw new Error(text);
  return p;
};
const october = period("2026-10");

// rep -> [full actual, actual of the last 3 days]
const data: Record<string, [string | null, string | null]> = {
  R001: ["100000", "78000"], // 78,000 / 100,000 = 0.78 > 0.6
  R002: ["100000", "60000"], // exactly 0.6: not above
  R003: [null, "5000"], // no full actual: skipped
  R004: ["0", "0"], // full 0: skipped
  R005: ["-1000", "500"], // full ≤ 0: skipped
  R006: ["50000", null], // no tail actual: skipped
  R007: ["90000", "90000"], // 1.0
  R008: ["30000", "10000"], // 0.333…
};
const reps = Object.entries(data).map(([id, [full]]) => makeRepResult({ id, metrics: { won_revenue: full } }));
const tail = (rep: string) => {
  const t = data[rep]?.[1];
  return t === undefined || t === null ? null : new Dec(t);
};

describe("periodEndShareAnomalies", () => {
  it("warns when the share of the last days is above the threshold", () => {
    expect(periodEndShareAnomalies(reps, "won_revenue", 3, 0.6, tail, october)).toEqual([
      { severity: "warning", code: "period_end_share", rep: "R001", metric: "won_revenue", source: null, file: null, row: null, column: null, value: "78%", message: "78% of won_revenue in 2026-10 is dated in its last 3 days (2026-10-29 to 2026-10-31)" },
      { severity: "warning", code: "period_end_share", rep: "R007", metric: "won_revenue", source: null, file: null, row: null, column: null, value: "100%", message: "100% of won_revenue in 2026-10 is dated in its last 3 days (2026-10-29 to 2026-10-31)" },
    ]);
  });

  it.each([
    [0.6, ["R001", "R007"]],
    ["60%", ["R001", "R007"]],
    [0.3, ["R001", "R002", "R007", "R008"]], // 0.333… > 0.3
    ["33.4%", ["R001", "R002", "R007"]],
    [1, []], // a share never exceeds 1 for non-negative records
  ])("threshold %s flags %j", (threshold, expected) => {
    expect(periodEndShareAnomalies(reps, "won_revenue", 3, threshold, tail, october).map((a) => a.rep)).toEqual(expected);
  });

  it("says 'last day' for one day", () => {
    const [found] = periodEndShareAnomalies(reps.slice(0, 1), "won_revenue", 1, 0.6, tail, october);
    expect(found?.message).toBe("78% of won_revenue in 2026-10 is dated in its last day (2026-10-31)");
  });

  it("skips a rep without the metric", () => {
    expect(periodEndShareAnomalies(reps, "visits", 3, 0, tail, october)).toEqual([]);
  });
});

describe("lastDaysRange", () => {
  it.each([
    ["2026-10", 3, "2026-10-29", "2026-10-31"],
    ["2026-02", 3, "2026-02-26", "2026-02-28"],
    ["2024-02", 3, "2024-02-27", "2024-02-29"], // leap year
    ["2026-Q4", 3, "2026-12-29", "2026-12-31"],
    ["2026", 1, "2026-12-31", "2026-12-31"],
    ["2026-10", 40, "2026-10-01", "2026-10-31"], // never before the period's first day
  ] as const)("%s, last %d days -> %s .. %s", (p, n, first, last) => {
    expect(lastDaysRange(period(p), n)).toEqual({ first: day(first), last: day(last) });
  });
});

describe("shareValue", () => {
  it.each([
    [0.6, 0.6],
    ["60%", 0.6],
    ["12.5%", 0.125],
    ["0%", 0],
    ["100%", 1],
  ] as const)("%s -> %d", (input, share) => {
    expect(shareValue(input)).toBe(share);
  });

  it("rejects text that is not a percentage (the schema should have)", () => {
    expect(() => shareValue("sixty")).toThrow(/internal/);
  });
});
