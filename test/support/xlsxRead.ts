/**
 * Reading generated xlsx files in tests: `book(sheetXml, overrides)` writes a
 * workbook from parts, `read` collects rows and what the reader reports,
 * `failure` returns the InputError (and checks it names the file), `coerced`
 * shows what coercion makes of a cell. Files go to one temp folder.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";
import { expect } from "vitest";
import { InputError } from "../../src/errors.js";
import { coerceCell, type CoerceOptions, type XlsxCell } from "../../src/ingest/coerce.js";
import type { RawRow } from "../../src/ingest/rawRow.js";
import { readXlsxRows, type MergedRange, type XlsxReadOptions, type XlsxSheetInfo } from "../../src/ingest/readXlsxRows.js";
import { zipBytes } from "./rawZip.js";
import { entriesOf, workbookParts, type Parts } from "./xlsxParts.js";

export const dir = mkdtempSync(join(tmpdir(), "kpi-hostile-xlsx-"));
let files = 0;

export function file(bytes: string | Uint8Array): string {
  const path = join(dir, `book${files++}.xlsx`);
  writeFileSync(path, bytes);
  return path;
}

export const book = (sheetXml: string, overrides: Parts = {}): string => file(zipBytes(entriesOf(workbookParts(sheetXml, overrides))));

export interface Read {
  rows: RawRow[];
  info: XlsxSheetInfo | null;
  merged: readonly MergedRange[] | null;
}

export async function read(path: string, options: Omit<XlsxReadOptions, "onSheet" | "onMergedRanges"> = {}): Promise<Read> {
  const out: Read = { rows: [], info: null, merged: null };
  const reader = readXlsxRows(path, path, { ...options, onSheet: (info) => (out.info = info), onMergedRanges: (ranges) => (out.merged = ranges) });
  for await (const r of reader) out.rows.push(r);
  return out;
}

/** The InputError reading `path` raises (the test fails on any other outcome). */
export async function failure(path: string, options: Omit<XlsxReadOptions, "onSheet" | "onMergedRanges"> = {}): Promise<InputError> {
  try {
    await read(path, options);
  } catch (error) {
    if (error instanceof InputError) {
      expect(error.file).toBe(path);
      return error;
    }
    throw error;
  }
  throw new Error(`${path} was read without an error`);
}

export const cellsOf = async (path: string): Promise<XlsxCell[][]> => (await read(path)).rows.map((r) => [...r.cells] as XlsxCell[]);
export const firstCell = async (path: string): Promise<XlsxCell | undefined> => (await cellsOf(path))[0]?.[0];
export const text = (t: string): XlsxCell => ({ kind: "text", text: t });
export const num = (value: number): XlsxCell => ({ kind: "number", value });
export const date = (iso: string, secondsOfDay: number | null = null): XlsxCell => {
  const [year, month, day] = iso.split("-").map(Number);
  return { kind: "date", year: year ?? 0, month: month ?? 0, day: day ?? 0, secondsOfDay };
};

/** The value coercion gives a cell, as text ("1234.57", "2026-10-05"), or "rejected: ...". */
export function coerced(c: XlsxCell | undefined, type: CoerceOptions["type"], date1904 = false): string {
  if (c === undefined) return "no cell";
  const result = coerceCell(c, { type }, date1904);
  if (!result.ok) return `rejected: ${result.expected}`;
  return result.value === null ? "null" : String(result.value);
}

/** An OLE compound file whose directory names these streams. */
export function compoundFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const names = ["Root Entry", ...streams];
  const directory = Buffer.alloc(Math.ceil(names.length / 4) * 512);
  names.forEach((name, i) => {
    directory.write(name, i * 128, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
    directory[i * 128 + 66] = i === 0 ? 5 : 2;
    directory[i * 128 + 67] = 1;
  });
  return Buffer.concat([header, directory, Buffer.alloc(1024)]);
}

/** `size` spaces as one raw deflate stream, compressed fast, a MiB at a time. */
export async function deflateSpaces(size: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on("data", (data: Buffer) => out.push(data));
  const finished = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  for (let done = 0; done < size; done += chunk.length) if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  deflate.end();
  await finished;
  return Buffer.concat(out);
}
