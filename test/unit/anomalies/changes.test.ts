import { describe, expect, it, vi } from "vitest";
import { actualFormatter } from "../../../src/anomalies/actualFormatter.js";
import { changeAnomalies, changeValues, relativeChange } from "../../../src/anomalies/changes.js";
import { Dec } from "../../../src/money.js";
import { makeConfig } from "../../support/builders.js";
import { makeRepResult, makeRun } from "./builders.js";

const metrics = ["visits", "won_revenue", "win_rate"];
const current = makeRun([
  makeRepResult({ id: "R001", metrics: { visits: "15", won_revenue: "250000" } }),
  makeRepResult({ id: "R002", metrics: { visits: "8" } }),
  makeRepResult({ id: "R003", metrics: { visits: "20" } }), // not in the previous run
  makeRepResult({ id: "R004", metrics: { visits: null } }),
  makeRepResult({ id: "R005", metrics: { visits: "-5" } }),
]);
const previous = makeRun(
  [
    makeRepResult({ id: "R001", metrics: { visits: "40", won_revenue: "100000" } }),
    makeRepResult({ id: "R002", metrics: { visits: "0" } }),
    makeRepResult({ id: "R004", metrics: { visits: "12" } }),
    makeRepResult({ id: "R005", metrics: { visits: "-10" } }),
  ],
  "2026-09",
);
const always = () => true;
const table = (changes: Map<string, Map<string, number | null>>) => Object.fromEntries([...changes].map(([rep, m]) => [rep, Object.fromEntries(m)]));

describe("relativeChange", () => {
  it.each([
    ["15", "40", -0.625], // (15 − 40) / 40
    ["250000", "100000", 1.5], // (250,000 − 100,000) / 100,000
    ["-5", "-10", 0.5], // (−5 − −10) / |−10|: up from a negative value
    ["40", "40", 0],
    ["8", "0", null], // previous 0
    [null, "12", null], // no current value
    ["20", null, null], // no previous value
  ])("%s against %s -> %s", (now, then, change) => {
    expect(relativeChange(now === null ? null : new Dec(now), then === null ? null : new Dec(then))).toBe(change);
  });
});

describe("changeValues", () => {
  it("gives every rep of the current run a change for every metric passed", () => {
    expect(table(changeValues(current, previous, metrics, always))).toEqual({
      R001: { visits: -0.625, won_revenue: 1.5, win_rate: null }, // win_rate: no value in either period
      R002: { visits: null, won_revenue: null, win_rate: null }, // previous visits 0
      R003: { visits: null, won_revenue: null, win_rate: null }, // absent from the previous run
      R004: { visits: null, won_revenue: null, win_rate: null }, // current visits null
      R005: { visits: 0.5, won_revenue: null, win_rate: null },
    });
  });

  it("gives null for a metric whose source had no record in the previous period", () => {
    const changes = changeValues(current, previous, metrics, (metric) => metric !== "visits");
    expect(changes.get("R001")?.get("visits")).toBeNull();
    expect(changes.get("R005")?.get("visits")).toBeNull();
    expect(changes.get("R001")?.get("won_revenue")).toBe(1.5);
  });

  it("gives null everywhere when there is no previous period, without asking about sources", () => {
    const sourceHadRecords = vi.fn(always);
    const changes = changeValues(current, null, metrics, sourceHadRecords);
    expect([...changes.values()].flatMap((m) => [...m.values()]).every((v) => v === null)).toBe(true);
    expect(changes.get("R001")?.size).toBe(3);
    expect(sourceHadRecords).not.toHaveBeenCalled();
  });

  it("asks about each metric's source once", () => {
    const sourceHadRecords = vi.fn(always);
    changeValues(current, previous, metrics, sourceHadRecords);
    expect(sourceHadRecords.mock.calls).toEqual([["visits"], ["won_revenue"], ["win_rate"]]);
  });
});

describe("changeAnomalies", () => {
  const changes = changeValues(current, previous, metrics, always);

  it("warns when |change| is above the threshold, with the percent and both actuals", () => {
    // R001 visits −62.5%, won_revenue +150%; R005 visits +50% is not above 0.5
    expect(changeAnomalies(changes, ["visits", "won_revenue"], 0.5, current, previous)).toEqual([
      { severity: "warning", code: "change", rep: "R001", metric: "visits", source: null, file: null, row: null, column: null, value: "-62.5%", message: "visits fell 62.5% from 2026-09 (40 → 15)" },
      { severity: "warning", code: "change", rep: "R001", metric: "won_revenue", source: null, file: null, row: null, column: null, value: "150%", message: "won_revenue rose 150% from 2026-09 (100,000 → 250,000)" },
    ]);
  });

  it("formats actuals with the metric's formatter", () => {
    const money = actualFormatter(makeConfig({ metrics: { won_revenue: { source: "deals", date: "closed", aggregate: "sum", value: "amount" } } }));
    const [found] = changeAnomalies(changes, ["won_revenue"], 0.5, current, previous, money);
    expect(found?.message).toBe("won_revenue rose 150% from 2026-09 (100,000.00 → 250,000.00)");
  });

  it.each([
    [0.49, ["R001 visits", "R005 visits"]], // 0.5 > 0.49
    [0.5, ["R001 visits"]], // |0.5| is not above 0.5
    [0.625, []], // |−0.625| is not above 0.625
  ])("threshold %d flags %j", (threshold, expected) => {
    expect(changeAnomalies(changes, ["visits"], threshold, current, previous).map((a) => `${a.rep} ${a.metric}`)).toEqual(expected);
  });

  it("reports only the metrics listed", () => {
    expect(changeAnomalies(changes, ["win_rate"], 0.1, current, previous)).toEqual([]);
  });

  it("reports nothing without a previous period", () => {
    expect(changeAnomalies(changeValues(current, null, metrics, always), ["visits"], 0.1, current, null)).toEqual([]);
  });
});
