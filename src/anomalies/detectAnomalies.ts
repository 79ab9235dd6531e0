/**
 * The configured statistical checks and rules, pure: the current and the
 * previous period's engine results and the accumulated sources in; outlier,
 * change, period-end-share and rule anomalies out, plus the change table
 * (rules and explain read `change.NAME`).
 */
import type { Config } from "../config/schema.js";
import { parseExpression } from "../expr/parseExpression.js";
import { references } from "../expr/references.js";
import { aggregateMetrics } from "../engine/aggregateMetrics.js";
import type { Period } from "../engine/period.js";
import type { EngineResult, RunActuals } from "../engine/runResult.js";
import { monthKeysOf } from "../engine/monthKeys.js";
import type { SourceAggregates } from "../engine/sourceAggregator.js";
import { actualFormatter } from "./actualFormatter.js";
import type { Anomaly } from "./anomaly.js";
import { changeAnomalies, changeValues, type ChangeTable } from "./changes.js";
import { outlierAnomalies } from "./outliers.js";
import { lastDaysRange, periodEndShareAnomalies } from "./periodEndShare.js";
import { ruleAnomalies } from "./rules.js";

export interface DetectInput {
  config: Config;
  current: EngineResult;
  /** the period just before, computed from the same inputs; null when not needed */
  /** the previous period's metric values (`periodActuals`), or null when there is none */
  previous: RunActuals | null;
  aggregates: ReadonlyMap<string, SourceAggregates>;
}

export function detectAnomalies({ config, current, previous, aggregates }: DetectInput): { anomalies: Anomaly[]; changes: ChangeTable } {
  const settings = config.anomalies;
  const format = actualFormatter(config);
  const metrics = Object.keys(config.metrics);
  const hadRecords = sourceHadRecords(config, aggregates, previous?.period ?? null);
  const changes = changeValues(current, previous, metrics, hadRecords);
  const anomalies: Anomaly[] = [];
  if (!settings) return { anomalies, changes };
  if (settings.outliers) anomalies.push(...outlierAnomalies(current.reps, settings.outliers.metrics, settings.outliers.threshold, format));
  if (settings.change) anomalies.push(...changeAnomalies(changes, settings.change.metrics, settings.change.threshold, current, previous, format));
  if (settings.period_end_share) {
    const { metric, last_days, threshold } = settings.period_end_share;
    const tail = aggregateMetrics({ config, aggregates, scored: current.reps.map((r) => r.rep), period: current.period, days: lastDaysRange(current.period, last_days) }).get(metric);
    anomalies.push(...periodEndShareAnomalies(current.reps, metric, last_days, threshold, (rep) => tail?.get(rep)?.actual ?? null, current.period));
  }
  anomalies.push(...ruleAnomalies(settings.rules, current.reps, changes));
  return { anomalies, changes };
}

/** Whether the records a metric is computed from include any dated in the period (formulas: all of their inputs). */
function sourceHadRecords(config: Config, aggregates: ReadonlyMap<string, SourceAggregates>, period: Period | null): (metric: string) => boolean {
  const months = period === null ? [] : monthKeysOf(period);
  const memo = new Map<string, boolean>();
  const check = (metric: string, depth: number): boolean => {
    const cached = memo.get(metric);
    if (cached !== undefined) return cached;
    const spec = config.metrics[metric];
    let had = false;
    if (spec?.formula !== undefined && depth < 50) {
      const parsed = parseExpression(spec.formula);
      const uses = parsed.ok ? references(parsed.expr).flatMap((r) => (r.kind === "name" ? [r.name] : [])) : [];
      had = uses.length > 0 && uses.every((use) => check(use, depth + 1));
    } else if (spec?.source !== undefined) {
      const seen = aggregates.get(spec.source)?.monthsWithRecords.get(spec.date ?? "");
      had = months.some((m) => seen?.has(m) ?? false);
    }
    memo.set(metric, had);
    return had;
  };
  return (metric) => check(metric, 0);
}
