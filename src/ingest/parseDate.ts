import { CalendarDate, dayFromYMD, isValidYMD } from "../dates/calendarDate.js";
import type { DateFormat } from "./parseDateFormat.js";
import { parseTime } from "./parseTime.js";

/**
 * Dates written as text. The column's `format` is tried first, then the
 * unambiguous year-first forms: `2026-10-05`, `2026/10/5`, `2026.10.5` and
 * `2026年10月5日`. Any of them may be followed by a time (see parseTime).
 * The date is the one written: a time never moves it, a zone is never applied.
 * Day-first or month-first forms without a format (`05/10/2026`) are
 * rejected as ambiguous, even when only one reading exists (`25/10/2026`):
 * a column must not switch readings from row to row.
 */
export type DateProblem =
  | { reason: "syntax" }
  | { reason: "ambiguous" }
  | { reason: "time" }
  | { reason: "impossible"; year: number; month: number; day: number };

export type DateParse = { ok: true; value: CalendarDate } | ({ ok: false } & DateProblem);

export interface DateParseOptions {
  format?: DateFormat | undefined;
  /** keep the time (seconds of day, 0 when none is written); otherwise the value is a plain date */
  withTime: boolean;
}

/** Longer text is not a date (and keeps the regular expressions linear). */
export const MAX_DATE_TEXT = 64;

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/;
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const AMBIGUOUS = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)/;

interface Written {
  year: number;
  month: number;
  day: number;
  rest: string;
}

function fromFormat(text: string, format: DateFormat): Written | null {
  const match = format.pattern.exec(text);
  if (!match) return null;
  const part = (group: number): number => Number(match[group]);
  return { year: part(format.groups.year), month: part(format.groups.month), day: part(format.groups.day), rest: text.slice(match[0].length) };
}

function fromIso(text: string): Written | null {
  const iso = YEAR_FIRST.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[3]), day: Number(iso[4]), rest: text.slice(iso[0].length) };
  const cjk = CJK.exec(text);
  if (cjk) return { year: Number(cjk[1]), month: Number(cjk[2]), day: Number(cjk[3]), rest: text.slice(cjk[0].length) };
  return null;
}

/** A written date with nothing after it, or a valid time. */
function complete(written: Written | null): written is Written {
  return written !== null && (written.rest === "" || parseTime(written.rest).ok || /^(?:[Tt]|\s)/.test(written.rest));
}

/** `text` is already trimmed. */
export function parseDate(text: string, options: DateParseOptions): DateParse {
  if (text.length > MAX_DATE_TEXT) return { ok: false, reason: "syntax" };
  const formatted = options.format ? fromFormat(text, options.format) : null;
  const written = complete(formatted) ? formatted : fromIso(text);
  if (written === null) return { ok: false, reason: options.format === undefined && AMBIGUOUS.test(text) ? "ambiguous" : "syntax" };
  let secondsOfDay = 0;
  if (written.rest !== "") {
    const time = parseTime(written.rest);
    if (!time.ok) return { ok: false, reason: time.reason };
    secondsOfDay = time.secondsOfDay;
  }
  const { year, month, day } = written;
  if (!isValidYMD(year, month, day)) return { ok: false, reason: "impossible", year, month, day };
  return { ok: true, value: new CalendarDate(dayFromYMD(year, month, day), options.withTime ? secondsOfDay : null) };
}
