/**
 * `kpi explain REP`: every number behind one rep's score and payout, as
 * plain data (`explainRep`) and as terminal text (`renderExplanation`).
 */
import { Chalk } from "chalk";
import type { Anomaly } from "../anomalies/anomaly.js";
import type { CommissionLine } from "../commission/commissionResult.js";
import { minorUnits } from "../commission/minorUnits.js";
import { formatPeriod } from "../engine/period.js";
import type { RepResult } from "../engine/runResult.js";
import type { Dec } from "../money.js";
import type { RunOutcome } from "../runOutcome.js";
import { groupThousands } from "../util/groupThousands.js";
import { isMoneyMetric, roundScore } from "./formatValues.js";

export interface MetricExplanation {
  metric: string;
  label: string;
  dimension: string | null;
  how: string;
  actual: string | null;
  records: number | null;
  target: string | null;
  targetSource: string | null;
  attainment: number | null;
  capped: number | null;
  cap: number | null;
  weight: number | null;
  points: number | null;
  note: string | null;
}

export interface Explanation {
  rep: string;
  name: string | null;
  team: string | null;
  role: string | null;
  period: string;
  tenureMonths: number;
  scorecard: { name: string; why: string };
  score: number | null;
  tier: string | null;
  rank: number;
  of: number;
  rankWithin: Record<string, number>;
  dimensions: Record<string, number | null>;
  metrics: MetricExplanation[];
  payout: { total: string; needsReview: boolean; plans: string[]; lines: { component: string; record: string | null; base: string | null; rate: number | null; amount: string; note: string }[] } | null;
  anomalies: Anomaly[];
}

export function explainRep(outcome: RunOutcome, result: RepResult): Explanation {
  const { config } = outcome.loaded;
  const digits = minorUnits(config.currency);
  const money = (d: Dec | null) => (d === null ? null : d.toFixed(digits));
  // money to the cent; other values to at most 4 decimals (an average of days can have 60)
  const value = (metric: string, d: Dec | null) => (d === null ? null : isMoneyMetric(config, metric) ? d.toFixed(digits) : d.toDecimalPlaces(4).toString());
  const card = config.scorecards.find((c) => c.name === result.scorecard);
  const onCard = new Map(result.scorecardRows.map((row) => [row.metric, row]));
  const metrics: MetricExplanation[] = Object.entries(result.metrics).map(([name, m]) => {
    const row = onCard.get(name);
    return {
      metric: name,
      label: config.metrics[name]?.label ?? name,
      dimension: row?.dimension ?? null,
      how: describeMetric(outcome, name),
      actual: value(name, m.actual),
      records: m.records,
      target: value(name, m.target),
      targetSource: m.targetSource,
      attainment: m.attainment,
      capped: row?.capped ?? null,
      cap: row ? (card?.cap ?? null) : null,
      weight: row?.weight ?? null,
      points: row?.points ?? null,
      note: row?.excluded === "missing_target" ? "no target: left out of the score" : row?.excluded === "no_data" ? "no value: left out of the score" : null,
    };
  });
  metrics.sort((a, b) => Number(a.dimension === null) - Number(b.dimension === null));
  const payout = outcome.commission?.reps.get(result.rep.id);
  const ids = new Set([result.rep.id, result.rep.name ?? ""].map((s) => s.toLowerCase()));
  return {
    rep: result.rep.id,
    name: result.rep.name,
    team: result.rep.team,
    role: result.rep.role,
    period: formatPeriod(outcome.period),
    tenureMonths: result.tenureMonths,
    scorecard: { name: result.scorecard, why: whyScorecard(outcome, result) },
    score: result.score,
    tier: result.tier,
    rank: result.rank,
    of: outcome.engine.reps.length,
    rankWithin: result.rankWithin,
    dimensions: result.dimensions,
    metrics,
    payout: payout
      ? {
          total: payout.total.toFixed(digits),
          needsReview: payout.needsReview,
          plans: payout.plans,
          lines: payout.lines.map((l: CommissionLine) => ({ component: l.component ?? "Cap adjustment", record: l.record, base: money(l.base), rate: l.rate === null ? null : l.rate.toNumber(), amount: l.amount.toFixed(digits), note: l.note })),
        }
      : null,
    anomalies: outcome.anomalies.filter((a) => a.rep !== null && ids.has(a.rep.toLowerCase())),
  };
}

function describeMetric(outcome: RunOutcome, name: string): string {
  const spec = outcome.loaded.config.metrics[name];
  if (!spec) return "";
  if (spec.formula !== undefined) return `formula ${spec.formula}`;
  const parts = [`${spec.aggregate ?? "count"}${spec.value ? ` of ${spec.value}` : ""} over ${spec.source}`, spec.where ? `where ${spec.where}` : null, `dated by ${spec.date}`, spec.level === "team" ? "for the whole team" : null];
  return parts.filter((p) => p !== null).join(", ");
}

function whyScorecard(outcome: RunOutcome, result: RepResult): string {
  const cards = outcome.loaded.config.scorecards;
  const chosen = cards.find((c) => c.name === result.scorecard);
  const skipped = cards.slice(0, cards.findIndex((c) => c.name === result.scorecard)).map((c) => `${c.name} (${c.applies_to} does not hold)`);
  const because = chosen?.applies_to ? `${chosen.applies_to} holds (tenure_months = ${result.tenureMonths}, role = ${result.rep.role ?? "none"})` : "the last scorecard, for every rep the ones above do not take";
  return skipped.length > 0 ? `${because}; not ${skipped.join(", not ")}` : because;
}

export function renderExplanation(e: Explanation, options: { color: boolean; currency: string }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const pct = (n: number | null) => (n === null ? "—" : `${(n * 100).toFixed(1)}%`);
  const num = (s: string | null) => (s === null ? "—" : /^-?\d+(\.\d+)?$/.test(s) ? groupThousands(s) : s);
  const out: string[] = [];
  out.push(c.bold(`${e.rep} ${e.name ?? ""}`.trim()) + `  ${[e.team, e.role].filter(Boolean).join(", ")} · ${e.period} · tenure ${e.tenureMonths} months`);
  out.push(`Score ${e.score === null ? "— (no scorable metric)" : roundScore(e.score)?.toFixed(2)} · tier ${e.tier ?? "—"} · rank ${e.rank} of ${e.of}${Object.entries(e.rankWithin).map(([k, v]) => ` · rank ${v} in ${k}`).join("")}`);
  out.push(`Scorecard ${c.bold(e.scorecard.name)}: ${e.scorecard.why}`);
  out.push("");
  out.push(c.bold("Dimensions"));
  for (const [name, score] of Object.entries(e.dimensions)) out.push(`  ${name.padEnd(14)} ${score === null ? "— (left out)" : roundScore(score)?.toFixed(2)}`);
  out.push("");
  out.push(c.bold("Metrics"));
  for (const m of e.metrics) {
    const head = `  ${m.label}${m.dimension ? ` [${m.dimension}]` : " (not on the scorecard)"}`;
    out.push(head);
    out.push(`      actual ${num(m.actual)}${m.records === null ? "" : ` from ${m.records} record${m.records === 1 ? "" : "s"}`} — ${m.how}`);
    out.push(`      target ${num(m.target)}${m.targetSource ? ` (${m.targetSource})` : ""} · attainment ${pct(m.attainment)}${m.cap !== null ? ` · capped at ${pct(m.cap)}: ${pct(m.capped)}` : ""}`);
    if (m.weight !== null && m.dimension) out.push(`      weight ${pct(m.weight)} of the score · points ${m.points === null ? "—" : m.points.toFixed(2)}${m.note ? ` · ${m.note}` : ""}`);
  }
  if (e.payout) {
    out.push("");
    out.push(c.bold(`Payout ${num(e.payout.total)} ${options.currency}`) + (e.payout.plans.length > 0 ? ` (plan ${e.payout.plans.join(", ")})` : " (no plan applies)") + (e.payout.needsReview ? c.yellow(" — needs review: the rep's data has errors") : ""));
    for (const l of e.payout.lines) {
      out.push(`  ${l.component.padEnd(28)} ${num(l.amount).padStart(14)}  ${l.record ? `${l.record}: ` : ""}${l.note}`);
    }
  }
  out.push("");
  out.push(c.bold(`Anomalies (${e.anomalies.length})`));
  if (e.anomalies.length === 0) out.push("  none");
  for (const a of e.anomalies) out.push(`  ${a.severity} ${a.code}${a.file ? ` ${a.file}${a.row === null ? "" : `:${a.row}`}` : ""}: ${a.message}`);
  return `${out.join("\n")}\n`;
}
