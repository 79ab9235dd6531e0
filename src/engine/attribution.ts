/**
 * Which rep each record of a held source (the targets file) belongs to.
 * Values matching no roster rep raise one `unknown_rep` warning per value;
 * values matching two reps an `ambiguous_rep` error per row.
 */
import type { Anomaly } from "../anomalies/anomaly.js";
import type { SourceData } from "../ingest/sourceData.js";
import { ambiguousRepAnomaly, unknownRepAnomaly, type UnknownOwner } from "./ownerAnomalies.js";
import { MoneySum } from "./moneySum.js";
import type { RepMatcher } from "./repMatcher.js";
import type { Rep } from "./roster.js";

export interface Attribution {
  /** the rep of record i, or null when unknown or ambiguous */
  repOf: (Rep | null)[];
  anomalies: Anomaly[];
}

export function attributeRecords(source: SourceData, matcher: RepMatcher, repColumn: string): Attribution {
  const repIndex = source.columns.indexOf("rep");
  const unknown = new Map<string, UnknownOwner>();
  const anomalies: Anomaly[] = [];
  const repOf = source.records.map((record) => {
    const raw = String(record.values[repIndex] ?? "");
    const match = matcher.match(raw);
    if (match.kind === "rep") return match.rep;
    if (match.kind === "ambiguous") anomalies.push(ambiguousRepAnomaly(source.name, repColumn, raw, match.reps, source.files[record.file] ?? null, record.row));
    else {
      const seen = unknown.get(raw);
      if (seen) seen.count++;
      else unknown.set(raw, { count: 1, money: new MoneySum(), file: source.files[record.file] ?? null, row: record.row });
    }
    return null;
  });
  for (const [raw, seen] of unknown) anomalies.push(unknownRepAnomaly(source.name, repColumn, raw, seen, null));
  return { repOf, anomalies };
}
