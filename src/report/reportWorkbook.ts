/**
 * `report.xlsx` as a model: Ranking, Scorecard, Teams, Awards, Anomalies and
 * Run sheets. Pure: a RunOutcome in, a WorkbookModel out.
 */
import { moneyFixed } from "../commission/minorUnits.js";
import { minorUnits } from "../commission/minorUnits.js";
import { formatPeriod } from "../engine/period.js";
import { Dec, ZERO } from "../money.js";
import type { RunOutcome } from "../runOutcome.js";
import { anomaliesSheet } from "./anomaliesSheet.js";
import { isMoneyMetric, metricCell, metricFormat, roundScore, tierColours } from "./formatValues.js";
import type { Cell, Column, Sheet, WorkbookModel } from "./workbookModel.js";

export function reportWorkbook(outcome: RunOutcome): WorkbookModel {
  const { config } = outcome.loaded;
  return {
    currency: config.currency,
    minorUnits: minorUnits(config.currency),
    sheets: [rankingSheet(outcome), scorecardSheet(outcome), teamsSheet(outcome), awardsSheet(outcome), anomaliesSheet(outcome.anomalies), runSheet(outcome)],
  };
}

export function dimensionNames(outcome: RunOutcome): string[] {
  return [...new Set(outcome.loaded.config.scorecards.flatMap((card) => Object.keys(card.dimensions)))];
}

function label(outcome: RunOutcome, metric: string): string {
  return outcome.loaded.config.metrics[metric]?.label ?? metric;
}

function rankingSheet(outcome: RunOutcome): Sheet {
  const { config } = outcome.loaded;
  const dimensions = dimensionNames(outcome);
  const metrics = Object.keys(config.metrics);
  const columns: Column[] = [
    { header: "Rank", format: "integer" },
    { header: "Rep", format: "text" },
    { header: "Name", format: "text" },
    { header: "Team", format: "text" },
    { header: "Region", format: "text" },
    { header: "Scorecard", format: "text" },
    { header: "Tier", format: "text", fillByText: tierColours(config) },
    { header: "Score", format: "score", dataBar: true },
    ...dimensions.map((d): Column => ({ header: capitalise(d), format: "score" })),
    ...metrics.map((m): Column => ({ header: label(outcome, m), format: metricFormat(config, m) })),
    ...config.ranking.within.map((w): Column => ({ header: `Rank in ${w}`, format: "integer" })),
  ];
  const rows = outcome.engine.reps.map((r): Cell[] => [
    r.rank,
    r.rep.id,
    r.rep.name,
    r.rep.team,
    r.rep.region,
    r.scorecard,
    r.tier,
    roundScore(r.score),
    ...dimensions.map((d) => roundScore(r.dimensions[d] ?? null)),
    ...metrics.map((m) => metricCell(config, m, r.metrics[m]?.actual ?? null)),
    ...config.ranking.within.map((w) => r.rankWithin[w] ?? null),
  ]);
  return { name: "Ranking", columns, rows };
}

function scorecardSheet(outcome: RunOutcome): Sheet {
  const { config } = outcome.loaded;
  const columns: Column[] = [
    { header: "Rep", format: "text" },
    { header: "Scorecard", format: "text" },
    { header: "Dimension", format: "text" },
    { header: "Metric", format: "text" },
    { header: "Actual", format: "number" },
    { header: "Target", format: "number" },
    { header: "Target source", format: "text", width: 40 },
    { header: "Attainment", format: "percent", colorScaleMidpoint: 1 },
    { header: "Capped", format: "percent", colorScaleMidpoint: 1 },
    { header: "Weight", format: "percent" },
    { header: "Points", format: "score" },
    { header: "Records", format: "integer" },
    { header: "Note", format: "text" },
  ];
  const rows = outcome.engine.reps.flatMap((r) =>
    r.scorecardRows.map((row): Cell[] => [
      r.rep.id,
      r.scorecard,
      row.dimension,
      row.metric,
      metricCell(config, row.metric, row.actual),
      row.target === null ? null : isMoneyMetric(config, row.metric) ? { money: moneyFixed(row.target, config.currency) } : row.target.toNumber(),
      row.targetSource,
      row.attainment,
      row.capped,
      row.weight,
      row.points === null ? null : roundScore(row.points),
      row.records,
      row.excluded === "missing_target" ? "no target: left out, weights rescaled" : row.excluded === "no_data" ? "no value: left out, weights rescaled" : null,
    ]),
  );
  return { name: "Scorecard", columns, rows };
}

function teamsSheet(outcome: RunOutcome): Sheet {
  const { config } = outcome.loaded;
  const tierNames = config.tiers === undefined ? [] : Array.isArray(config.tiers) ? config.tiers.map((t) => t.name) : Object.keys(config.tiers.distribution);
  const moneyMetrics = Object.keys(config.metrics).filter((m) => isMoneyMetric(config, m) && config.metrics[m]?.formula === undefined && config.metrics[m]?.aggregate === "sum" && config.metrics[m]?.level !== "team");
  const teams = new Map<string, typeof outcome.engine.reps>();
  for (const r of outcome.engine.reps) {
    const team = r.rep.team ?? "(no team)";
    teams.set(team, [...(teams.get(team) ?? []), r]);
  }
  const columns: Column[] = [
    { header: "Team", format: "text" },
    { header: "Reps", format: "integer" },
    { header: "Average score", format: "score" },
    ...tierNames.map((t): Column => ({ header: `Tier ${t}`, format: "integer" })),
    ...moneyMetrics.map((m): Column => ({ header: label(outcome, m), format: "money" })),
  ];
  const rows = [...teams.keys()].sort().map((team): Cell[] => {
    const members = teams.get(team) ?? [];
    const scores = members.flatMap((m) => (m.score === null ? [] : [m.score]));
    const average = scores.length === 0 ? null : roundScore(scores.reduce((a, b) => a + b, 0) / scores.length);
    return [
      team,
      members.length,
      average,
      ...tierNames.map((t) => members.filter((m) => m.tier === t).length),
      ...moneyMetrics.map((m) => ({ money: moneyFixed(members.reduce((sum, r) => sum.plus(r.metrics[m]?.actual ?? ZERO), new Dec(0)), config.currency) })),
    ];
  });
  return { name: "Teams", columns, rows };
}

function awardsSheet(outcome: RunOutcome): Sheet {
  const { config } = outcome.loaded;
  const byId = new Map(outcome.engine.reps.map((r) => [r.rep.id, r]));
  const columns: Column[] = [
    { header: "Award", format: "text" },
    { header: "Rep", format: "text" },
    { header: "Name", format: "text" },
    { header: "Metric", format: "text" },
    { header: "Value", format: "number" },
  ];
  const rows = outcome.engine.awards.map((a): Cell[] => {
    const by = config.awards.find((award) => award.name === a.award)?.by ?? "";
    return [a.award, a.rep, byId.get(a.rep)?.rep.name ?? null, label(outcome, by), metricCell(config, by, a.value)];
  });
  return { name: "Awards", columns, rows };
}

function runSheet(outcome: RunOutcome): Sheet {
  const { loaded, ingested } = outcome;
  const columns: Column[] = [
    { header: "Item", format: "text" },
    { header: "Value", format: "text", width: 50 },
    { header: "SHA-256", format: "text", width: 66 },
    { header: "Read", format: "integer" },
    { header: "Accepted", format: "integer" },
    { header: "Rejected", format: "integer" },
    { header: "Duplicates", format: "integer" },
  ];
  const rows: Cell[][] = [
    ["kpi version", outcome.version, null],
    ["Config", loaded.file, loaded.sha256],
    ["Config name", loaded.config.name ?? null, null],
    ["Period", formatPeriod(outcome.period), null],
    ["Currency", loaded.config.currency, null],
    ["Rounding", loaded.config.rounding, null],
    ["Reps scored", String(outcome.engine.reps.length), null],
  ];
  for (const [name, source] of ingested.sources) {
    const a = source.accounting;
    rows.push([`Source ${name}`, source.files.join(", "), null, a.read, a.accepted, a.rejected, a.duplicates]);
    for (const file of ingested.files.filter((f) => f.source === name)) rows.push([`  file`, file.display, file.sha256]);
  }
  return { name: "Run", columns, rows };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
