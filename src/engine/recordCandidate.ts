/**
 * A record a `per_record` commission component may pay, collected while its
 * source is read: whose it is, its day, the value paid on, and where it is.
 * Its label on a commission line is derived, not kept, so a part of a file
 * read on another thread (rows numbered from its own start) is renumbered by
 * shifting `row` alone.
 */
import type { Day } from "../dates/calendarDate.js";
import type { Dec } from "../money.js";

export interface RecordCandidate {
  rep: string;
  day: Day;
  value: Dec | null;
  /** the record's key, when its source has one */
  key: string | null;
  /** the file it is in, as shown, and its row there */
  file: string;
  row: number;
}

/** What names a record on its commission line: its key, or `deals.csv:1234` for a source without one. */
export function candidateLabel(candidate: Pick<RecordCandidate, "key" | "file" | "row">): string {
  return candidate.key ?? `${candidate.file}:${candidate.row}`;
}
