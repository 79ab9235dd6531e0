/**
 * One `<c>` element -> an `XlsxCell`, by its type attribute `t`:
 * `s` (shared string), `inlineStr`, `str` (a formula's text), `b`, `e`
 * (an error such as `#DIV/0!`), `d` (ISO 8601 date), `n` or none (a number,
 * a date when its style has a date format). A formula's value is its cached
 * result; a formula with none is an error cell, never 0 or empty.
 */
import { ymdFromDay } from "../../dates/calendarDate.js";
import type { XlsxCell } from "../coerce.js";
import { dateFromSerial } from "../xlsxSerial.js";
import { unescapeOoxml } from "./ooxmlText.js";

export interface RawCellXml {
  /** the `t` attribute; "n" when absent */
  type: string;
  /** the text of `<v>`, null when there is none */
  value: string | null;
  /** the text of `<is>`, null when there is none */
  inline: string | null;
  hasFormula: boolean;
  isDateStyle: boolean;
}

export const EMPTY: XlsxCell = { kind: "empty" };
export const NO_CACHED_RESULT: XlsxCell = { kind: "error", text: "a formula without a saved result (open and save the file in Excel)" };

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/** `sharedString(index)` gives the table entry, or throws for an index out of range. */
export function cellValue(cell: RawCellXml, date1904: boolean, sharedString: (index: string) => string): XlsxCell {
  const { value, hasFormula } = cell;
  const missing = value === null || value.trim() === "";
  switch (cell.type) {
    case "s":
      return missing ? (hasFormula ? NO_CACHED_RESULT : EMPTY) : text(sharedString(value));
    case "inlineStr":
      return text(unescapeOoxml(cell.inline ?? value ?? ""));
    case "str":
      return value === null ? (hasFormula ? NO_CACHED_RESULT : EMPTY) : text(unescapeOoxml(value));
    case "e":
      return { kind: "error", text: missing ? "#VALUE!" : value.trim() };
    case "b":
      if (missing) return hasFormula ? NO_CACHED_RESULT : EMPTY;
      return booleanCell(value);
    case "d":
      return missing ? (hasFormula ? NO_CACHED_RESULT : EMPTY) : isoDateCell(value);
    case "n":
      if (missing) return hasFormula ? NO_CACHED_RESULT : EMPTY;
      if (!NUMBER.test(value)) return text(value); // not a number after all: shown as written, coerced as text
      return numberCell(Number(value), cell.isDateStyle, date1904);
    default:
      return { kind: "error", text: `an unknown cell type "${cell.type}"` };
  }
}

function text(value: string): XlsxCell {
  return value === "" ? EMPTY : { kind: "text", text: value };
}

function booleanCell(value: string): XlsxCell {
  const v = value.trim().toLowerCase();
  if (v === "1" || v === "true") return { kind: "boolean", value: true };
  if (v === "0" || v === "false") return { kind: "boolean", value: false };
  return text(value);
}

/** A date-formatted number is a date cell; a serial no calendar has (1900-02-29, negative) stays a number, for coercion to judge. */
function numberCell(value: number, isDateStyle: boolean, date1904: boolean): XlsxCell {
  if (!isDateStyle) return { kind: "number", value };
  const serial = dateFromSerial(value, date1904);
  if (serial === null) return { kind: "number", value };
  const { year, month, day } = ymdFromDay(serial.day);
  return { kind: "date", year, month, day, secondsOfDay: serial.secondsOfDay === 0 ? null : serial.secondsOfDay };
}

/** `t="d"`: the date and time as written; a zone designator is ignored, never converted (SPEC §3). */
function isoDateCell(value: string): XlsxCell {
  const m = ISO_DATE.exec(value);
  if (!m) return text(value);
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return { kind: "date", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), secondsOfDay: seconds === 0 ? null : seconds };
}
