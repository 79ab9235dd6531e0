/**
 * One sheet of an xlsx file as a stream of rows, read with exceljs's
 * streaming reader (loaded only here, only when an xlsx is touched). Cells
 * become neutral `XlsxCell`s: formulas give their cached result, rich text
 * its plain text, date cells their calendar day (read in UTC, where exceljs
 * puts them, so no time zone moves them).
 */
import { open } from "node:fs/promises";
import { InputError } from "../errors.js";
import type { XlsxCell } from "./coerce.js";
import type { RawRow } from "./rawRow.js";

export interface XlsxReadOptions {
  /** sheet name; default: the first visible sheet */
  sheet?: string;
}

interface StreamWorksheet extends AsyncIterable<{ number: number; values: unknown }> {
  name: string;
  state?: string;
}

export async function* readXlsxRows(path: string, displayName: string, options: XlsxReadOptions): AsyncGenerator<RawRow> {
  await checkZipSignature(path, displayName);
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<StreamWorksheet>) {
      seen.push(worksheet.name);
      const wanted = options.sheet !== undefined ? worksheet.name === options.sheet : (worksheet.state ?? "visible") === "visible";
      if (found || !wanted) {
        for await (const _row of worksheet) void _row; // drain: the reader needs every sheet consumed
        continue;
      }
      found = true;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        const cells: XlsxCell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        yield { row: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read as xlsx: ${(error as Error).message}`, displayName);
  }
  if (!found) {
    const which = options.sheet !== undefined ? `has no sheet "${options.sheet}"` : "has no visible sheet";
    throw new InputError(`${which}; its sheets are: ${seen.length > 0 ? seen.map((s) => `"${s}"`).join(", ") : "none (is it really an xlsx workbook?)"}`, displayName);
  }
}

/** An xlsx is a zip: tell a renamed CSV, HTML or legacy .xls apart before exceljs guesses. */
async function checkZipSignature(path: string, displayName: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "file not found" : `cannot open: ${(error as Error).message}`, displayName);
  }
  if (head.length === 0) throw new InputError("is empty (0 bytes), not an xlsx workbook", displayName);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return;
  if (head[0] === 0xd0 && head[1] === 0xcf) throw new InputError("is a legacy .xls or an encrypted workbook, not an xlsx; save it as .xlsx (or CSV) without a password", displayName);
  const text = head.toString("latin1").trimStart().toLowerCase();
  const looksLike = text.startsWith("<") ? "HTML or XML" : "text (CSV?)";
  throw new InputError(`is not an xlsx workbook (it looks like ${looksLike}); give it its real extension`, displayName);
}

function toCell(value: unknown): XlsxCell {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string") return value === "" ? { kind: "empty" } : { kind: "text", text: value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: "error", text: "#VALUE!" };
    const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return { kind: "date", year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate(), secondsOfDay: seconds === 0 ? null : seconds };
  }
  if (typeof value === "object") {
    const cell = value as { richText?: { text: string }[]; result?: unknown; formula?: string; sharedFormula?: string; error?: string; text?: unknown };
    if (Array.isArray(cell.richText)) return toCell(cell.richText.map((part) => part.text).join(""));
    if (cell.error !== undefined) return { kind: "error", text: String(cell.error) };
    if ("formula" in cell || "sharedFormula" in cell) {
      if (cell.result === undefined) return { kind: "error", text: "a formula without a saved result (open and save the file in Excel)" };
      return toCell(cell.result);
    }
    if (cell.text !== undefined) return toCell(typeof cell.text === "string" ? cell.text : String(cell.text));
  }
  return { kind: "text", text: String(value) };
}
