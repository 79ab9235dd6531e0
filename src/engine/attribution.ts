/**
 * Which rep each record of a source belongs to, decided once per source.
 * Values matching no roster rep raise one `unknown_rep` warning per value
 * (with the record count, first row and money); values matching two reps
 * raise an `ambiguous_rep` error per row. Nothing is dropped silently.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { SourceData } from "../ingest/sourceData.js";
import { Dec, ZERO, isDec } from "../money.js";
import type { RepMatcher } from "./repMatcher.js";
import type { Rep } from "./roster.js";

export interface Attribution {
  /** the rep of record i, or null when unknown or ambiguous */
  repOf: (Rep | null)[];
  anomalies: Anomaly[];
}

export function attributeRecords(source: SourceData, matcher: RepMatcher, moneyIndex: number, formatMoney: (d: Dec) => string): Attribution {
  const repIndex = source.columns.indexOf("rep");
  const unknown = new Map<string, { count: number; file: string | null; row: number; money: Dec }>();
  const anomalies: Anomaly[] = [];
  const repOf = source.records.map((record) => {
    const raw = String(record.values[repIndex] ?? "");
    const match = matcher.match(raw);
    if (match.kind === "rep") return match.rep;
    if (match.kind === "ambiguous") {
      anomalies.push(
        anomaly({
          severity: "error", code: "ambiguous_rep", rep: raw, source: source.name, file: source.files[record.file] ?? null, row: record.row, column: "rep", value: raw,
          message: `"${raw}" matches ${match.reps.length} reps (${match.reps.map((r) => r.id).join(", ")}); the record counts for none of them until the export names one`,
        }),
      );
      return null;
    }
    const money = moneyIndex >= 0 && isDec(record.values[moneyIndex]) ? (record.values[moneyIndex] as Dec) : ZERO;
    const seen = unknown.get(raw);
    if (seen) {
      seen.count++;
      seen.money = seen.money.plus(money);
    } else unknown.set(raw, { count: 1, file: source.files[record.file] ?? null, row: record.row, money });
    return null;
  });
  for (const [raw, seen] of unknown) {
    const carrying = moneyIndex >= 0 ? ` carrying ${formatMoney(seen.money)}` : "";
    anomalies.push(
      anomaly({
        severity: "warning", code: "unknown_rep", rep: raw, source: source.name, file: seen.file, row: seen.row, column: "rep", value: moneyIndex >= 0 ? formatMoney(seen.money) : String(seen.count),
        message: `"${raw}" is not in the roster: ${seen.count} record${seen.count === 1 ? "" : "s"}${carrying} belong to nobody (first at row ${seen.row}); add the rep to the roster or to roster.match`,
      }),
    );
  }
  return { repOf, anomalies };
}

/** Index of the source's first money column, or -1. */
export function moneyColumnIndex(source: SourceData, types: ReadonlyMap<string, string>): number {
  return source.columns.findIndex((column) => types.get(column) === "money");
}
