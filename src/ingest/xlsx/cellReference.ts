/**
 * A1-style cell references: `C5` is column 3, row 5. Columns run from A to
 * XFD (16,384), rows from 1 to 1,048,576, as in Excel; anything else is not
 * a reference.
 */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

export interface CellPosition {
  /** 1-based */
  column: number;
  /** 1-based; null for a reference with no row digits */
  row: number | null;
}

const A = 65;

/** `C5` -> { column: 3, row: 5 }; `$C$5` too; null when it is not a reference. */
export function parseCellReference(ref: string): CellPosition | null {
  let i = 0;
  let column = 0;
  if (ref.charCodeAt(i) === 36) i++; // $
  const letters = i;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < A || code > A + 25) break;
    column = column * 26 + (code - A + 1);
    if (column > MAX_COLUMNS) return null;
  }
  if (i === letters) return null;
  if (ref.charCodeAt(i) === 36) i++;
  if (i === ref.length) return { column, row: null };
  const digits = ref.slice(i);
  if (!/^[1-9][0-9]{0,6}$/.test(digits)) return null;
  const row = Number(digits);
  return row > MAX_ROWS ? null : { column, row };
}

/** 3 -> `C`, 28 -> `AB`. */
export function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(A + ((n - 1) % 26)) + name;
  return name;
}

/** A merged range as the sheet declares it, `A5:A7`. */
export interface MergedRange {
  ref: string;
  firstRow: number;
  lastRow: number;
  /** 1-based; the cell index in a `RawRow` is column - 1 */
  firstColumn: number;
  lastColumn: number;
}

/** `A5:B7` -> a merged range; null when it is not a range of cells. */
export function parseRange(ref: string): MergedRange | null {
  const [from, to, extra] = ref.split(":");
  if (from === undefined || extra !== undefined) return null;
  const start = parseCellReference(from);
  const end = to === undefined ? start : parseCellReference(to);
  if (start?.row == null || end?.row == null) return null;
  return {
    ref,
    firstRow: Math.min(start.row, end.row),
    lastRow: Math.max(start.row, end.row),
    firstColumn: Math.min(start.column, end.column),
    lastColumn: Math.max(start.column, end.column),
  };
}
