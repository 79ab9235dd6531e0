import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCommission } from "../../../src/commission/computeCommission.js";
import { Dec } from "../../../src/money.js";
import { makeConfig } from "../../support/builders.js";
import { makeEngineResult, makeRepResult } from "../../support/engineBuilders.js";

/** Random plans: ascending tier bounds with non-decreasing rates, an optional bonus, multiplier, gate and cap. */
const planArb = fc.record({
  bounds: fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 0, maxLength: 4 }).map((xs) => xs.sort((a, b) => a - b).map((x) => x / 100)),
  rateSteps: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 5, maxLength: 5 }),
  mode: fc.constantFrom("marginal" as const, "retroactive" as const),
  bonus: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  factor: fc.option(fc.integer({ min: 50, max: 200 }).map((x) => x / 100), { nil: undefined }),
  gate: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
  cap: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: undefined }),
  rounding: fc.constantFrom("half_up" as const, "half_even" as const),
});

const repArb = fc.record({
  actual: fc.integer({ min: 0, max: 100_000_000 }).map((x) => (x / 100).toFixed(2)),
  target: fc.integer({ min: 1, max: 50_000_000 }).map((x) => (x / 100).toFixed(2)),
  score: fc.integer({ min: 0, max: 15000 }).map((x) => x / 100),
});

type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

function configFor(p: Plan) {
  let rate = 0;
  const tiers = [...p.bounds, null].map((upto, i) => {
    rate += (p.rateSteps[i] ?? 0) / 10000; // non-decreasing rates
    return upto === null ? { rate: Number(rate.toFixed(4)) } : { upto, rate: Number(rate.toFixed(4)) };
  });
  const components: unknown[] = [{ name: "Revenue", type: "tiered", base: "revenue", mode: p.mode, tiers }];
  if (p.bonus !== undefined) components.push({ name: "Bonus", type: "bonus", amount: p.bonus, when: "score >= 50", ungated: true });
  if (p.factor !== undefined) components.push({ name: "Multiplier", type: "multiplier", table: [{ when: "score >= 0", factor: p.factor }] });
  return makeConfig({
    rounding: p.rounding,
    commission: { plans: [{ name: "p", ...(p.gate === undefined ? {} : { gate: `score >= ${p.gate}` }), ...(p.cap === undefined ? {} : { cap: p.cap }), components }] },
  });
}

function payout(p: Plan, actual: string, target: string, score: number) {
  const { result } = computeCommission({
    config: configFor(p),
    engine: makeEngineResult([makeRepResult({ score, metrics: { revenue: [actual, target] } })]),
    aggregates: new Map(),
    needsReview: new Set(),
  });
  const rep = result.reps.get("R001");
  if (!rep) throw new Error("no payout");
  return { rep, grand: result.grandTotal };
}

describe("commission invariants", () => {
  it("every total is the sum of its lines, and lines are rounded to the cent", () => {
    fc.assert(
      fc.property(planArb, repArb, (p, r) => {
        const { rep, grand } = payout(p, r.actual, r.target, r.score);
        const sumLines = rep.lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
        const sumComponents = [...rep.components.values()].reduce((s, c) => s.plus(c), new Dec(0)).plus(rep.capAdjustment);
        expect(rep.total.eq(sumLines)).toBe(true);
        expect(rep.total.eq(sumComponents)).toBe(true);
        expect(grand.eq(rep.total)).toBe(true);
        for (const line of rep.lines) expect(line.amount.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it("marginal pay never decreases when revenue rises (non-decreasing rates)", () => {
    fc.assert(
      fc.property(planArb, repArb, fc.integer({ min: 0, max: 10_000_000 }), (p, r, raise) => {
        const marginal = { ...p, mode: "marginal" as const, bonus: undefined, factor: undefined, gate: undefined, cap: undefined };
        const before = payout(marginal, r.actual, r.target, r.score).rep.total;
        const higher = new Dec(r.actual).plus(new Dec(raise).div(100)).toFixed(2);
        const after = payout(marginal, higher, r.target, r.score).rep.total;
        expect(after.gte(before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never pays above the cap", () => {
    fc.assert(
      fc.property(planArb.filter((p) => p.cap !== undefined), repArb, (p, r) => {
        const { rep } = payout(p, r.actual, r.target, r.score);
        expect(rep.total.lte(new Dec(p.cap ?? 0))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
