import { dayFromYMD, isValidYMD } from "../dates/calendarDate.js";
import type { Day } from "../dates/calendarDate.js";

/**
 * What a report is before it is a file: sheets of rows of plain cells, each
 * column with a named format. Builders produce this; `writeWorkbook` and
 * `writeCsv` are the only code that turns it into bytes.
 */

export type CellFormat = "text" | "integer" | "number" | "money" | "percent" | "score" | "date";

/**
 * One value. Money is a decimal string in the model's currency (`"3800.00"`),
 * a date is an ISO calendar day (`"2026-10-05"`); a percent is a fraction
 * (`1.3` shows as `130.0%`). `null` is an empty cell.
 */
export type Cell = null | string | number | boolean | { money: string } | { date: string };

export interface Column {
  header: string;
  format: CellFormat;
  /** width in characters; computed from the header and the content when absent */
  width?: number;
  /** a data bar over the column's numbers (e.g. Score) */
  dataBar?: boolean;
  /** a red–yellow–green colour scale with yellow at this value (e.g. 1 for attainment: on target) */
  colorScaleMidpoint?: number;
  /** a fill colour (RRGGBB) for cells whose text is a key (e.g. tier names) */
  fillByText?: Readonly<Record<string, string>>;
}

/** `bold` for a totals row, `highlight` for a row that needs a human look. */
export type RowStyle = "normal" | "bold" | "highlight";

export interface Sheet {
  name: string;
  columns: Column[];
  /** each row has at most `columns.length` cells; missing trailing cells are empty */
  rows: Cell[][];
  /** optional, by row index into `rows` */
  rowStyles?: readonly (RowStyle | undefined)[];
}

export interface WorkbookModel {
  sheets: Sheet[];
  /** ISO 4217 code shown in money formats, e.g. `CNY` */
  currency: string;
  /** decimals of the currency: CNY 2, JPY 0, KWD 3 */
  minorUnits: number;
}

export const money = (text: string): Cell => ({ money: text });
export const date = (iso: string): Cell => ({ date: iso });

/** A cell after validation, as both writers consume it. */
export type CheckedCell =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "money"; text: string; value: number }
  | { kind: "date"; text: string; day: Day };

const EMPTY: CheckedCell = { kind: "empty" };
const MONEY = /^-?\d+(?:\.\d+)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Significant digits of a decimal string (`"3800.00"` has 2, `"0.05"` 1).
 * Excel, like any double, keeps 15; more would put a different amount in payroll.
 */
export function significantDigits(decimal: string): number {
  const digits = decimal.replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return digits.length;
}

/** Where a cell is, for messages: `sheet "Lines", row 5, column "Amount"` (row as in the spreadsheet, header = 1). */
export function cellPlace(sheet: Sheet, rowIndex: number, colIndex: number): string {
  const header = sheet.columns[colIndex]?.header ?? `#${colIndex + 1}`;
  return `sheet "${sheet.name}", row ${rowIndex + 2}, column "${header}"`;
}

/**
 * Validates one model cell. A malformed cell is a bug in the model builder,
 * so it throws a plain Error (exit 70), naming the place.
 */
export function checkCell(cell: Cell | undefined, sheet: Sheet, rowIndex: number, colIndex: number): CheckedCell {
  if (cell === null || cell === undefined) return EMPTY;
  switch (typeof cell) {
    case "string":
      return { kind: "text", text: cell };
    case "boolean":
      return { kind: "boolean", value: cell };
    case "number":
      if (!Number.isFinite(cell)) throw new Error(`${cellPlace(sheet, rowIndex, colIndex)}: ${cell} is not a finite number`);
      return { kind: "number", value: cell === 0 ? 0 : cell };
  }
  if ("money" in cell) {
    if (!MONEY.test(cell.money)) {
      throw new Error(`${cellPlace(sheet, rowIndex, colIndex)}: money ${JSON.stringify(cell.money)} is not a decimal string like "3800.00"`);
    }
    const value = Number(cell.money);
    return { kind: "money", text: cell.money, value: value === 0 ? 0 : value };
  }
  const match = ISO_DAY.exec(cell.date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!isValidYMD(year, month, day)) {
    throw new Error(`${cellPlace(sheet, rowIndex, colIndex)}: date ${JSON.stringify(cell.date)} is not a calendar day like "2026-10-05"`);
  }
  return { kind: "date", text: cell.date, day: dayFromYMD(year, month, day) };
}
