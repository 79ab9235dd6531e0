/**
 * `period_end_share` warnings (SPEC §3 anomalies.period_end_share): the share
 * of a metric's actual whose records are dated in the last N days of the
 * period, against the whole period's actual. Skipped when the full actual is
 * null or not positive, or the tail is null.
 */
import { formatDay, type Day } from "../dates/calendarDate.js";
import { formatPeriod, periodEnd, periodStart, type Period } from "../engine/period.js";
import type { RepResult } from "../engine/runResult.js";
import { Dec } from "../money.js";
import { percentText } from "./actualFormatter.js";
import { anomaly, type Anomaly } from "./anomaly.js";

/** A config share as a fraction: 0.6 -> 0.6, "60%" -> 0.6. */
export function shareValue(x: number | string): number {
  if (typeof x === "number") return x;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(x);
  if (!match?.[1]) throw new Error(`internal: "${x}" passed the config checks but is not a share such as 60%`);
  return new Dec(match[1]).div(100).toNumber();
}

/** The last n days of the period (inclusive), never before its first day: 2026-10, 3 -> 2026-10-29 .. 2026-10-31. */
export function lastDaysRange(period: Period, n: number): { first: Day; last: Day } {
  const last = periodEnd(period);
  return { first: Math.max(periodStart(period), last - n + 1), last };
}

export function periodEndShareAnomalies(
  reps: readonly RepResult[],
  metric: string,
  lastDays: number,
  threshold: number | string,
  tailActual: (repId: string) => Dec | null,
  period: Period,
): Anomaly[] {
  const limit = shareValue(threshold);
  const { first, last } = lastDaysRange(period, lastDays);
  const days = lastDays === 1 ? "last day" : `last ${lastDays} days`;
  const range = first === last ? formatDay(last) : `${formatDay(first)} to ${formatDay(last)}`;
  return reps.flatMap((rep) => {
    const full = rep.metrics[metric]?.actual ?? null;
    const tail = tailActual(rep.rep.id);
    if (full === null || !full.gt(0) || tail === null) return [];
    const share = tail.div(full);
    if (!share.gt(limit)) return [];
    const text = percentText(share.toNumber());
    return [
      anomaly({
        severity: "warning", code: "period_end_share", rep: rep.rep.id, metric, value: text,
        message: `${text} of ${metric} in ${formatPeriod(period)} is dated in its ${days} (${range})`,
      }),
    ];
  });
}
