/**
 * The target of one rep for one metric in one period, and where it came from.
 *
 * Additive metrics (sum, count, count_distinct): the file's row for the
 * period, else the sum over its months of each month's target (its own row,
 * else its quarter's row / 3, else its year's row / 12, else the config
 * default spread over the months of the config's grain); a month with none
 * of these leaves the period without a target. Other metrics: the row for
 * the period, else the smallest period containing it, else the default,
 * unscaled. `prorate` scales by the share of days employed. Exact decimals.
 */
import type { Config, MetricConfig, TargetConfig } from "../config/schema.js";
import { Dec } from "../money.js";
import { containingPeriods, employedDays, formatPeriod, monthsOf, periodDays, type Grain, type Period } from "./period.js";
import type { Rep } from "./roster.js";
import type { TargetRow, TargetsIndex } from "./targetsIndex.js";

export interface ResolvedTarget {
  value: Dec;
  /** where it came from, for the Scorecard sheet and `kpi explain` */
  source: string;
}

const ADDITIVE = new Set(["sum", "count", "count_distinct"]);
const MONTHS_IN: Readonly<Record<Grain, number>> = { month: 1, quarter: 3, year: 12 };

export function isAdditive(metric: MetricConfig): boolean {
  return metric.formula === undefined && ADDITIVE.has(metric.aggregate ?? "");
}

export function resolveTarget(config: Config, index: TargetsIndex, rep: Rep, metricName: string, period: Period): ResolvedTarget | null {
  const metric = config.metrics[metricName];
  if (!metric) return null;
  const spec = config.targets[metricName];
  const unprorated = isAdditive(metric) ? additiveTarget(config, index, rep, metricName, period, spec) : plainTarget(index, rep, metricName, period, spec);
  if (!unprorated || !spec?.prorate) return unprorated;
  const employed = employedDays(period, rep.hired, rep.left);
  const days = periodDays(period);
  if (employed === days) return unprorated;
  return { value: unprorated.value.times(employed).div(days), source: `${unprorated.source} × ${employed}/${days} days employed` };
}

function describeRow(row: TargetRow): string {
  return `${row.file} row ${row.row}`;
}

function plainTarget(index: TargetsIndex, rep: Rep, metric: string, period: Period, spec: TargetConfig | undefined): ResolvedTarget | null {
  for (const candidate of [period, ...containingPeriods(period)]) {
    const row = index.get(rep.id, metric, formatPeriod(candidate));
    if (row) return { value: row.value, source: candidate === period ? describeRow(row) : `${describeRow(row)} (${formatPeriod(candidate)})` };
  }
  const fallback = configDefault(rep, spec);
  return fallback ? { value: fallback.value, source: fallback.source } : null;
}

function additiveTarget(config: Config, index: TargetsIndex, rep: Rep, metric: string, period: Period, spec: TargetConfig | undefined): ResolvedTarget | null {
  const own = index.get(rep.id, metric, formatPeriod(period));
  if (own) return { value: own.value, source: describeRow(own) };
  const months = monthsOf(period);
  const parts: ResolvedTarget[] = [];
  for (const month of months) {
    const part = monthTarget(config, index, rep, metric, month, spec);
    if (!part) return null;
    parts.push(part);
  }
  const value = parts.reduce((sum, part) => sum.plus(part.value), new Dec(0));
  if (parts.length === 1) return { value, source: parts[0]?.source ?? "" };
  const sources = new Set(parts.map((p) => p.source));
  const source = sources.size === 1 ? `${[...sources][0]} × ${parts.length} months` : months.map((m, i) => `${formatPeriod(m)}: ${parts[i]?.source}`).join("; ");
  return { value, source };
}

function monthTarget(config: Config, index: TargetsIndex, rep: Rep, metric: string, month: Period, spec: TargetConfig | undefined): ResolvedTarget | null {
  const own = index.get(rep.id, metric, formatPeriod(month));
  if (own) return { value: own.value, source: describeRow(own) };
  for (const parent of containingPeriods(month)) {
    const row = index.get(rep.id, metric, formatPeriod(parent));
    if (!row) continue;
    const divisor = parent.grain === "quarter" ? 3 : 12;
    return { value: row.value.div(divisor), source: `${describeRow(row)} (${formatPeriod(parent)}) ÷ ${divisor}` };
  }
  const fallback = configDefault(rep, spec);
  if (!fallback) return null;
  const divisor = MONTHS_IN[config.period];
  return divisor === 1 ? fallback : { value: fallback.value.div(divisor), source: `${fallback.source} ÷ ${divisor}` };
}

/** by_role, by_team, by_region, then default. */
function configDefault(rep: Rep, spec: TargetConfig | undefined): ResolvedTarget | null {
  if (!spec) return null;
  const lookups = [
    ["by_role", spec.by_role, rep.role],
    ["by_team", spec.by_team, rep.team],
    ["by_region", spec.by_region, rep.region],
  ] as const;
  for (const [label, table, key] of lookups) {
    const value = table && key !== null ? table[key] : undefined;
    if (value !== undefined) return { value: new Dec(String(value)), source: `config ${label} ${key}` };
  }
  return spec.default === undefined ? null : { value: new Dec(String(spec.default)), source: "config default" };
}
