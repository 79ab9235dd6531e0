import { displayWidth } from "../safeText.js";
import type { CellFormat, CheckedCell, Column } from "../workbookModel.js";

/** Column widths in characters: the widest shown value, within MIN_WIDTH..MAX_WIDTH, unless the model gives one. */

export const MAX_WIDTH = 60;
export const MIN_WIDTH = 6;

/** What a column needs for its header: the text and room for the filter button. */
export function headerWidth(header: string): number {
  return textWidth(header) + 3;
}

/** Length of a fixed-point number with thousands separators. */
function groupedLength(fixed: string): number {
  const dot = fixed.indexOf(".");
  const integerDigits = (dot < 0 ? fixed.length : dot) - (fixed.startsWith("-") ? 1 : 0);
  return fixed.length + Math.floor(Math.max(0, integerDigits - 1) / 3);
}

const PLAIN_ASCII = /^[\x20-\x7E]*$/;

/** `displayWidth`, with a shortcut for printable ASCII (one line, every character one cell wide). */
export function textWidth(text: string): number {
  return PLAIN_ASCII.test(text) ? text.length : displayWidth(text);
}

/** Roughly how many characters the formatted value shows. */
export function shownWidth(cell: CheckedCell, format: CellFormat, currency: string, minorUnits: number): number {
  switch (cell.kind) {
    case "empty":
      return 0;
    case "text":
      return textWidth(cell.text);
    case "boolean":
      return 5;
    case "date":
      return 10;
    case "money":
      return groupedLength(cell.value.toFixed(minorUnits)) + currency.length + 1;
    case "number":
      return numberWidth(cell.value, format, currency, minorUnits);
  }
}

/** Roughly how many characters a number shows in a column of `format`. */
export function numberWidth(v: number, format: CellFormat, currency: string, minorUnits: number): number {
  if (format === "integer") return String(Math.round(v)).length;
  if (format === "number") return groupedLength(v.toFixed(2));
  if (format === "money") return groupedLength(v.toFixed(minorUnits)) + currency.length + 1;
  if (format === "percent") return (v * 100).toFixed(1).length + 1;
  if (format === "score") return v.toFixed(2).length;
  return Math.min(String(v).length, 11);
}

/** The width written for a column whose content needs `content` characters. */
export function columnWidth(column: Column, content: number | undefined): number {
  return column.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, content ?? MIN_WIDTH));
}
