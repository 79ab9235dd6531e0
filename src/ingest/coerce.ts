import { CalendarDate, dayFromYMD, daysInMonth, isValidYMD } from "../dates/calendarDate.js";
import type { Value } from "../expr/value.js";
import type { Dec } from "../money.js";
import { parseBoolean } from "./parseBoolean.js";
import { parseDate } from "./parseDate.js";
import type { DateProblem } from "./parseDate.js";
import { compiledDateFormat } from "./parseDateFormat.js";
import { parseMoney } from "./parseMoney.js";
import { inRange, parseDecimal, parsePercent } from "./parseNumber.js";
import type { DecimalMark, NumberParse, NumberProblem } from "./parseNumber.js";
import { trimText } from "./trimText.js";
import { decFromXlsxNumber, textFromXlsxNumber } from "./xlsxNumber.js";
import { dateFromSerial } from "./xlsxSerial.js";

/**
 * Turns one cell into a typed Value, or says what would have been right
 * (SPEC §3 "Types and coercion"). Never throws; numbers are always Dec.
 */
export type ColumnType = "string" | "number" | "integer" | "money" | "percent" | "date" | "datetime" | "boolean";

export interface CoerceOptions {
  type: ColumnType;
  /** date format tried before ISO, e.g. `MM/DD/YYYY` */
  format?: string | undefined;
  decimal?: DecimalMark | undefined;
  /** cell texts read as null (trimmed, any case), e.g. `-`, `N/A` */
  nullValues?: readonly string[] | undefined;
}

export type CoerceResult = { ok: true; value: Value } | { ok: false; expected: string };

/** A cell as the xlsx reader hands it over. */
export type XlsxCell =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; year: number; month: number; day: number; secondsOfDay: number | null }
  | { kind: "error"; text: string };

type NumericType = "number" | "integer" | "money" | "percent";

const NULL: CoerceResult = { ok: true, value: null };
const accept = (value: Value): CoerceResult => ({ ok: true, value });
const reject = (expected: string): CoerceResult => ({ ok: false, expected });

const BOOLEAN_EXPECTED = "true/false, yes/no, y/n, 1/0 or 是/否";
const RANGE_EXPECTED = "a number smaller than 1e30 in size, with at most 60 digits";

function numberExpected(type: NumericType, decimal: DecimalMark, problem: NumberProblem | "fraction"): string {
  if (problem === "range") return RANGE_EXPECTED;
  const comma = decimal === ",";
  switch (type) {
    case "number":
      return comma ? "a number such as 1234,5 or 1.234,50" : "a number such as 1234.5 or 1,234.50";
    case "integer":
      return `a whole number such as 42 or ${comma ? "1.234" : "1,234"}${problem === "fraction" ? ", without a fraction" : ""}`;
    case "money":
      return comma
        ? "an amount such as 1.234,50, €1.200,00, EUR 1.200 or (1.200,00)"
        : "an amount such as 1,234.50, ¥1,200.00, USD 1,200 or (1,200.00)";
    case "percent":
      return comma ? "a percentage such as 12,5% or 0,125" : "a percentage such as 12.5% or 0.125";
  }
}

function dateExpected(type: "date" | "datetime", format: string | undefined, problem: DateProblem): string {
  switch (problem.reason) {
    case "impossible":
      return problem.month >= 1 && problem.month <= 12
        ? `a date that exists (${String(problem.year).padStart(4, "0")}-${String(problem.month).padStart(2, "0")} has ${daysInMonth(problem.year, problem.month)} days)`
        : "a date that exists (months run from 1 to 12)";
    case "time":
      return "a time of day from 00:00 to 23:59:59";
    case "ambiguous":
      return "a date such as 2026-10-05 (day-first or month-first dates such as 05/10/2026 need the column's format, e.g. DD/MM/YYYY)";
    case "syntax": {
      const examples = type === "date" ? "a date such as 2026-10-05" : "a date and time such as 2026-10-05 14:30";
      return format === undefined
        ? `${examples}, ${type === "date" ? "2026/10/5 or 2026年10月5日" : "2026/10/5 9:05:00 or 2026-10-05T14:30:00Z"}`
        : `${examples} or in format ${format}`;
    }
  }
}

/** The value is in range, and whole for an integer column. */
function checkNumber(value: Dec, type: NumericType, decimal: DecimalMark): CoerceResult {
  if (!inRange(value)) return reject(RANGE_EXPECTED);
  if (type === "integer" && !value.isInteger()) return reject(numberExpected(type, decimal, "fraction"));
  return accept(value);
}

function coerceNumberText(text: string, type: NumericType, decimal: DecimalMark): CoerceResult {
  const parsed: NumberParse =
    type === "money" ? parseMoney(text, decimal) : type === "percent" ? parsePercent(text, decimal) : parseDecimal(text, decimal);
  return parsed.ok ? checkNumber(parsed.value, type, decimal) : reject(numberExpected(type, decimal, parsed.reason));
}

function coerceDateText(text: string, type: "date" | "datetime", format: string | undefined): CoerceResult {
  const compiled = format === undefined ? undefined : compiledDateFormat(format);
  if (compiled !== undefined && !compiled.ok) return reject(compiled.message);
  const parsed = parseDate(text, { format: compiled?.format, withTime: type === "datetime" });
  return parsed.ok ? accept(parsed.value) : reject(dateExpected(type, format, parsed));
}

const nullSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function isNullValue(text: string, nullValues: readonly string[] | undefined): boolean {
  if (nullValues === undefined || nullValues.length === 0) return false;
  let set = nullSets.get(nullValues);
  if (set === undefined) {
    set = new Set(nullValues.map((value) => trimText(value).toLowerCase()));
    nullSets.set(nullValues, set);
  }
  return set.has(text.toLowerCase());
}

/** One cell of text (a CSV field, an xlsx text cell). */
export function coerceText(raw: string, options: CoerceOptions): CoerceResult {
  const text = trimText(raw);
  if (text === "" || isNullValue(text, options.nullValues)) return NULL;
  const { type } = options;
  switch (type) {
    case "string":
      return accept(text);
    case "number":
    case "integer":
    case "money":
    case "percent":
      return coerceNumberText(text, type, options.decimal ?? ".");
    case "date":
    case "datetime":
      return coerceDateText(text, type, options.format);
    case "boolean": {
      const value = parseBoolean(text);
      return value === null ? reject(BOOLEAN_EXPECTED) : accept(value);
    }
  }
}

function coerceNumberCell(value: number, options: CoerceOptions, date1904: boolean): CoerceResult {
  const { type } = options;
  switch (type) {
    case "string": {
      const text = textFromXlsxNumber(value);
      return text === null ? reject("a finite number") : accept(text);
    }
    case "number":
    case "integer":
    case "money":
    case "percent": {
      // a percent cell holds the fraction (12% is stored as 0.12): taken as written
      const dec = decFromXlsxNumber(value);
      return dec === null ? reject(RANGE_EXPECTED) : checkNumber(dec, type, options.decimal ?? ".");
    }
    case "date":
    case "datetime": {
      const serial = dateFromSerial(value, date1904);
      if (serial === null) {
        return reject(
          !date1904 && Math.floor(value) === 60
            ? "a date that exists (serial 60 is 1900-02-29, a day that never was)"
            : `a date such as 2026-10-05 (an xlsx serial from ${date1904 ? 0 : 1} up to 9999-12-31)`,
        );
      }
      return accept(new CalendarDate(serial.day, type === "datetime" ? serial.secondsOfDay : null));
    }
    case "boolean":
      return value === 1 ? accept(true) : value === 0 ? accept(false) : reject(BOOLEAN_EXPECTED);
  }
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

function coerceDateCell(cell: Extract<XlsxCell, { kind: "date" }>, options: CoerceOptions): CoerceResult {
  const { year, month, day, secondsOfDay } = cell;
  if (!isValidYMD(year, month, day)) return reject(dateExpected("date", undefined, { reason: "impossible", year, month, day }));
  if (secondsOfDay !== null && !(Number.isInteger(secondsOfDay) && secondsOfDay >= 0 && secondsOfDay < 86_400)) {
    return reject(dateExpected("datetime", undefined, { reason: "time" }));
  }
  const { type } = options;
  switch (type) {
    case "date":
    case "datetime":
      return accept(new CalendarDate(dayFromYMD(year, month, day), type === "datetime" ? (secondsOfDay ?? 0) : null));
    case "string": {
      const date = `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
      if (!secondsOfDay) return accept(date);
      const time = `${pad2(Math.floor(secondsOfDay / 3600))}:${pad2(Math.floor(secondsOfDay / 60) % 60)}:${pad2(secondsOfDay % 60)}`;
      return accept(`${date} ${time}`);
    }
    case "boolean":
      return reject(BOOLEAN_EXPECTED);
    default:
      return reject(numberExpected(type, options.decimal ?? ".", "syntax"));
  }
}

function coerceBooleanCell(value: boolean, options: CoerceOptions): CoerceResult {
  const { type } = options;
  switch (type) {
    case "boolean":
      return accept(value);
    case "string":
      return accept(value ? "TRUE" : "FALSE");
    case "date":
    case "datetime":
      return reject(dateExpected(type, options.format, { reason: "syntax" }));
    default:
      return reject(numberExpected(type, options.decimal ?? ".", "syntax"));
  }
}

/** One cell read from an xlsx sheet; `date1904` is the workbook's date system. */
export function coerceCell(cell: XlsxCell, options: CoerceOptions, date1904: boolean): CoerceResult {
  switch (cell.kind) {
    case "empty":
      return NULL;
    case "text":
      return coerceText(cell.text, options);
    case "number":
      return coerceNumberCell(cell.value, options, date1904);
    case "boolean":
      return coerceBooleanCell(cell.value, options);
    case "date":
      return coerceDateCell(cell, options);
    case "error":
      return reject(`a value, not the spreadsheet error ${cell.text}`);
  }
}
