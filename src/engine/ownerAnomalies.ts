/** The anomalies about records' owners: unmatched values and values matching several reps. */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { Config } from "../config/schema.js";
import { LookalikeIndex, describeLookalike } from "../util/lookalikes.js";
import type { MoneySum } from "./moneySum.js";
import type { Rep } from "./roster.js";

export interface UnknownOwner {
  count: number;
  money: MoneySum;
  file: string | null;
  row: number;
}

/** One `unknown_rep` warning per value that matches no roster rep, with its records and, when the source has money, their money. */
export function unknownRepAnomaly(source: string, column: string, raw: string, seen: UnknownOwner, money: string | null, lookalikes?: LookalikeIndex): Anomaly {
  const like = lookalikes?.find(raw) ?? null;
  const hint = like ? `; it ${describeLookalike(like)}` : "";
  return anomaly({
    severity: "warning", code: "unknown_rep", rep: raw, source, file: seen.file, row: seen.row, column, value: money ?? String(seen.count),
    message: `"${raw}" is not in the roster: ${seen.count} record${seen.count === 1 ? "" : "s"}${money === null ? "" : ` carrying ${money}`} belong to nobody (first at row ${seen.row}); add the rep to the roster or to roster.match${hint}`,
  });
}

/** Every id and match-column value of the roster, to tell an unknown owner which rep it merely looks like. */
export function rosterLookalikes(reps: readonly Rep[], matchColumns: readonly string[]): LookalikeIndex {
  return new LookalikeIndex(reps.flatMap((r) => [r.id, ...matchColumns.flatMap((c) => {
    const v = r.attributes.get(c);
    return v === null || v === undefined ? [] : [String(v)];
  })]));
}

/** An `ambiguous_rep` error for one record whose owner matches several reps. */
export function ambiguousRepAnomaly(source: string, column: string, raw: string, reps: readonly Rep[], file: string | null, row: number): Anomaly {
  return anomaly({
    severity: "error", code: "ambiguous_rep", rep: raw, source, file, row, column, value: raw,
    message: `"${raw}" matches ${reps.length} reps (${reps.map((r) => r.id).join(", ")}); the record counts for none of them until the export names one`,
  });
}

/** The header a source's `rep` column is read from, for messages. */
export function repHeader(config: Config, source: string): string {
  return config.sources[source]?.columns["rep"]?.from ?? "rep";
}
