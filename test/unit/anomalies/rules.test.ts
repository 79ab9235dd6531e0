import { describe, expect, it } from "vitest";
import { ruleAnomalies, type AnomalyRule } from "../../../src/anomalies/rules.js";
import { makeRepResult } from "./builders.js";

const rule = (when: string, fields: Partial<AnomalyRule> = {}): AnomalyRule => ({ name: "Check", when, severity: "warning", message: "", ...fields });

const reps = [
  makeRepResult({ id: "R001", score: 112, tier: "S", dimensions: { process: 85 }, metrics: { won_revenue: ["120000", "300000"], visits: "55" } }), // attainment 0.4
  makeRepResult({ id: "R002", score: 70, tier: "C", dimensions: { process: null }, metrics: { won_revenue: ["330000", "300000"], visits: "20" } }), // attainment 1.1
  makeRepResult({ id: "R003", score: null, tier: null, metrics: { won_revenue: ["50000", null], visits: null } }), // no target: attainment null
];
const changes = new Map([
  ["R001", new Map<string, number | null>([["win_rate", -0.2], ["visits", 0.25]])], // −20% and +25%: fires
  ["R002", new Map<string, number | null>([["win_rate", -0.2], ["visits", null]])], // null visits: true and null -> null, not true
  // R003: no changes at all (e.g. not in the previous run)
]);
const fired = (when: string) => ruleAnomalies([rule(when)], reps, changes).map((a) => a.rep);

describe("ruleAnomalies", () => {
  it.each([
    ["change.win_rate < -0.1 and change.visits > 0.1", ["R001"]],
    ["change.win_rate < -0.1", ["R001", "R002"]],
    ["change.visits > 0.1 or change.win_rate < -0.1", ["R001", "R002"]], // null or true = true
    ["not (change.visits > 0.1)", []], // R001: not true = false; R002, R003: not null = null
    ["attainment.won_revenue < 0.5", ["R001"]], // 120,000 / 300,000 = 0.4; R003 has no target: null
    ["attainment.won_revenue >= 1", ["R002"]], // 330,000 / 300,000 = 1.1 (uncapped)
    ["score >= 110", ["R001"]], // R003's null score is not >= 110
    ["score < 80", ["R002"]], // nor < 80
    ['tier == "S"', ["R001"]],
    ["dimension.process >= 80", ["R001"]], // R002's dimension was left out: null
    ["metric.visits > 50", ["R001"]],
    ["metric.visits < 50", ["R002"]], // R003: null
    ["coalesce(metric.visits, 0) < 50", ["R002", "R003"]],
    ["change.unknown_metric > 0", []],
  ])("%s fires for %j", (when, expected) => {
    expect(fired(when)).toEqual(expected);
  });

  it("gives one anomaly per rep with the rule's severity, name and message", () => {
    const rules = [
      rule("change.win_rate < -0.1 and change.visits > 0.1", { name: "Conversion down while visits up", message: "Check lead quality or the sales pitch.", severity: "error" }),
      rule("score < 80", { name: "Low score", severity: "info" }),
    ];
    expect(ruleAnomalies(rules, reps, changes)).toEqual([
      { severity: "error", code: "rule", rep: "R001", metric: null, source: null, file: null, row: null, column: null, value: null, message: "Conversion down while visits up: Check lead quality or the sales pitch." },
      { severity: "info", code: "rule", rep: "R002", metric: null, source: null, file: null, row: null, column: null, value: null, message: "Low score" }, // empty message: the name alone
    ]);
  });

  it("gives nothing without rules or reps", () => {
    expect(ruleAnomalies([], reps, changes)).toEqual([]);
    expect(ruleAnomalies([rule("true")], [], changes)).toEqual([]);
  });
});
