import { describe, expect, it } from "vitest";
import type { DuckOutput, DuckRepRow } from "../../../bench/duckdbAggregate.js";
import { median } from "../../../bench/measureProcess.js";
import { verifyResults } from "../../../bench/verifyResults.js";

const makeDuck = (over: Partial<DuckRepRow> = {}): DuckRepRow => ({ rep: "R0001", won_revenue: "1200.50", won_deals: 2, customers_won: 2, sales_cycle: 40.5, visits: 9, ...over });

function kpiJson(actuals: Record<string, string | number | null>, rep = "R0001"): string {
  return JSON.stringify({ reps: [{ rep, metrics: Object.fromEntries(Object.entries(actuals).map(([k, v]) => [k, { actual: v }])) }] });
}

const agreeing = { won_revenue: "1200.50", won_deals: 2, customers_won: 2, sales_cycle: 40.5, visits: 9 };
const duckOf = (...reps: DuckRepRow[]): DuckOutput => ({ query_seconds: 1, threads: 2, reps });

describe("verifyResults", () => {
  it.each<[string, Record<string, string | number | null>, DuckRepRow, string[]]>([
    ["all equal", agreeing, makeDuck(), []],
    ["avg within 1e-9", { ...agreeing, sales_cycle: 40.5 + 1e-12 }, makeDuck(), []],
    ["avg beyond 1e-9", { ...agreeing, sales_cycle: 40.50001 }, makeDuck(), ["sales_cycle"]],
    ["money compared as text", { ...agreeing, won_revenue: "1200.51" }, makeDuck(), ["won_revenue"]],
    ["no records: null is zero", { won_revenue: null, won_deals: null, customers_won: null, sales_cycle: null, visits: null }, makeDuck({ won_revenue: "0.00", won_deals: 0, customers_won: 0, sales_cycle: null, visits: 0 }), []],
    ["counts exactly", { ...agreeing, visits: 8 }, makeDuck(), ["visits"]],
  ])("%s", (_, kpi, duck, metrics) => {
    expect(verifyResults(kpiJson(kpi), duckOf(duck)).map((m) => m.metric)).toEqual(metrics);
  });

  it("reports reps only one side has", () => {
    expect(verifyResults(kpiJson(agreeing), duckOf(makeDuck(), makeDuck({ rep: "R0002" })))).toEqual([{ rep: "R0002", metric: "(rep)", kpi: null, duckdb: "only in DuckDB" }]);
  });
});

describe("median", () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5], // (2 + 3) / 2
  ])("%j -> %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
