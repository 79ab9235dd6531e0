/**
 * The field delimiter of a CSV from a sample of its start: an Excel `sep=;`
 * hint line wins; otherwise the candidate that splits the most records of
 * the sample into the same number of fields (a report title above the
 * header, or a notes field full of commas in a `;` file, does not decide).
 * Delimiters inside quotes do not count; ties go to the larger count, then
 * to the comma.
 */
export type Delimiter = "," | ";" | "\t" | "|";
const CANDIDATES: readonly Delimiter[] = [",", ";", "\t", "|"];
const SAMPLE_RECORDS = 50;

export interface DetectedDelimiter {
  delimiter: Delimiter;
  /** the first line is a `sep=X` hint and is not data */
  hintLine: boolean;
}

export function detectDelimiter(text: string, declared: Delimiter | "auto"): DetectedDelimiter {
  const firstLine = (text.split(/\r\n|\n|\r/, 1)[0] ?? "").replace(/^\uFEFF/, "");
  const hint = /^sep=(.) *$/i.exec(firstLine);
  const hinted = hint && (CANDIDATES as readonly string[]).includes(hint[1] ?? "") ? (hint[1] as Delimiter) : null;
  if (declared !== "auto") return { delimiter: declared, hintLine: hinted !== null };
  if (hinted) return { delimiter: hinted, hintLine: true };
  const counts = countsPerRecord(text);
  let best: Delimiter = ",";
  let bestScore = { agree: 0, fields: 0 };
  for (const candidate of CANDIDATES) {
    const score = consistency(counts.map((c) => c[CANDIDATES.indexOf(candidate)] ?? 0));
    if (score.agree > bestScore.agree || (score.agree === bestScore.agree && score.fields > bestScore.fields)) {
      best = candidate;
      bestScore = score;
    }
  }
  return { delimiter: best, hintLine: false };
}

/** For each non-blank record of the sample (up to 50), how often each candidate occurs outside quotes. */
function countsPerRecord(text: string): number[][] {
  const records: number[][] = [];
  let current = CANDIDATES.map(() => 0);
  let blank = true;
  let quoted = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const ch = text[i] ?? "";
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (!blank) records.push(current);
      current = CANDIDATES.map(() => 0);
      blank = true;
      continue;
    } else if (!quoted) {
      const at = CANDIDATES.indexOf(ch as Delimiter);
      if (at >= 0) current[at] = (current[at] ?? 0) + 1;
    }
    if (ch.trim() !== "" && ch !== "\uFEFF") blank = false;
  }
  if (!blank && records.length < SAMPLE_RECORDS) records.push(current);
  return records;
}

/** How many records share the most common non-zero count (ties: the larger count), and that count. */
function consistency(counts: readonly number[]): { agree: number; fields: number } {
  const tally = new Map<number, number>();
  for (const n of counts) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
  let best = { agree: 0, fields: 0 };
  for (const [fields, agree] of tally) if (agree > best.agree || (agree === best.agree && fields > best.fields)) best = { agree, fields };
  return best;
}
