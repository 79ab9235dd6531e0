/**
 * A column's date `format`: `YYYY` four digits, `MM`/`DD` exactly two,
 * `M`/`D` one or two, every other character literal (`MM/DD/YYYY`,
 * `DD.MM.YYYY`, `YYYY年M月D日`). Letters are read in either case
 * (`yyyy-mm-dd`). Each of year, month and day appears exactly once.
 * The compiled pattern matches the date at the start of a cell; what follows
 * (a time) is left to the caller.
 */
export interface DateFormat {
  readonly source: string;
  readonly pattern: RegExp;
  /** capture group of each part in `pattern` */
  readonly groups: { readonly year: number; readonly month: number; readonly day: number };
}

export type DateFormatResult = { ok: true; format: DateFormat } | { ok: false; message: string };

const TOKENS: Record<string, { part: "year" | "month" | "day"; pattern: string }> = {
  YYYY: { part: "year", pattern: "(\\d{4})" },
  MM: { part: "month", pattern: "(\\d{2})" },
  M: { part: "month", pattern: "(\\d{1,2})" },
  DD: { part: "day", pattern: "(\\d{2})" },
  D: { part: "day", pattern: "(\\d{1,2})" },
};

const escapeLiteral = (char: string): string => char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export function parseDateFormat(source: string): DateFormatResult {
  const runs = source.match(/([YyMmDd])\1*|[^YyMmDd]/gu) ?? [];
  const groups: Partial<Record<"year" | "month" | "day", number>> = {};
  let pattern = "^";
  let group = 0;
  for (const run of runs) {
    if (!/^[YyMmDd]/.test(run)) {
      pattern += escapeLiteral(run);
      continue;
    }
    const token = TOKENS[run.toUpperCase()];
    if (token === undefined) {
      return { ok: false, message: `a date format of YYYY, MM or M, DD or D and literal characters (\`${run}\` is not one)` };
    }
    if (groups[token.part] !== undefined) {
      return { ok: false, message: `a date format with one ${token.part} (\`${source}\` has two)` };
    }
    groups[token.part] = ++group;
    pattern += token.pattern;
  }
  const { year, month, day } = groups;
  if (year === undefined || month === undefined || day === undefined) {
    return { ok: false, message: `a date format with a year (YYYY), a month (MM or M) and a day (DD or D), such as MM/DD/YYYY` };
  }
  return { ok: true, format: { source, pattern: new RegExp(pattern, "u"), groups: { year, month, day } } };
}

const cache = new Map<string, DateFormatResult>();

/** parseDateFormat, compiled once per format string. */
export function compiledDateFormat(source: string): DateFormatResult {
  let result = cache.get(source);
  if (result === undefined) {
    result = parseDateFormat(source);
    if (cache.size < 1000) cache.set(source, result);
  }
  return result;
}
