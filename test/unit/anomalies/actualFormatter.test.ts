import { describe, expect, it } from "vitest";
import { actualFormatter, percentText, plainActual } from "../../../src/anomalies/actualFormatter.js";
import { Dec } from "../../../src/money.js";
import { makeConfig } from "../../support/builders.js";

describe("percentText", () => {
  it.each([
    [0.625, "62.5%"],
    [-0.625, "-62.5%"],
    [0.78, "78%"],
    [1 / 3, "33.3%"], // 33.333… -> 1 decimal
    [0.12345, "12.3%"],
    [0.00049, "0%"], // 0.049% rounds to 0, no sign
    [-0.0004, "0%"],
    [123.4, "12,340%"],
    [0.1 + 0.2, "30%"], // 0.30000000000000004
  ])("%d -> %s", (share, text) => {
    expect(percentText(share)).toBe(text);
  });
});

describe("actualFormatter", () => {
  const config = makeConfig({
    metrics: {
      revenue: { source: "deals", date: "closed", aggregate: "sum", value: "amount" }, // money column
      deals: { source: "deals", date: "closed", aggregate: "count" },
      win_rate: { formula: "deals / deals", unit: "percent" },
      avg_days: { source: "deals", date: "closed", aggregate: "avg", value: "days(closed, closed)" },
    },
  });
  const format = actualFormatter(config);

  it.each([
    ["revenue", "1250000", "1250000.00"], // CNY: 2 decimals
    ["revenue", "0.005", "0.01"], // display only, half up
    ["deals", "15", "15"],
    ["win_rate", "0.3", "30%"],
    ["avg_days", "37.3333333", "37.33"],
    ["unknown", "2.5", "2.5"],
  ])("%s %s -> %s", (metric, value, text) => {
    expect(format(metric, new Dec(value))).toBe(text);
  });

  it("plainActual shows at most 2 decimals without trailing zeros", () => {
    expect(plainActual("x", new Dec("310000.00"))).toBe("310000");
    expect(plainActual("x", new Dec("2.005"))).toBe("2.01");
  });
});
