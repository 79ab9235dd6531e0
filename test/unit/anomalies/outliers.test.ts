import { describe, expect, it } from "vitest";
import { actualFormatter } from "../../../src/anomalies/actualFormatter.js";
import { outlierAnomalies } from "../../../src/anomalies/outliers.js";
import { makeConfig } from "../../support/builders.js";
import { makeRepResult, repsWith } from "./builders.js";

const money = actualFormatter(makeConfig({ metrics: { won_revenue: { source: "deals", date: "closed", aggregate: "sum", value: "amount" } } }));

// median 310,000; |x − m| = 30,000 10,000 0 0 10,000 30,000 940,000 -> MAD 10,000
// z = 0.6745 × (x − 310,000) / 10,000: -2.0235 -0.6745 0 0 0.6745 2.0235 63.403
const revenue = repsWith("won_revenue", ["280000", "300000", "310000", "310000", "320000", "340000", "1250000"]);

const flagged = (reps = revenue, threshold = 3.5, metrics = ["won_revenue"]) => outlierAnomalies(reps, metrics, threshold).map((a) => a.rep);

describe("outlierAnomalies", () => {
  it("warns about a rep far above the scorecard's median, naming the value, the median and z", () => {
    expect(outlierAnomalies(revenue, ["won_revenue"], 3.5, money)).toEqual([
      {
        severity: "warning", code: "outlier", rep: "R007", metric: "won_revenue", source: null, file: null, row: null, column: null, value: "1250000.00",
        message: "won_revenue 1,250,000.00 is far above the standard scorecard's median of 310,000.00 (robust z 63.40)",
      },
    ]);
  });

  it("warns about a rep far below too (|z| is compared)", () => {
    // median 200; |x − m| = 100 10 0 10 20 -> MAD 10; z(100) = 0.6745 × -100 / 10 = -6.745
    const [found] = outlierAnomalies(repsWith("visits", ["100", "190", "200", "210", "220"]), ["visits"], 3.5);
    expect(found?.message).toBe("visits 100 is far below the standard scorecard's median of 200 (robust z -6.75)");
    expect(found?.value).toBe("100");
  });

  it.each([
    [3.5, ["R007"]],
    [2.0235, ["R007"]], // |z| = 2.0235 exactly is not above the threshold
    [2.0234, ["R001", "R006", "R007"]],
    [100, []],
  ])("threshold %d flags %j", (threshold, reps) => {
    expect(flagged(revenue, threshold)).toEqual(reps);
  });

  it.each([
    ["MAD 0", ["100", "100", "100", "100", "900"]], // median 100; |x − m| = 0 0 0 0 800 -> MAD 0
    ["fewer than 5 reps with a value", ["1", "2", "3", "100", null]], // 4 values; the null rep is left out
    ["fewer than 5 reps", ["1", "2", "3", "100"]],
  ])("skips the group: %s", (_case, actuals) => {
    expect(flagged(repsWith("won_revenue", actuals))).toEqual([]);
  });

  it("skips reps without a value but keeps the group when 5 others have one", () => {
    // values 100 190 200 210 220 as above (z(100) = -6.745); R006 has no actual
    expect(flagged(repsWith("v", ["100", "190", "200", "210", "220", null]), 3.5, ["v"])).toEqual(["R001"]);
  });

  it("compares reps only with reps on the same scorecard", () => {
    // standard: as above, z(100) = -6.745. new_hire: median 12, MAD 1, |z| ≤ 1.349.
    // Pooled, median (14 + 100) / 2 = 57 and MAD 46.5 would make z(100) = 0.6745 × 43 / 46.5 ≈ 0.62: not flagged.
    const reps = [...repsWith("v", ["100", "190", "200", "210", "220"]), ...repsWith("v", ["10", "11", "12", "13", "14"], "new_hire").map((r, i) => ({ ...r, rep: { ...r.rep, id: `N${i}` } }))];
    expect(flagged(reps, 3.5, ["v"])).toEqual(["R001"]);
  });

  it("skips a group of fewer than 5 even when the other scorecard has enough", () => {
    const newHires = ["1", "2", "3", "1000"].map((v, i) => makeRepResult({ id: `N${i}`, scorecard: "new_hire", metrics: { v } }));
    expect(flagged([...repsWith("v", ["100", "190", "200", "210", "220"]), ...newHires], 3.5, ["v"])).toEqual(["R001"]);
  });

  it("checks only the metrics listed, each on its own", () => {
    const reps = revenue.map((r, i) => makeRepResult({ id: r.rep.id, metrics: { won_revenue: r.metrics["won_revenue"]?.actual?.toString() ?? null, visits: ["40", "40", "40", "40", "41", "40", "40"][i] ?? null } }));
    expect(outlierAnomalies(reps, ["won_revenue", "visits"], 3.5).map((a) => `${a.rep} ${a.metric}`)).toEqual(["R007 won_revenue"]); // visits: MAD 0
    expect(outlierAnomalies(reps, ["visits"], 3.5)).toEqual([]);
    expect(outlierAnomalies(reps, [], 3.5)).toEqual([]);
  });

  it("treats a metric the rep does not have as no value", () => {
    expect(flagged(revenue, 3.5, ["missing"])).toEqual([]);
  });
});
