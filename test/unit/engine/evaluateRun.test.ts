import { describe, expect, it } from "vitest";
import { CalendarDate } from "../../../src/dates/calendarDate.js";
import { evaluateRun, periodActuals } from "../../../src/engine/evaluateRun.js";
import { parsePeriod } from "../../../src/engine/period.js";
import { buildRoster } from "../../../src/engine/roster.js";
import { aggregate } from "../../support/engineBuilders.js";
import type { Value } from "../../../src/expr/value.js";
import type { SourceData } from "../../../src/ingest/sourceData.js";
import { Dec } from "../../../src/money.js";
import { day, makeConfig } from "../../support/builders.js";

const date = (iso: string) => new CalendarDate(day(iso));

function source(name: string, columns: string[], rows: Value[][]): SourceData {
  return { name, columns, files: [`${name}.csv`], records: rows.map((values, i) => ({ values, file: 0, row: i + 2 })), accounting: { read: rows.length, accepted: rows.length, rejected: 0, duplicates: 0 }, anomalies: [] };
}

const roster = source("roster", ["rep", "name", "team", "role", "hired", "left"], [
  ["R001", "Li Wei", "East", "account_exec", date("2024-01-01"), null],
  ["R002", "Wang Fang", "East", "account_exec", date("2026-08-15"), null], // tenure at 2026-10-31: 2 months
  ["R003", "Zhang Min", "West", "key_account", date("2023-01-01"), date("2026-09-30")], // left before October
]);
const deals = source("deals", ["id", "rep", "amount", "closed", "stage"], [
  ["D1", "Li Wei", new Dec("100000"), date("2026-10-05"), "Won"],
  ["D2", "R001", new Dec("50000"), date("2026-10-31"), "Won"],
  ["D3", "R001", new Dec("999"), date("2026-11-01"), "Won"], // November: not in the period
  ["D4", "R002", new Dec("30000"), date("2026-10-10"), "Lost"],
  ["D5", "R002", new Dec("60000"), date("2026-10-11"), "Won"],
  ["D6", "R003", new Dec("70000"), date("2026-10-12"), "Won"], // R003 left: inactive_rep
  ["D7", "Ghost", new Dec("5"), date("2026-10-12"), "Won"], // unknown_rep
]);

const config = makeConfig({
  sources: {
    deals: { path: "deals.csv", key: "id", columns: { id: "Deal ID", rep: "Owner", amount: { from: "Amount", type: "money" }, closed: { from: "Closed", type: "date" }, stage: "Stage" } },
    roster: { path: "roster.csv", match: ["name"], columns: { rep: "Rep", name: "Name", team: "Team", role: "Role", hired: { from: "Hired", type: "date" }, left: { from: "Left", type: "date", required: false } } },
  },
  metrics: {
    revenue: { source: "deals", where: 'stage == "Won"', date: "closed", aggregate: "sum", value: "amount" },
    won: { source: "deals", where: 'stage == "Won"', date: "closed", aggregate: "count" },
    closed: { source: "deals", date: "closed", aggregate: "count" },
    win_rate: { formula: "won / closed" },
    team_revenue: { source: "deals", where: 'stage == "Won"', date: "closed", aggregate: "sum", value: "amount", level: "team" },
  },
  targets: { revenue: 100000, win_rate: 0.5, team_revenue: 200000 },
  scorecards: [
    { name: "new_hire", applies_to: "tenure_months < 3", dimensions: { process: { weight: 1, metrics: { win_rate: 1 } } } },
    { name: "standard", dimensions: { result: { weight: 3, metrics: { revenue: 1 } }, team: { weight: 1, metrics: { team_revenue: 1 } } } },
  ],
  awards: [{ name: "Top", by: "revenue" }],
});

const period = parsePeriod("2026-10");
if (!period) throw new Error("period");
const reps = buildRoster(roster);
const result = evaluateRun({ config, held: new Map([["roster", roster]]), aggregates: new Map([["deals", aggregate(deals, config, reps, ["name"])]]), period });
const rep = (id: string) => result.reps.find((r) => r.rep.id === id);

describe("evaluateRun", () => {
  it("scores only reps employed in the period", () => {
    expect(result.reps.map((r) => r.rep.id).sort()).toEqual(["R001", "R002"]);
  });

  it("aggregates records dated in the period, matched by id or name", () => {
    // D1 (by name) 100,000 + D2 50,000; D3 is in November
    expect(rep("R001")?.metrics["revenue"]?.actual?.toString()).toBe("150000");
    expect(rep("R001")?.metrics["revenue"]?.records).toBe(2);
  });

  it("computes formula metrics per rep", () => {
    // R002: 1 won / 2 closed = 0.5
    expect(rep("R002")?.metrics["win_rate"]?.actual?.toString()).toBe("0.5");
  });

  it("gives every team member the team's value for level: team", () => {
    // East: 150,000 (R001) + 60,000 (R002) = 210,000; R003's deal does not count (not employed)
    expect(rep("R001")?.metrics["team_revenue"]?.actual?.toString()).toBe("210000");
    expect(rep("R002")?.metrics["team_revenue"]?.actual?.toString()).toBe("210000");
  });

  it("chooses the scorecard by tenure", () => {
    expect(rep("R002")?.tenureMonths).toBe(2);
    expect(rep("R002")?.scorecard).toBe("new_hire");
    expect(rep("R001")?.scorecard).toBe("standard");
  });

  it("scores with weights as fractions", () => {
    // R001: result 3/4 × min(1.5, 1.5) + team 1/4 × (210,000 / 200,000 = 1.05) = 1.125 + 0.2625 = 1.3875 -> 138.75
    expect(rep("R001")?.score).toBeCloseTo(138.75, 10);
    // R002: win_rate 0.5 / 0.5 = 1 -> 100
    expect(rep("R002")?.score).toBeCloseTo(100, 10);
    expect(result.reps.map((r) => [r.rep.id, r.rank])).toEqual([["R001", 1], ["R002", 2]]);
  });

  it("reports inactive and unknown reps with their money", () => {
    expect(result.anomalies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "inactive_rep", rep: "R003", value: "70000.00 CNY", row: 7 }),
        expect.objectContaining({ code: "unknown_rep", rep: "Ghost", value: "5.00 CNY", row: 8 }),
      ]),
    );
  });

  it("gives awards by a metric", () => {
    expect(result.awards.map((a) => [a.award, a.rep, a.value.toString()])).toEqual([["Top", "R001", "150000"]]);
  });
});

describe("periodActuals", () => {
  const actualsOf = (p: NonNullable<ReturnType<typeof parsePeriod>>) => {
    const input = { config, held: new Map([["roster", roster]]), aggregates: new Map([["deals", aggregate(deals, config, reps, ["name"])]]), period: p };
    const full = evaluateRun(input);
    return { quick: periodActuals(input), full };
  };

  it("gives the metric values evaluateRun gives, rep for rep, without scoring", () => {
    const { quick, full } = actualsOf(period);
    const values = (run: typeof quick) => run.reps.map((r) => [r.rep.id, Object.entries(r.metrics).map(([m, v]) => [m, v?.actual?.toString() ?? null])]);
    expect(values(quick)).toEqual(values(full));
    // R001 in October: revenue 100,000 + 50,000; won 2 of 2 closed; East's won revenue 150,000 + 60,000
    expect(values(quick)[0]).toEqual(["R001", [["revenue", "150000"], ["won", "2"], ["closed", "2"], ["win_rate", "1"], ["team_revenue", "210000"]]]);
  });

  it("lists the reps employed in that period, R003 included before they left", () => {
    const september = parsePeriod("2026-09");
    if (!september) throw new Error("period");
    // R002 was hired on 2026-08-15, R003 left on 2026-09-30: all three were employed in September, none has a deal then
    expect(actualsOf(september).quick.reps.map((r) => [r.rep.id, r.metrics["revenue"]?.actual?.toString() ?? null])).toEqual([["R001", "0"], ["R002", "0"], ["R003", "0"]]);
  });
});

describe("SourceAggregator month by month", () => {
  it("adds each record to its own month's accumulator when a rep's records hop between three months", () => {
    // R001's won deals, in this order: Aug 1, Sep 10, Oct 100, Aug 2, Oct 200, Sep 20, Aug 3, Oct 300
    // (an owner keeps the accumulators of its last two months at hand: every third month forces one out)
    const hops = source("deals", ["id", "rep", "amount", "closed", "stage"], [
      ["H1", "R001", new Dec("1"), date("2026-08-03"), "Won"],
      ["H2", "R001", new Dec("10"), date("2026-09-03"), "Won"],
      ["H3", "R001", new Dec("100"), date("2026-10-03"), "Won"],
      ["H4", "R001", new Dec("2"), date("2026-08-04"), "Won"],
      ["H5", "R001", new Dec("200"), date("2026-10-04"), "Won"],
      ["H6", "R001", new Dec("20"), date("2026-09-04"), "Won"],
      ["H7", "R001", new Dec("3"), date("2026-08-05"), "Won"],
      ["H8", "R001", new Dec("300"), date("2026-10-05"), "Won"],
    ]);
    const monthly = aggregate(hops, config, reps, ["name"]).monthly.get("revenue");
    const byMonth = [...(monthly ?? new Map())].map(([month, byRep]) => [month % 12 + 1, byRep.get("R001")?.result()?.toString(), byRep.get("R001")?.records]);
    // August 1 + 2 + 3 = 6 (3 deals); September 10 + 20 = 30 (2); October 100 + 200 + 300 = 600 (3)
    expect(byMonth).toEqual([[8, "6", 3], [9, "30", 2], [10, "600", 3]]);
  });

  it("accumulates only the kept months, inside the usual years (1990-2059) and outside them", () => {
    const kept = source("deals", ["id", "rep", "amount", "closed", "stage"], [
      ["K1", "R001", new Dec("1"), date("2026-09-30"), "Won"],
      ["K2", "R001", new Dec("10"), date("2026-10-01"), "Won"], // kept
      ["K3", "R001", new Dec("100"), date("2026-11-01"), "Won"],
      ["K4", "R001", new Dec("1000"), date("1985-03-15"), "Won"], // kept, before the usual years
      ["K5", "R001", new Dec("10000"), date("1985-04-15"), "Won"],
      ["K6", "R001", new Dec("100000"), null, "Won"], // no date: no month to keep
    ]);
    const october = 2026 * 12 + 9;
    const march1985 = 1985 * 12 + 2;
    const monthly = aggregate(kept, config, reps, ["name"], new Set([october, march1985])).monthly.get("revenue");
    const byMonth = [...(monthly ?? new Map())].map(([month, byRep]) => [Math.floor(month / 12), month % 12 + 1, byRep.get("R001")?.result()?.toString()]);
    expect(byMonth).toEqual([[2026, 10, "10"], [1985, 3, "1000"]]);
  });
});
