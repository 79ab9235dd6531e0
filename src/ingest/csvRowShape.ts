/**
 * Does a CSV record have its header's shape? A field missing, a non-empty
 * field beyond the header, or a quote that swallowed line breaks all shift
 * values into the wrong columns, so such a record is rejected (never read
 * with values under the wrong headers). Empty fields past the header are
 * fine (spreadsheets pad rows with delimiters), and so are empty header
 * names over data. xlsx rows have no such problem: cells have addresses.
 */
import type { RowProblem } from "./coerceRow.js";
import { rawText, type RawCell, type RawRow } from "./rawRow.js";

export interface HeaderShape {
  /** the last non-empty header name's position + 1: fewer fields is a missing field */
  minFields: number;
  /** the header's fields: a non-empty field beyond is an extra one */
  maxFields: number;
  headers: readonly string[];
}

export function headerShape(cells: readonly RawCell[]): HeaderShape {
  const headers = cells.map((cell) => rawText(cell).trim());
  let last = headers.length - 1;
  while (last >= 0 && headers[last] === "") last--;
  return { minFields: last + 1, maxFields: headers.length, headers };
}

/** A CSV record as readCsvRows yields it: also the physical line where it ends. */
export interface CsvRow extends RawRow {
  cells: readonly string[];
  lastLine: number;
}

export function csvShapeProblem(row: RawRow & { lastLine?: number }, shape: HeaderShape): RowProblem | null {
  const cells = row.cells;
  const lines = row.lastLine !== undefined && row.lastLine > row.row ? ` (the record runs from line ${row.row} to line ${row.lastLine})` : "";
  const swallowed = row.lastLine === row.row ? null : misquotedField(row); // a one-line record has no line break in a field
  if (swallowed !== null) {
    const header = shape.headers[swallowed.index] || `field ${swallowed.index + 1}`;
    return {
      column: header,
      value: clip(swallowed.text),
      message: `${header}: a quote opened on line ${swallowed.line} is not closed at the end of its field, so the lines up to line ${row.lastLine ?? row.row} were read as one value; a quote is misplaced (a quote inside a quoted field must be doubled: "")`,
      namesLines: true,
    };
  }
  if (cells.length < shape.minFields) {
    return { column: null, value: null, message: `the row has ${cells.length} fields where the header has ${shape.minFields}${lines}; a field is missing or a quote is misplaced`, namesLines: lines !== "" };
  }
  for (let i = shape.maxFields; i < cells.length; i++) {
    const text = rawText(cells[i]).trim();
    if (text === "") continue;
    return {
      column: null,
      value: clip(text),
      message: `the row has ${lastFilled(cells)} fields where the header has ${shape.maxFields}${lines}: field ${i + 1} ("${clip(text, 40)}") has no header; a stray delimiter or an unquoted delimiter inside a value shifts the values`,
      namesLines: lines !== "",
    };
  }
  return null;
}

/** A field that began with a quote which csv-parse could not close at the field's end, and that ran over line breaks. */
function misquotedField(row: RawRow): { index: number; line: number; text: string } | null {
  let line = row.row;
  for (const [index, cell] of row.cells.entries()) {
    const text = rawText(cell);
    const breaks = lineBreaks(text);
    if (breaks > 0 && text.startsWith('"')) return { index, line, text };
    line += breaks;
  }
  return null;
}

/** Line breaks in a field (CRLF, CR and LF count one each). */
export function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

function lastFilled(cells: readonly RawCell[]): number {
  let n = cells.length;
  while (n > 0 && rawText(cells[n - 1]).trim() === "") n--;
  return n;
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
