/**
 * Records of roster reps who are not employed in the period but have
 * records dated in it (by any of the source's date columns): one
 * `inactive_rep` warning per source and rep, with how many records and how
 * much money. They do not count.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import { Dec, ZERO } from "../money.js";
import { formatPeriod, type Period } from "./period.js";
import { monthKeysOf } from "./monthKeys.js";
import type { SourceAggregates } from "./sourceAggregator.js";

export function inactiveRepAnomalies(source: SourceAggregates, scored: ReadonlySet<string>, period: Period, formatMoney: (d: Dec) => string): Anomaly[] {
  const months = new Set(monthKeysOf(period));
  const out: Anomaly[] = [];
  for (const [rep, activity] of source.owners) {
    if (scored.has(rep)) continue;
    let count = 0;
    let money: Dec = ZERO;
    let first: { file: string | null; row: number } | null = null;
    for (const entry of activity.values()) {
      if (!entry.months.some((m) => months.has(m))) continue;
      count += entry.count;
      money = money.plus(entry.money.total());
      if (first === null || entry.row < first.row) first = { file: entry.file, row: entry.row };
    }
    if (count === 0 || first === null) continue;
    out.push(
      anomaly({
        severity: "warning", code: "inactive_rep", rep, source: source.source, file: first.file, row: first.row, value: source.hasMoney ? formatMoney(money) : String(count),
        message: `${rep} is not employed in ${formatPeriod(period)} but has ${count} record${count === 1 ? "" : "s"}${source.hasMoney ? ` (${formatMoney(money)})` : ""} dated in it (first at row ${first.row}); they do not count`,
      }),
    );
  }
  return out.sort((a, b) => ((a.rep ?? "") < (b.rep ?? "") ? -1 : 1));
}
