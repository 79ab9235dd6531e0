import { isFormulaLike } from "../safeText.js";
import { cellPlace, checkCell, significantDigits } from "../workbookModel.js";
import type { Cell, CellFormat, CheckedCell, Column, RowStyle, Sheet } from "../workbookModel.js";
import { ByteWriter } from "./byteWriter.js";
import { columnLetter } from "./cellRef.js";
import { columnWidth, headerWidth, numberWidth, shownWidth, textWidth } from "./columnWidths.js";
import { conditionalFormatXml } from "./conditionalFormatXml.js";
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_MONEY_DIGITS, OutputLimitError } from "./limits.js";
import { excelSerial, TEXT_FORMAT } from "./numberFormats.js";
import type { SharedStrings } from "./sharedStrings.js";
import type { StyleSheet } from "./stylesXml.js";
import { XML_DECLARATION } from "./xmlText.js";

/**
 * One worksheet (xl/worksheets/sheetN.xml) from a model sheet: a bold,
 * frozen header row with a filter, the rows, column widths, conditional
 * formats. Cells are values only: numbers, booleans and shared strings,
 * never a formula (`<f>`). Text goes to the shared string table; a text that
 * looks like a formula gets the Text format with quotePrefix.
 */

/** What every sheet of one workbook shares. */
export interface WorkbookLook {
  /** the output file, for limit messages */
  file: string;
  formats: Record<CellFormat, string | undefined>;
  currency: string;
  minorUnits: number;
  styles: StyleSheet;
  strings: SharedStrings;
}

/** ` s="3"`, made once per style id */
const styleAttrs: string[] = [];
function styleAttr(s: number): string {
  return s === 0 ? "" : (styleAttrs[s] ??= ` s="${s}"`);
}

function checkText(text: string, look: WorkbookLook, sheet: string, row: number, column: string): void {
  if (text.length > EXCEL_MAX_CELL_CHARS) {
    const detail = `${text.length} characters, more than Excel's ${EXCEL_MAX_CELL_CHARS} in a cell`;
    throw new OutputLimitError(look.file, sheet, row, column, detail);
  }
}

/** A shared-string cell; `open` is `<c r="B7"`. */
function textCell(open: string, text: string, rowStyle: RowStyle, look: WorkbookLook, fillRgb?: string): string {
  const s = look.styles.id(isFormulaLike(text) ? TEXT_FORMAT : undefined, rowStyle, fillRgb);
  return `${open}${styleAttr(s)} t="s"><v>${look.strings.add(text)}</v></c>`;
}

function numberCell(open: string, value: number, numFmt: string | undefined, rowStyle: RowStyle, look: WorkbookLook): string {
  return `${open}${styleAttr(look.styles.id(numFmt, rowStyle))}><v>${value}</v></c>`;
}

/** Any checked cell but text. */
function valueCell(open: string, cell: CheckedCell, numFmt: string | undefined, rowStyle: RowStyle, look: WorkbookLook): string {
  switch (cell.kind) {
    case "empty":
      return `${open}${styleAttr(look.styles.id(undefined, rowStyle))}/>`;
    case "boolean":
      return `${open}${styleAttr(look.styles.id(undefined, rowStyle))} t="b"><v>${cell.value ? 1 : 0}</v></c>`;
    case "number":
      return numberCell(open, cell.value, numFmt, rowStyle, look);
    case "money":
      return numberCell(open, cell.value, look.formats.money, rowStyle, look);
    case "date": {
      const serial = excelSerial(cell.day);
      if (serial !== null) return numberCell(open, serial, look.formats.date, rowStyle, look);
      // before 1900 Excel has no serial: the ISO text, which never looks like a formula
      return `${open}${styleAttr(look.styles.id(undefined, rowStyle))} t="s"><v>${look.strings.add(cell.text)}</v></c>`;
    }
    case "text":
      throw new Error("text cells go through textCell");
  }
}

function checkMoney(cell: CheckedCell, sheet: Sheet, r: number, c: number, look: WorkbookLook): void {
  if (cell.kind === "money" && significantDigits(cell.text) > EXCEL_MAX_MONEY_DIGITS) {
    const detail = `money ${cell.text} has more than the ${EXCEL_MAX_MONEY_DIGITS} significant digits Excel keeps`;
    throw new OutputLimitError(look.file, sheet.name, r + 2, sheet.columns[c]?.header ?? null, detail);
  }
}

/** The fill for `text` in a column with `fillByText`; own keys only (a cell "constructor" is no key). */
function fillFor(fills: Readonly<Record<string, string>> | undefined, text: string): string | undefined {
  return fills !== undefined && Object.hasOwn(fills, text) ? fills[text] : undefined;
}

/** A column as the row loop needs it; every one has the same shape, so the loop's property reads stay fast. */
interface ColumnPlan {
  letter: string;
  header: string;
  format: CellFormat;
  /** of a number in this column */
  numFmt: string | undefined;
  fills: Readonly<Record<string, string>> | undefined;
  /** no width given: measure the content */
  measure: boolean;
}

function planColumns(columns: readonly Column[], letters: readonly string[], look: WorkbookLook): ColumnPlan[] {
  return columns.map((column, c) => ({
    letter: letters[c] ?? "",
    header: column.header,
    format: column.format,
    numFmt: column.format === "text" || column.format === "date" ? undefined : look.formats[column.format],
    fills: column.fillByText,
    measure: column.width === undefined,
  }));
}

const ROW_STYLE_INDEX: Readonly<Record<RowStyle, number>> = { normal: 0, bold: 1, highlight: 2 };

/**
 * Writes the cells of one sheet's rows and measures its columns. This is the
 * hot path of every report, and it runs once per process, mostly before the
 * JIT has warmed up, so it does little per cell: plain numbers and text skip
 * `checkCell`'s object (only they can, without changing a result), their
 * style attributes are looked up once per row style and column, and the
 * per-row method sees column objects of one shape whatever the sheet.
 */
class RowWriter {
  /** content width of each column so far */
  readonly widths: number[];
  /** by row style (ROW_STYLE_INDEX): the style attribute of plain text, and of a number in each column */
  private readonly textAttrs: (string | undefined)[] = [undefined, undefined, undefined];
  private readonly numberAttrs: (string | undefined)[][] = [[], [], []];

  constructor(
    private readonly sheet: Sheet,
    private readonly plans: readonly ColumnPlan[],
    private readonly look: WorkbookLook,
  ) {
    this.widths = sheet.columns.map((column) => headerWidth(column.header));
  }

  header(): string {
    let cells = "";
    this.plans.forEach((plan, c) => {
      checkText(plan.header, this.look, this.sheet.name, 1, `#${c + 1}`);
      cells += textCell(`<c r="${plan.letter}1"`, plan.header, "bold", this.look);
    });
    return cells === "" ? "" : `<row r="1">${cells}</row>`;
  }

  /** The `<row>` of model row `r` ("" when it has no cell to write). */
  row(row: readonly Cell[], r: number, rowStyle: RowStyle): string {
    const { plans, look, widths } = this;
    const styleIndex = ROW_STYLE_INDEX[rowStyle];
    const n = r + 2;
    let cells = "";
    for (let c = 0; c < plans.length; c++) {
      const plan = plans[c] as ColumnPlan;
      const value = row[c];
      if ((value === null || value === undefined) && styleIndex === 0) continue;
      const open = `<c r="${plan.letter}${n}"`;
      let width: number;
      if (typeof value === "string") {
        checkText(value, look, this.sheet.name, n, plan.header);
        const fill = fillFor(plan.fills, value);
        if (fill === undefined && !isFormulaLike(value)) {
          const attr = (this.textAttrs[styleIndex] ??= styleAttr(look.styles.id(undefined, rowStyle)));
          cells += `${open}${attr} t="s"><v>${look.strings.add(value)}</v></c>`;
        } else {
          cells += textCell(open, value, rowStyle, look, fill);
        }
        width = plan.measure ? textWidth(value) : 0;
      } else if (typeof value === "number" && Number.isFinite(value)) {
        const v = value === 0 ? 0 : value; // no -0
        const byColumn = this.numberAttrs[styleIndex] as (string | undefined)[];
        cells += `${open}${(byColumn[c] ??= styleAttr(look.styles.id(plan.numFmt, rowStyle)))}><v>${v}</v></c>`;
        width = plan.measure ? numberWidth(v, plan.format, look.currency, look.minorUnits) : 0;
      } else {
        const cell = checkCell(value, this.sheet, r, c);
        checkMoney(cell, this.sheet, r, c, look);
        cells += valueCell(open, cell, plan.numFmt, rowStyle, look);
        width = plan.measure ? shownWidth(cell, plan.format, look.currency, look.minorUnits) : 0;
      }
      if (width + 2 > (widths[c] ?? 0)) widths[c] = width + 2;
    }
    return cells === "" ? "" : `<row r="${n}">${cells}</row>`;
  }
}

/** `<sheetData>`'s rows, and the content width of each column. */
function sheetRows(sheet: Sheet, letters: readonly string[], look: WorkbookLook): { rows: ByteWriter; widths: number[] } {
  const { columns, rows, rowStyles } = sheet;
  const writer = new RowWriter(sheet, planColumns(columns, letters, look), look);
  const out = new ByteWriter();
  out.write(writer.header());
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.length > columns.length) throw new Error(`${cellPlace(sheet, r, columns.length)}: ${row.length} cells for ${columns.length} columns`);
    out.write(writer.row(row, r, rowStyles?.[r] ?? "normal"));
  }
  return { rows: out, widths: writer.widths };
}

/** `<cols>`, adjacent columns of one width in one element. */
function colsXml(widths: readonly number[]): string {
  if (widths.length === 0) return "";
  const out: string[] = [];
  let start = 0;
  for (let c = 1; c <= widths.length; c++) {
    if (c < widths.length && widths[c] === widths[start]) continue;
    out.push(`<col min="${start + 1}" max="${c}" width="${widths[start]}" customWidth="1"/>`);
    start = c;
  }
  return `<cols>${out.join("")}</cols>`;
}

function checkWidth(width: number, sheet: Sheet, c: number): number {
  if (!Number.isFinite(width) || width < 0 || width > 255) throw new Error(`sheet "${sheet.name}", column "${sheet.columns[c]?.header}": width ${width} is not 0..255`);
  return width;
}

/** The worksheet part (UTF-8 XML) of `sheet`, the `sheetNumber`-th (1-based) in its workbook. */
export function sheetXml(sheet: Sheet, sheetNumber: number, look: WorkbookLook): Uint8Array {
  const letters = sheet.columns.map((_, c) => columnLetter(c));
  const { rows, widths } = sheetRows(sheet, letters, look);
  const columnWidths = sheet.columns.map((column, c) => checkWidth(columnWidth(column, widths[c]), sheet, c));
  const last = letters[letters.length - 1];
  const range = last === undefined ? "A1" : `A1:${last}${sheet.rows.length + 1}`;
  const selected = sheetNumber === 1 ? ' tabSelected="1"' : "";
  const { rules, extensions } = conditionalFormatXml(sheet, sheetNumber);
  const head = [
    XML_DECLARATION,
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="${range}"/>`,
    `<sheetViews><sheetView${selected} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(columnWidths),
    "<sheetData>",
  ].join("");
  const tail = [
    "</sheetData>",
    last === undefined ? "" : `<autoFilter ref="${range}"/>`,
    rules,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    extensions,
    "</worksheet>",
  ].join("");
  return rows.join(head, tail);
}
