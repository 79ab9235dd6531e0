/** What `kpi run` prints: the ranking table and an anomaly summary. Returns strings; the shell prints them. */
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Anomaly, Severity } from "../anomalies/anomaly.js";
import type { CommissionResult, RepPayout } from "../commission/commissionResult.js";
import { groupThousands } from "../util/groupThousands.js";
import { minorUnits } from "../commission/minorUnits.js";
import { formatPeriod } from "../engine/period.js";
import type { RunOutcome } from "../runOutcome.js";
import { roundScore } from "./formatValues.js";
import { dimensionNames } from "./reportWorkbook.js";

export interface TerminalOptions {
  color: boolean;
}

export function renderRanking(outcome: RunOutcome, options: TerminalOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const dimensions = dimensionNames(outcome);
  const payouts = outcome.commission && outcome.commission.componentNames.length > 0 ? outcome.commission : null;
  const digits = minorUnits(outcome.loaded.config.currency);
  const table = new Table({
    head: ["Rank", "Rep", "Name", "Team", "Scorecard", "Tier", "Score", ...dimensions, ...(payouts ? ["Payout"] : [])].map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: ["right", "left", "left", "left", "left", "center", "right", ...dimensions.map(() => "right" as const), "right"],
  });
  for (const r of outcome.engine.reps) {
    table.push([
      String(r.rank),
      r.rep.id,
      r.rep.name ?? "",
      r.rep.team ?? "",
      r.scorecard,
      tierText(c, r.tier),
      scoreText(r.score),
      ...dimensions.map((d) => scoreText(r.dimensions[d] ?? null)),
      ...(payouts ? [payoutText(c, payouts.reps.get(r.rep.id), digits)] : []),
    ]);
  }
  const title = `${outcome.loaded.config.name ?? "KPI"} · ${formatPeriod(outcome.period)} · ${outcome.engine.reps.length} reps scored`;
  const total = payouts ? `Total payout: ${groupThousands(payouts.grandTotal.toFixed(digits))} ${outcome.loaded.config.currency}${reviewNote(payouts)}\n` : "";
  return `${c.bold(title)}\n${table.toString()}\n${total}`;
}

export function renderAnomalySummary(anomalies: readonly Anomaly[], options: TerminalOptions, perCode = 3): string {
  if (anomalies.length === 0) return "No anomalies.\n";
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const lines: string[] = [];
  const counts = (["error", "warning", "info"] as const).map((s) => {
    const n = anomalies.filter((a) => a.severity === s).length;
    return `${n} ${s}${s === "info" || n === 1 ? "" : "s"}`;
  });
  lines.push(c.bold(`Anomalies: ${counts.join(", ")}`));
  const groups = new Map<string, Anomaly[]>();
  for (const a of anomalies) groups.set(`${a.severity}\u0000${a.code}`, [...(groups.get(`${a.severity}\u0000${a.code}`) ?? []), a]);
  for (const [key, group] of groups) {
    const [severity, code] = key.split("\u0000") as [Severity, string];
    lines.push(`  ${paint[severity](severity.padEnd(7))} ${code} (${group.length})`);
    for (const a of group.slice(0, perCode)) lines.push(`      ${where(a)}${a.message}`);
    if (group.length > perCode) lines.push(`      … and ${group.length - perCode} more (see anomalies.xlsx)`);
  }
  return `${lines.join("\n")}\n`;
}

function where(a: Anomaly): string {
  if (a.file === null) return a.rep !== null && !a.message.startsWith(a.rep) ? `${a.rep}: ` : "";
  return `${a.file}${a.row === null ? "" : `:${a.row}`}${a.column === null ? "" : ` [${a.column}]`}: `;
}

function payoutText(c: ChalkInstance, payout: RepPayout | undefined, digits: number): string {
  if (!payout) return "—";
  const text = groupThousands(payout.total.toFixed(digits));
  return payout.needsReview ? c.yellow(`${text} *`) : text;
}

function reviewNote(payouts: CommissionResult): string {
  const flagged = [...payouts.reps.values()].filter((p) => p.needsReview).length;
  return flagged === 0 ? "" : ` (${flagged} rep${flagged === 1 ? "" : "s"} marked * need review: their data has errors)`;
}

function scoreText(score: number | null): string {
  const rounded = roundScore(score);
  return rounded === null ? "—" : rounded.toFixed(2);
}

function tierText(c: ChalkInstance, tier: string | null): string {
  if (tier === null) return "—";
  return c.bold(tier);
}
