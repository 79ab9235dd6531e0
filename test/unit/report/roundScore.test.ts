import { describe, expect, it } from "vitest";
import { Dec } from "../../../src/money.js";
import { roundPrinted, roundScore } from "../../../src/report/formatValues.js";

/** The definition: the decimal a score prints as, rounded to 2 places half away from zero. */
const byDecimal = (score: number): number => new Dec(score).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();

describe("roundScore", () => {
  it("rounds the printed digits half away from zero", () => {
    // 87.125 prints as "87.125": 8712 hundredths + 1 (third decimal 5) = 8713 -> 87.13
    expect(roundScore(87.125)).toBe(87.13);
    // 87.1249 -> 8712 (third decimal 4) -> 87.12
    expect(roundScore(87.1249)).toBe(87.12);
    // -12.345 -> -(1234 + 1) / 100 = -12.35: away from zero
    expect(roundScore(-12.345)).toBe(-12.35);
    // 99.995 -> 9999 + 1 = 10000 -> 100: the carry runs through every digit
    expect(roundScore(99.995)).toBe(100);
    // 1.005 is the double 1.00499999999999989..., but it prints as "1.005", and the printed digits are what is rounded
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(1.005)).toBe(byDecimal(1.005));
  });

  it("keeps a score with two decimals or fewer, and leaves exponent forms and huge scores to Decimal", () => {
    expect(roundPrinted(100)).toBe(100);
    expect(roundPrinted(87.5)).toBe(87.5);
    expect(roundPrinted(-3.25)).toBe(-3.25);
    expect(roundPrinted(1e-7)).toBeNull(); // prints as "1e-7"
    expect(roundPrinted(1e21)).toBeNull();
    expect(roundPrinted(1234567890123.456)).toBeNull(); // 13 integer digits: hundredths could pass 2^53
    expect(roundScore(1e-7)).toBe(byDecimal(1e-7));
    expect(Object.is(roundScore(-0.001), byDecimal(-0.001))).toBe(true); // -0 either way
  });

  it("gives what Decimal gives on 200,000 scores of every size and sign", () => {
    let seed = 20261125;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const mismatches: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 16 - 3); // 0.001 to 10^12
      let score = (random() - 0.3) * magnitude;
      if (i % 4 === 0) score = Math.round(score * 1000) / 1000; // exactly three printed decimals: every tie
      if (i % 8 === 1) score = Math.round(score * 200) / 200 + 0.005; // x.xx5 ties
      const fast = roundPrinted(score);
      if (fast !== null && !Object.is(fast, byDecimal(score))) mismatches.push(score);
    }
    expect(mismatches).toEqual([]);
  });
});
