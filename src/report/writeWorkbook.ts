import { OutputError } from "../errors.js";
import type { Cell as XlsxCell, Style, Workbook, Worksheet } from "exceljs";
import { writeFileAtomic } from "./atomicWrite.js";
import { displayWidth, escapeXlsxText, isFormulaLike } from "./safeText.js";
import { cellPlace, checkCell, significantDigits } from "./workbookModel.js";
import type { CellFormat, CheckedCell, RowStyle, Sheet, WorkbookModel } from "./workbookModel.js";

/**
 * The one module that writes xlsx. exceljs (and jszip, which exceljs already
 * depends on) load only when a workbook is written. Cells hold values, never
 * formulas; formula-like text is a string cell with the Text format and
 * `quotePrefix`, so editing it in Excel keeps it text. The bytes depend only
 * on the model: fixed document times, fixed zip entry times, no user or host.
 */

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Excel shows and keeps 15 significant digits; money beyond that would be a different amount. */
export const EXCEL_MAX_MONEY_DIGITS = 15;
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));
const MAX_WIDTH = 60;
const MIN_WIDTH = 6;
const TEXT_FORMAT = "@";

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

/** `#,##0.00 "CNY"`; JPY `#,##0 "JPY"`; KWD `#,##0.000 "KWD"`. */
export function moneyFormat(currency: string, minorUnits: number): string {
  if (!Number.isInteger(minorUnits) || minorUnits < 0 || minorUnits > 10) throw new Error(`minorUnits ${minorUnits} is not 0..10`);
  const code = currency.replace(/["\\]/g, "").trim();
  const digits = minorUnits === 0 ? "#,##0" : `#,##0.${"0".repeat(minorUnits)}`;
  return code === "" ? digits : `${digits} "${code}"`;
}

export function numberFormats(currency: string, minorUnits: number): Record<CellFormat, string | undefined> {
  return {
    text: undefined,
    integer: "0",
    number: "#,##0.00",
    money: moneyFormat(currency, minorUnits),
    percent: "0.0%",
    score: "0.00",
    date: "yyyy-mm-dd",
  };
}

const MARCH_1_1900 = -25508; // days from 1970-01-01
const JAN_1_1900 = -25567;

/** Excel 1900-system serial of a day, or null before 1900 (not representable). */
export function excelSerial(day: number): number | null {
  if (day >= MARCH_1_1900) return day + 25569; // 1970-01-01 is 25569
  if (day >= JAN_1_1900) return day + 25568; // before Excel's phantom 1900-02-29
  return null;
}

function checkSheets(model: WorkbookModel, file: string): void {
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

interface Look {
  file: string;
  formats: Record<CellFormat, string | undefined>;
  currency: string;
  minorUnits: number;
  styles: Map<string, Partial<Style>>;
}

function styleFor(look: Look, numFmt: string | undefined, rowStyle: RowStyle, fillRgb?: string): Partial<Style> {
  const key = `${numFmt ?? ""}|${rowStyle}|${fillRgb ?? ""}`;
  let style = look.styles.get(key);
  if (!style) {
    style = {};
    if (numFmt !== undefined) style.numFmt = numFmt;
    if (rowStyle === "bold") style.font = { bold: true };
    if (rowStyle === "highlight") style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    if (fillRgb !== undefined) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fillRgb}` } };
    look.styles.set(key, style);
  }
  return style;
}

function groupedLength(fixed: string): number {
  const integerDigits = fixed.replace(/^-/, "").split(".")[0]?.length ?? 0;
  return fixed.length + Math.floor(Math.max(0, integerDigits - 1) / 3);
}

/** Roughly how many characters the formatted value shows. */
function shownWidth(cell: CheckedCell, format: CellFormat, look: Look): number {
  switch (cell.kind) {
    case "empty":
      return 0;
    case "text":
      return displayWidth(cell.text);
    case "boolean":
      return 5;
    case "date":
      return 10;
    case "money":
      return groupedLength(cell.value.toFixed(look.minorUnits)) + look.currency.length + 1;
  }
  const v = cell.value;
  if (format === "integer") return String(Math.round(v)).length;
  if (format === "number") return groupedLength(v.toFixed(2));
  if (format === "money") return groupedLength(v.toFixed(look.minorUnits)) + look.currency.length + 1;
  if (format === "percent") return (v * 100).toFixed(1).length + 1;
  if (format === "score") return v.toFixed(2).length;
  return Math.min(String(v).length, 11);
}

interface Place {
  sheet: string;
  row: number;
  column: string;
}

function writeText(target: XlsxCell, text: string, rowStyle: RowStyle, look: Look, place: Place, fillRgb?: string): void {
  if (text.length > EXCEL_MAX_CELL_CHARS) {
    const detail = `${text.length} characters, more than Excel's ${EXCEL_MAX_CELL_CHARS} in a cell`;
    throw new OutputLimitError(look.file, place.sheet, place.row, place.column, detail);
  }
  target.value = escapeXlsxText(text);
  target.style = styleFor(look, isFormulaLike(text) ? TEXT_FORMAT : undefined, rowStyle, fillRgb);
}

function writeCell(target: XlsxCell, cell: CheckedCell, format: CellFormat, rowStyle: RowStyle, look: Look): void {
  let numFmt: string | undefined;
  switch (cell.kind) {
    case "empty":
      break;
    case "boolean":
      target.value = cell.value;
      break;
    case "number":
      target.value = cell.value;
      numFmt = format === "text" || format === "date" ? undefined : look.formats[format];
      break;
    case "money":
      target.value = cell.value;
      numFmt = look.formats.money;
      break;
    case "date": {
      const serial = excelSerial(cell.day);
      target.value = serial ?? cell.text;
      numFmt = serial === null ? undefined : look.formats.date;
      break;
    }
    case "text":
      throw new Error("text cells go through writeText");
  }
  // always a shared object: exceljs caches a style's id by object, and a fresh `{}` per cell is slow
  target.style = styleFor(look, numFmt, rowStyle);
}

function checkMoney(cell: CheckedCell, sheet: Sheet, r: number, c: number, look: Look): void {
  if (cell.kind === "money" && significantDigits(cell.text) > EXCEL_MAX_MONEY_DIGITS) {
    const detail = `money ${cell.text} has more than the ${EXCEL_MAX_MONEY_DIGITS} significant digits Excel keeps`;
    throw new OutputLimitError(look.file, sheet.name, r + 2, sheet.columns[c]?.header ?? null, detail);
  }
}

/** Fills one worksheet and returns the content width of each column. */
function fillSheet(ws: Worksheet, sheet: Sheet, look: Look): number[] {
  const { columns } = sheet;
  const widths = columns.map((column) => displayWidth(column.header) + 3); // room for the filter button
  const header = ws.getRow(1);
  columns.forEach((column, c) => {
    writeText(header.getCell(c + 1), column.header, "bold", look, { sheet: sheet.name, row: 1, column: `#${c + 1}` });
  });
  sheet.rows.forEach((row, r) => {
    if (row.length > columns.length) throw new Error(`${cellPlace(sheet, r, columns.length)}: ${row.length} cells for ${columns.length} columns`);
    const rowStyle = sheet.rowStyles?.[r] ?? "normal";
    const target = ws.getRow(r + 2);
    columns.forEach((column, c) => {
      const cell = checkCell(row[c], sheet, r, c);
      if (cell.kind === "empty" && rowStyle === "normal") return;
      checkMoney(cell, sheet, r, c, look);
      if (cell.kind === "text") writeText(target.getCell(c + 1), cell.text, rowStyle, look, { sheet: sheet.name, row: r + 2, column: column.header }, column.fillByText?.[cell.text]);
      else writeCell(target.getCell(c + 1), cell, column.format, rowStyle, look);
      widths[c] = Math.max(widths[c] ?? 0, shownWidth(cell, column.format, look) + 2);
    });
  });
  return widths;
}

function addSheet(workbook: Workbook, sheet: Sheet, look: Look): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  const widths = fillSheet(ws, sheet, look);
  sheet.columns.forEach((column, c) => {
    ws.getColumn(c + 1).width = column.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] ?? MIN_WIDTH));
  });
  addConditionalFormats(ws, sheet);
  if (sheet.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: sheet.columns.length } };
  }
}

/** Data bars and colour scales: formatting rules Excel evaluates, never formulas in cells. */
function addConditionalFormats(ws: Worksheet, sheet: Sheet): void {
  if (sheet.rows.length === 0) return;
  let priority = 1;
  sheet.columns.forEach((column, c) => {
    const letter = columnLetter(c + 1);
    const ref = `${letter}2:${letter}${sheet.rows.length + 1}`;
    if (column.dataBar) {
      ws.addConditionalFormatting({ ref, rules: [{ type: "dataBar", priority: priority++, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" } } as never] });
    }
    if (column.colorScaleMidpoint !== undefined) {
      const mid = column.colorScaleMidpoint;
      ws.addConditionalFormatting({
        ref,
        rules: [{ type: "colorScale", priority: priority++, cfvo: [{ type: "min" }, { type: "num", value: mid }, { type: "max" }], color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }] } as never],
      });
    }
  });
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Adds `quotePrefix="1"` to every cell format that uses the Text format (only formula-like text does). */
export function addQuotePrefix(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (xfs) => xfs.replace(/<xf numFmtId="49"(?![^>]*quotePrefix)/g, '<xf numFmtId="49" quotePrefix="1"'));
}

/** Re-packs exceljs's zip: fixed entry times (exceljs stamps "now"), quotePrefix in styles, one deflate pass. */
async function normalisePackage(stored: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(stored);
  const styles = zip.file("xl/styles.xml");
  if (styles) zip.file("xl/styles.xml", addQuotePrefix(await styles.async("string")));
  zip.forEach((_name, entry) => {
    entry.date = FIXED_TIME;
  });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

/** The xlsx bytes of `model`; `file` names the output in limit messages. Throws before any I/O. */
export async function renderWorkbook(model: WorkbookModel, file = "workbook"): Promise<Uint8Array> {
  checkSheets(model, file);
  const look: Look = {
    file,
    formats: numberFormats(model.currency, model.minorUnits),
    currency: model.currency,
    minorUnits: model.minorUnits,
    styles: new Map(),
  };
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kpi";
  workbook.lastModifiedBy = "kpi";
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  for (const sheet of model.sheets) addSheet(workbook, sheet, look);
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return normalisePackage(new Uint8Array(stored));
}

/** Writes `model` to `path` as xlsx, atomically: the previous file stays until the new one is complete. */
export async function writeWorkbook(model: WorkbookModel, path: string): Promise<void> {
  await writeFileAtomic(path, await renderWorkbook(model, path));
}
