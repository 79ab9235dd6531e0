import { OutputError } from "../../errors.js";
import type { WorkbookModel } from "../workbookModel.js";

/** What Excel can hold, and the error that says a report does not fit. */

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Excel shows and keeps 15 significant digits; money beyond that would be a different amount. */
export const EXCEL_MAX_MONEY_DIGITS = 15;

/** A report does not fit in a spreadsheet; the message says where and what the limit is. */
export class OutputLimitError extends OutputError {
  constructor(
    readonly file: string,
    readonly sheet: string,
    readonly row: number | null,
    readonly column: string | null,
    detail: string,
  ) {
    const where = [`sheet "${sheet}"`, row === null ? null : `row ${row}`, column === null ? null : `column "${column}"`];
    super(`${file}: ${where.filter((x) => x !== null).join(", ")}: ${detail}`);
    this.name = "OutputLimitError";
  }
}

/** Sheet names, sheet count and sheet sizes; cell limits are checked as the cells are written. */
export function checkSheets(model: WorkbookModel, file: string): void {
  if (model.sheets.length === 0) throw new Error(`${file}: a workbook needs at least one sheet`);
  const seen = new Set<string>();
  for (const sheet of model.sheets) {
    const { name } = sheet;
    if (name === "" || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") {
      throw new Error(`${file}: "${name}" is not a valid sheet name (1-31 characters, none of []:*?/\\)`);
    }
    if (seen.has(name.toLowerCase())) throw new Error(`${file}: two sheets are named "${name}"`);
    seen.add(name.toLowerCase());
    if (sheet.rows.length + 1 > EXCEL_MAX_ROWS) {
      const detail = `${sheet.rows.length + 1} rows with the header, more than Excel's ${EXCEL_MAX_ROWS}; narrow the period or use results.json`;
      throw new OutputLimitError(file, name, EXCEL_MAX_ROWS + 1, null, detail);
    }
    if (sheet.columns.length > EXCEL_MAX_COLUMNS) {
      throw new OutputLimitError(file, name, null, null, `${sheet.columns.length} columns, more than Excel's ${EXCEL_MAX_COLUMNS}`);
    }
  }
}
