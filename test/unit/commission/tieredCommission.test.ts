import { describe, expect, it } from "vitest";
import { tieredCommission, type TierBand } from "../../../src/commission/tieredCommission.js";
import { Dec } from "../../../src/money.js";

const bands: TierBand[] = [
  { upto: new Dec("0.5"), rate: new Dec("0") },
  { upto: new Dec("1.0"), rate: new Dec("0.04") },
  { upto: null, rate: new Dec("0.06") },
];
const target = new Dec("100000");
const pay = (base: string, mode: "marginal" | "retroactive", scale = target, b = bands) =>
  tieredCommission(new Dec(base), b, scale, mode, (d) => d.toFixed(2)).reduce((sum, s) => sum.plus(s.amount), new Dec(0)).toString();

describe("tieredCommission", () => {
  it("pays the SPEC's example: marginal 3,800 and retroactive 7,800", () => {
    // marginal: 50,000 × 0 + 50,000 × 4% + 30,000 × 6% = 0 + 2,000 + 1,800 = 3,800
    expect(pay("130000", "marginal")).toBe("3800");
    // retroactive: 130,000 × 6% = 7,800
    expect(pay("130000", "retroactive")).toBe("7800");
  });

  it("slices the base by tier in marginal mode", () => {
    const slices = tieredCommission(new Dec("130000"), bands, target, "marginal", (d) => d.toFixed(2));
    expect(slices.map((s) => [s.base.toString(), s.rate.toString(), s.amount.toString()])).toEqual([
      ["50000", "0", "0"],
      ["50000", "0.04", "2000"],
      ["30000", "0.06", "1800"],
    ]);
  });

  it.each([
    // exactly on the 1.0 bound (100,000): retroactive takes the upper tier's 6% -> 6,000
    ["100000", "retroactive", "6000"],
    // marginal: 50,000 × 0 + 50,000 × 4% = 2,000 (nothing above the bound yet)
    ["100000", "marginal", "2000"],
    // exactly on 0.5: retroactive 50,000 × 4% = 2,000; marginal 50,000 × 0 = 0
    ["50000", "retroactive", "2000"],
    ["50000", "marginal", "0"],
    // below every bound
    ["10000", "retroactive", "0"],
  ] as const)("base %s in %s mode pays %s (a value on a bound is in the upper tier)", (base, mode, expected) => {
    expect(pay(base, mode)).toBe(expected);
  });

  it("uses money bounds directly with basis: amount (scale 1)", () => {
    const money: TierBand[] = [
      { upto: new Dec("100000"), rate: new Dec("0.02") },
      { upto: null, rate: new Dec("0.05") },
    ];
    // 100,000 × 2% + 50,000 × 5% = 2,000 + 2,500 = 4,500
    expect(pay("150000", "marginal", new Dec(1), money)).toBe("4500");
    // 150,000 × 5% = 7,500
    expect(pay("150000", "retroactive", new Dec(1), money)).toBe("7500");
  });

  it("pays nothing on a base of zero or below", () => {
    expect(tieredCommission(new Dec("-500"), bands, target, "marginal", String)).toEqual([]);
    expect(tieredCommission(new Dec("0"), bands, target, "retroactive", String)).toEqual([]);
  });
});
