import { describe, expect, it } from "vitest";
import { CalendarDate } from "../../../src/dates/calendarDate.js";
import { absorbPacked, packAggregates } from "../../../src/engine/aggregatesTransfer.js";
import { candidateLabel } from "../../../src/engine/recordCandidate.js";
import { buildRoster } from "../../../src/engine/roster.js";
import type { SourceAggregates } from "../../../src/engine/sourceAggregator.js";
import type { Value } from "../../../src/expr/value.js";
import type { SourceData } from "../../../src/ingest/sourceData.js";
import { Dec } from "../../../src/money.js";
import { day, makeConfig } from "../../support/builders.js";
import { aggregate } from "../../support/engineBuilders.js";

const date = (iso: string) => new CalendarDate(day(iso));

function source(name: string, columns: string[], rows: Value[][], firstRow = 2): SourceData {
  return { name, columns, files: [`${name}.csv`], records: rows.map((values, i) => ({ values, file: 0, row: firstRow + i })), accounting: { read: rows.length, accepted: rows.length, rejected: 0, duplicates: 0 }, anomalies: [] };
}

const roster = source("roster", ["rep", "name", "team", "role", "hired"], [
  ["R001", "Li Wei", "East", "account_exec", date("2024-01-01")],
  ["R002", "Wang Fang", "East", "account_exec", date("2024-01-01")],
]);
const reps = buildRoster(roster);

const config = makeConfig({
  sources: {
    deals: { path: "deals.csv", columns: { id: "Deal ID", rep: "Owner", customer: "Customer", amount: { from: "Amount", type: "money" }, closed: { from: "Closed", type: "date" }, stage: "Stage" } },
    roster: { path: "roster.csv", columns: { rep: "Rep", name: "Name", team: "Team", role: "Role", hired: { from: "Hired", type: "date" } } },
  },
  metrics: {
    revenue: { source: "deals", where: 'stage == "Won"', date: "closed", aggregate: "sum", value: "amount" },
    deals: { source: "deals", date: "closed", aggregate: "count" },
    customers: { source: "deals", date: "closed", aggregate: "count_distinct", value: "customer" },
    average: { source: "deals", date: "closed", aggregate: "avg", value: "amount" },
    smallest: { source: "deals", date: "closed", aggregate: "min", value: "amount" },
    largest: { source: "deals", date: "closed", aggregate: "max", value: "amount" },
  },
  anomalies: { period_end_share: { metric: "revenue", last_days: 3, threshold: 0.6 } },
});

const COLUMNS = ["id", "rep", "customer", "amount", "closed", "stage"];
// the same customers and months on both sides of the cut, a rep only after it (R002), an unknown owner on both sides
const earlier: Value[][] = [
  ["D1", "R001", "Acme", new Dec("100.10"), date("2026-09-30"), "Won"],
  ["D2", "R001", "Bolt", new Dec("50"), date("2026-10-31"), "Lost"],
  ["D3", "Ghost", "Acme", new Dec("7"), date("2026-10-02"), "Won"],
  ["D4", "R001", "Acme", new Dec("0.05"), date("2026-10-30"), "Won"],
];
// packed, revenue's months run October, September (D5, D8) and the next metric's September (D9 first), October: one month across a change of metric
const later: Value[][] = [
  ["D9", "R002", "Eden", new Dec("12"), date("2026-09-03"), "Lost"],
  ["D5", "R001", "Acme", new Dec("900"), date("2026-10-31"), "Won"],
  ["D6", "R002", "Core", new Dec("-3.5"), date("2026-10-01"), "Won"],
  ["D7", "Ghost", "Bolt", new Dec("1.25"), date("2026-11-01"), "Won"],
  ["D8", "R001", "Dune", new Dec("40"), date("2026-09-15"), "Won"],
];

/** Everything of the aggregates as plain values, to compare two of them. */
function view(a: SourceAggregates): unknown {
  const table = (t: SourceAggregates["monthly"]) => [...t].map(([metric, byBucket]) => [metric, [...byBucket].map(([bucket, byRep]) => [bucket, [...byRep].map(([rep, acc]) => [rep, acc.result()?.toString() ?? null, acc.records])])]);
  return {
    monthly: table(a.monthly),
    daily: table(a.daily),
    monthsWithRecords: [...a.monthsWithRecords].map(([column, months]) => [column, [...months].sort()]),
    latestDay: a.latestDay,
    owners: [...a.owners].map(([rep, byMonths]) => [rep, [...byMonths].map(([signature, o]) => [signature, o.months, o.count, o.money.total().toString(), o.file, o.row])]),
    unknown: [...a.unknown].map(([raw, u]) => [raw, u.count, u.money.total().toString(), u.file, u.row]),
  };
}

describe("packAggregates and absorbPacked", () => {
  it("give, for two parts merged across a (cloned) thread boundary, what one pass over both gives", () => {
    const whole = aggregate(source("deals", COLUMNS, [...earlier, ...later]), config, reps);
    const first = aggregate(source("deals", COLUMNS, earlier), config, reps);
    const second = aggregate(source("deals", COLUMNS, later, 2 + earlier.length), config, reps);
    absorbPacked(first, structuredClone(packAggregates(second)));
    expect(view(first)).toEqual(view(whole));
  });

  it("shift the rows of a part numbered from its own line 1 by the lines before it", () => {
    // a part read on a reader thread numbers its rows from 1; merged with lineShift = the lines before it, every row it
    // names is the file's: first rows of owners and unknown owners, ambiguous owners, and per-record labels (file:row)
    const withCommission = makeConfig({
      ...config,
      commission: { plans: [{ name: "standard", components: [{ name: "Strategic", type: "per_record", source: "deals", date: "closed", where: 'stage == "Won"', rate: 0.02 }] }] },
    });
    const twins = buildRoster(source("roster", ["rep", "name", "team", "role", "hired"], [
      ["R001", "Li Wei", "East", "account_exec", date("2024-01-01")],
      ["R002", "Wang Fang", "East", "account_exec", date("2024-01-01")],
      ["R003", "Wang Fang", "West", "account_exec", date("2024-01-01")],
    ]));
    // "Wang Fang" names two reps: ambiguous, on the later part's second row
    const laterRows = later.map((values, i) => (i === 1 ? values.map((v, c) => (c === 1 ? "Wang Fang" : v)) : values));
    const whole = aggregate(source("deals", COLUMNS, [...earlier, ...laterRows]), withCommission, twins, ["name"]);
    const first = aggregate(source("deals", COLUMNS, earlier), withCommission, twins, ["name"]);
    const second = aggregate(source("deals", COLUMNS, laterRows, 1), withCommission, twins, ["name"]);
    // the header is line 1 and earlier holds lines 2-5: 5 lines before the part's line 1
    absorbPacked(first, structuredClone(packAggregates(second)), 1 + earlier.length);
    expect(view(first)).toEqual(view(whole));
    expect(first.ambiguous.map((a) => a.row)).toEqual([7]); // the part's line 2 + 5
    expect(first.ambiguous).toEqual(whole.ambiguous);
    const labels = (a: SourceAggregates) => [...a.perRecord.values()].flat().map((c) => [candidateLabel(c), c.row, c.value?.toString() ?? null]);
    // won after the cut, by a rep: D6 and D8, the part's lines 3 and 5, are deals.csv:8 and deals.csv:10 of the file
    expect(labels(first).slice(-2)).toEqual([["deals.csv:8", 8, "-3.5"], ["deals.csv:10", 10, "40"]]);
    expect(labels(first)).toEqual(labels(whole));
  });

  it("merge the values by hand as expected (the arithmetic, for October)", () => {
    const first = aggregate(source("deals", COLUMNS, earlier), config, reps);
    absorbPacked(first, structuredClone(packAggregates(aggregate(source("deals", COLUMNS, later, 2 + earlier.length), config, reps))));
    const october = 2026 * 12 + 9;
    const at = (metric: string, rep: string) => first.monthly.get(metric)?.get(october)?.get(rep)?.result()?.toString() ?? null;
    // R001 in October: D2 50 (Lost), D4 0.05, D5 900 (both Won)
    expect(at("revenue", "R001")).toBe("900.05");
    expect(at("deals", "R001")).toBe("3");
    expect(at("customers", "R001")).toBe("2"); // Bolt, Acme (Acme twice)
    expect(at("average", "R001")).toBe("316.683333333333333333333333333333333333333333333333333333333"); // 950.05 / 3
    expect([at("smallest", "R001"), at("largest", "R001")]).toEqual(["0.05", "900"]);
    expect(at("revenue", "R002")).toBe("-3.5"); // only in the later part
    // Ghost: D3 7 and D7 1.25, 2 records; first seen on row 4 (D3)
    const ghost = first.unknown.get("Ghost");
    expect([ghost?.count, ghost?.money.total().toString(), ghost?.row]).toEqual([2, "8.25", 4]);
  });
});
