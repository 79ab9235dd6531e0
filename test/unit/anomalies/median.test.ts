import { describe, expect, it } from "vitest";
import { median, robustSpread, robustZ } from "../../../src/anomalies/median.js";
import { Dec } from "../../../src/money.js";

const decs = (xs: readonly string[]) => xs.map((x) => new Dec(x));

describe("median", () => {
  it.each([
    [[], null],
    [["7"], "7"],
    [["3", "1", "2"], "2"], // sorted 1 2 3
    [["4", "1", "3", "2"], "2.5"], // (2 + 3) / 2
    [["0.1", "0.2"], "0.15"], // exact, no binary float
    [["-5", "10", "0"], "0"],
  ] as const)("%j -> %s", (values, expected) => {
    expect(median(decs(values))?.toString() ?? null).toBe(expected);
  });
});

describe("robustSpread and robustZ", () => {
  it("computes the MAD around the median", () => {
    // median 310,000; |x − m| = 30,000 10,000 0 0 10,000 30,000 940,000 -> median 10,000
    const spread = robustSpread(decs(["280000", "300000", "310000", "310000", "320000", "340000", "1250000"]));
    expect(spread?.median.toString()).toBe("310000");
    expect(spread?.mad.toString()).toBe("10000");
    // 0.6745 × 940,000 / 10,000 = 63.403
    if (spread) expect(robustZ(new Dec("1250000"), spread).toString()).toBe("63.403");
  });

  it("gives null for no values", () => {
    expect(robustSpread([])).toBeNull();
  });
});
