import { describe, expect, it } from "vitest";
import type { MetricConfig, ScorecardConfig } from "../../../src/config/schema.js";
import { attainmentOf, scoreRep } from "../../../src/engine/scoreRep.js";
import { Dec } from "../../../src/money.js";

const metric = (better: "higher" | "lower" = "higher"): MetricConfig => ({ source: "deals", aggregate: "sum", better, level: "rep" });
const metrics: Record<string, MetricConfig> = { revenue: metric(), customers: metric(), visits: metric(), win_rate: metric(), cycle: metric("lower") };

const card: ScorecardConfig = {
  name: "standard",
  cap: 1.5,
  dimensions: {
    result: { weight: 50, metrics: { revenue: 70, customers: 30 } },
    process: { weight: 30, metrics: { visits: 50, win_rate: 50 } },
    customer: { weight: 20, metrics: { cycle: 100 } },
  },
};

function score(actuals: Record<string, string | null>, targets: Record<string, string | null>) {
  return scoreRep(
    card,
    metrics,
    (m) => (m in actuals ? { actual: actuals[m] === null ? null : new Dec(actuals[m] as string), records: 1 } : undefined),
    (m) => (targets[m] == null ? null : { value: new Dec(targets[m] as string), source: "config default" }),
  );
}

const onTarget = { revenue: "300000", customers: "3", visits: "40", win_rate: "0.3", cycle: "45" };

describe("attainmentOf", () => {
  it.each([
    ["130000", "100000", "higher", 1.3, 1.3],
    ["200000", "100000", "higher", 2, 1.5], // capped at 1.5, attainment itself uncapped
    ["-5000", "100000", "higher", 0, 0], // floored at 0
    ["30", "45", "lower", 1.5, 1.5], // 45 / 30
    ["60", "45", "lower", 0.75, 0.75], // 45 / 60
    ["0", "45", "lower", 1.5, 1.5], // an actual of 0 earns the cap
  ] as const)("actual %s, target %s, better %s -> %d (capped %d)", (actual, target, better, attainment, capped) => {
    const a = attainmentOf(new Dec(actual), new Dec(target), better, 1.5);
    expect(a.attainment.toNumber()).toBe(attainment);
    expect(a.capped.toNumber()).toBe(capped);
  });
});

describe("scoreRep", () => {
  it("scores exactly 100 for a rep on target everywhere", () => {
    const result = score(onTarget, onTarget);
    expect(result.score).toBe(100);
    expect(result.dimensions).toEqual({ result: 100, process: 100, customer: 100 });
  });

  it("weights dimensions and metrics as fractions of their sums", () => {
    // revenue 1.3: result = 0.7×1.3 + 0.3×1 = 1.21 -> 121; process 100; customer 100
    // score = 0.5×121 + 0.3×100 + 0.2×100 = 110.5
    const result = score({ ...onTarget, revenue: "390000" }, onTarget);
    expect(result.dimensions["result"]).toBeCloseTo(121, 10);
    expect(result.score).toBeCloseTo(110.5, 10);
    const revenue = result.rows.find((r) => r.metric === "revenue");
    expect(revenue?.weight).toBeCloseTo(0.35, 12); // 0.5 × 0.7
    expect(revenue?.points).toBeCloseTo(45.5, 10); // 0.35 × 1.3 × 100
  });

  it("leaves out a metric without a target and scales its dimension's other weights", () => {
    // customers has no target: result = revenue alone (weight 70/70 = 1) at 1.2 -> 120
    // score = 0.5×120 + 0.3×100 + 0.2×100 = 110
    const result = score({ ...onTarget, revenue: "360000" }, { ...onTarget, customers: null });
    expect(result.score).toBeCloseTo(110, 10);
    expect(result.rows.find((r) => r.metric === "customers")?.excluded).toBe("missing_target");
    expect(result.rows.find((r) => r.metric === "revenue")?.weight).toBeCloseTo(0.5, 12);
  });

  it("treats a target of 0 as missing and a null actual as no data", () => {
    const result = score({ ...onTarget, win_rate: null }, { ...onTarget, visits: "0" });
    expect(result.rows.find((r) => r.metric === "visits")?.excluded).toBe("missing_target");
    expect(result.rows.find((r) => r.metric === "win_rate")?.excluded).toBe("no_data");
    // the process dimension has no metric left: it is left out, result and customer scaled to 50/70 and 20/70
    expect(result.dimensions["process"]).toBeNull();
    expect(result.score).toBeCloseTo(100, 10);
  });

  it("gives no score when no metric remains", () => {
    const result = score({}, {});
    expect(result.score).toBeNull();
    expect(Object.values(result.dimensions).every((v) => v === null)).toBe(true);
  });

  it("caps attainment in the score but reports it uncapped", () => {
    // revenue 2.0 capped to 1.5: result = 0.7×1.5 + 0.3 = 1.35 -> 135; score = 67.5 + 30 + 20 = 117.5
    const result = score({ ...onTarget, revenue: "600000" }, onTarget);
    const revenue = result.rows.find((r) => r.metric === "revenue");
    expect(revenue?.attainment).toBe(2);
    expect(revenue?.capped).toBe(1.5);
    expect(result.score).toBeCloseTo(117.5, 10);
  });
});
