/**
 * The field delimiter of a CSV from its first line: an Excel `sep=;` hint
 * line wins; otherwise the candidate seen most often outside quotes
 * (ties go to the comma).
 */
export type Delimiter = "," | ";" | "\t" | "|";
const CANDIDATES: readonly Delimiter[] = [",", ";", "\t", "|"];

export interface DetectedDelimiter {
  delimiter: Delimiter;
  /** the first line is a `sep=X` hint and is not data */
  hintLine: boolean;
}

export function detectDelimiter(text: string, declared: Delimiter | "auto"): DetectedDelimiter {
  const firstLine = (text.split(/\r\n|\n|\r/, 1)[0] ?? "").replace(/^\uFEFF/, "");
  const hint = /^sep=(.)$/i.exec(firstLine.trim());
  const hinted = hint && (CANDIDATES as readonly string[]).includes(hint[1] ?? "") ? (hint[1] as Delimiter) : null;
  if (declared !== "auto") return { delimiter: declared, hintLine: hint !== null };
  if (hinted) return { delimiter: hinted, hintLine: true };
  const line = firstNonEmptyLine(text);
  const counts = new Map<Delimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ",";
  for (const candidate of CANDIDATES) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return { delimiter: best, hintLine: false };
}

function firstNonEmptyLine(text: string): string {
  for (const line of text.split(/\r\n|\n|\r/)) if (line.trim() !== "") return line;
  return "";
}
