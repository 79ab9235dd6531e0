/**
 * The rows of a worksheet part, as its XML streams past: `<sheetData>` rows
 * become `RawRow`s (queued until the reader drains them), `<mergeCell>`s
 * are collected. Rows and cells without an `r` attribute follow the one
 * before. A row is padded with empty cells to the widest row so far: in a
 * sheet, a trailing empty cell is simply not written, never a lost field.
 */
import type { XlsxCell } from "../coerce.js";
import type { RawRow } from "../rawRow.js";
import { EMPTY, cellValue } from "./cellValue.js";
import { MAX_ROWS, columnName, parseCellReference, parseRange, type MergedRange } from "./cellReference.js";
import type { DateStyles } from "./stylesPart.js";
import type { Attributes, XmlHandler } from "./xmlStream.js";
import type { ZipPackage } from "./zipPackage.js";

export interface SheetContext {
  zip: ZipPackage;
  strings: readonly string[];
  dateStyles: DateStyles;
  date1904: boolean;
}

export class SheetRowsParser implements XmlHandler {
  readonly merged: MergedRange[] = [];
  private queue: RawRow[] = [];
  private inSheetData = false;
  private width = 0;
  // the row being read
  private row = 0;
  private cells: XlsxCell[] | null = null;
  private lastColumn = 0;
  // the cell being read
  private column = 0;
  private type = "n";
  private style = 0;
  private value: string | null = null;
  private inValue = false;
  private hasFormula = false;
  private inline: string | null = null;
  private inInlineText = false;
  private phonetic = 0;

  constructor(private readonly ctx: SheetContext) {}

  /** The rows read since the last call. */
  drain(): RawRow[] {
    const rows = this.queue;
    this.queue = [];
    return rows;
  }

  open(name: string, attributes: Attributes): void {
    if (!this.inSheetData) {
      if (name === "sheetData") this.inSheetData = true;
      else if (name === "mergeCell") this.addMerged(attributes["ref"] ?? "");
      return;
    }
    switch (name) {
      case "c":
        return this.openCell(attributes);
      case "v":
        this.inValue = true;
        this.value ??= "";
        return;
      case "f":
        this.hasFormula = true;
        return;
      case "is":
        this.inline = "";
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "t":
        this.inInlineText = this.inline !== null && this.phonetic === 0;
        return;
      case "row":
        return this.openRow(attributes["r"]);
    }
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case "v":
        this.inValue = false;
        return;
      case "t":
        this.inInlineText = false;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "c":
        return this.closeCell();
      case "row":
        return this.closeRow();
      case "sheetData":
        this.inSheetData = false;
        return;
    }
  }

  text(text: string): void {
    if (this.inValue) this.value += text;
    else if (this.inInlineText) this.inline += text;
  }

  private openRow(r: string | undefined): void {
    const row = r === undefined ? this.row + 1 : /^\s*\d{1,7}\s*$/.test(r) ? Number(r) : NaN;
    if (!(row >= 1 && row <= MAX_ROWS)) throw this.ctx.zip.fail(`has a row numbered "${r}" (rows run from 1 to ${MAX_ROWS}); the file is damaged`);
    if (row <= this.row) throw this.ctx.zip.fail(`row ${row} comes after row ${this.row} (rows must be in ascending order); the file is damaged`, row);
    this.row = row;
    this.cells = [];
    this.lastColumn = 0;
  }

  private openCell(attributes: Attributes): void {
    const { zip } = this.ctx;
    if (this.cells === null) throw zip.fail("has a cell outside any row; the file is damaged");
    const ref = attributes["r"];
    let column = this.lastColumn + 1;
    if (ref !== undefined) {
      const position = parseCellReference(ref.trim());
      if (position === null) throw zip.fail(`has a cell named "${ref}", which is not a cell reference; the file is damaged`, this.row);
      if (position.row !== null && position.row !== this.row) throw zip.fail(`has cell ${ref} inside row ${this.row}; the file is damaged`, this.row);
      column = position.column;
    }
    if (this.cells[column - 1] !== undefined) throw zip.fail(`has cell ${columnName(column)}${this.row} twice; which value is meant is ambiguous`, this.row, columnName(column));
    this.column = column;
    this.type = attributes["t"]?.trim() || "n";
    const s = attributes["s"];
    this.style = s === undefined ? 0 : Number(s);
    this.value = null;
    this.hasFormula = false;
    this.inline = null;
  }

  private closeCell(): void {
    const { ctx, column, row } = this;
    const cell = cellValue(
      { type: this.type, value: this.value, inline: this.inline, hasFormula: this.hasFormula, isDateStyle: ctx.dateStyles[this.style] === true },
      ctx.date1904,
      (index) => {
        const string = /^\s*\d+\s*$/.test(index) ? ctx.strings[Number(index)] : undefined;
        if (string === undefined) {
          throw ctx.zip.fail(`cell ${columnName(column)}${row} refers to shared string ${index.trim()}, but the string table has ${ctx.strings.length} entries; the file is damaged`, row, columnName(column));
        }
        return string;
      },
    );
    if (this.cells) this.cells[column - 1] = cell;
    if (column > this.lastColumn) this.lastColumn = column;
    this.value = null;
    this.inline = null;
  }

  private closeRow(): void {
    const cells = this.cells;
    this.cells = null;
    if (cells === null || cells.length === 0) return;
    if (cells.length > this.width) this.width = cells.length;
    for (let i = 0; i < this.width; i++) cells[i] ??= EMPTY;
    this.queue.push({ row: this.row, cells });
  }

  private addMerged(ref: string): void {
    const range = parseRange(ref.trim());
    if (range === null) throw this.ctx.zip.fail(`has a merged range "${ref}" that is not a range of cells; the file is damaged`);
    this.merged.push(range);
  }
}
