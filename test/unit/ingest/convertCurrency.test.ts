import { describe, expect, it } from "vitest";
import type { Value } from "../../../src/expr/value.js";
import { convertCurrency, currencyToConvert } from "../../../src/ingest/convertCurrency.js";
import { Dec } from "../../../src/money.js";

const ctx = { currency: "CNY", fx: { USD: 7.1, EUR: "7.7531" } };

describe("convertCurrency", () => {
  it.each([
    ["USD", "1000.25", "7101.775"], // 1,000.25 × 7.10, exact (rounding happens only on commission lines)
    ["usd ", "10", "71"], // trimmed, case-folded
    ["EUR", "3", "23.2593"], // 3 × 7.7531
    ["CNY", "12.34", "12.34"],
    ["", "12.34", "12.34"], // empty: the plan currency
  ])("%j %s becomes %s CNY", (currency, amount, expected) => {
    const values: Value[] = ["D1", new Dec(amount), currency];
    expect(convertCurrency(values, 2, [1], ctx)).toBeNull();
    expect((values[1] as Dec).toString()).toBe(expected);
  });

  it("rejects a currency without a rate, naming the known ones", () => {
    const values: Value[] = ["D1", new Dec("5"), "JPY"];
    expect(convertCurrency(values, 2, [1], ctx)).toBe('currency "JPY" has no rate under fx (known: CNY, USD, EUR)');
  });
});

describe("currencyToConvert", () => {
  it.each<[Value | undefined, string | null]>([
    ["CNY", null], // the plan currency as written
    [" cny ", null], // the plan currency once trimmed and case-folded
    ["", null], // empty: the plan currency
    ["  ", null],
    [null, null],
    [undefined, null],
    ["usd", "USD"],
    [" JPY", "JPY"], // converted or rejected later: no rate is looked up here
  ])("%j -> %j", (raw, expected) => {
    expect(currencyToConvert(raw, "CNY")).toBe(expected);
  });
});
