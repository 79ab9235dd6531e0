/**
 * Records of roster reps who are not employed in the period but have
 * records dated in it: one `inactive_rep` warning per source and rep, with
 * how many records and how much money. They do not count.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import { CalendarDate } from "../dates/calendarDate.js";
import type { SourceData } from "../ingest/sourceData.js";
import { Dec, ZERO, isDec } from "../money.js";
import type { Attribution } from "./attribution.js";
import { periodContains, type Period, formatPeriod } from "./period.js";

export function inactiveRepAnomalies(
  source: SourceData,
  attribution: Attribution,
  scored: ReadonlySet<string>,
  dateColumns: readonly string[],
  moneyIndex: number,
  period: Period,
  formatMoney: (d: Dec) => string,
): Anomaly[] {
  const dateIndexes = dateColumns.map((c) => source.columns.indexOf(c)).filter((i) => i >= 0);
  const found = new Map<string, { count: number; money: Dec; row: number; file: string | null }>();
  source.records.forEach((record, i) => {
    const rep = attribution.repOf[i];
    if (!rep || scored.has(rep.id)) return;
    const inPeriod = dateIndexes.some((d) => {
      const date = record.values[d];
      return date instanceof CalendarDate && periodContains(period, date.day);
    });
    if (!inPeriod) return;
    const money = moneyIndex >= 0 && isDec(record.values[moneyIndex]) ? (record.values[moneyIndex] as Dec) : ZERO;
    const seen = found.get(rep.id);
    if (seen) {
      seen.count++;
      seen.money = seen.money.plus(money);
    } else found.set(rep.id, { count: 1, money, row: record.row, file: source.files[record.file] ?? null });
  });
  return [...found].map(([rep, seen]) =>
    anomaly({
      severity: "warning", code: "inactive_rep", rep, source: source.name, file: seen.file, row: seen.row, value: moneyIndex >= 0 ? formatMoney(seen.money) : String(seen.count),
      message: `${rep} is not employed in ${formatPeriod(period)} but has ${seen.count} record${seen.count === 1 ? "" : "s"}${moneyIndex >= 0 ? ` (${formatMoney(seen.money)})` : ""} dated in it (first at row ${seen.row}); they do not count`,
    }),
  );
}
