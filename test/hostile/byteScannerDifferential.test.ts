/**
 * Differential property: the byte scanner (src/ingest/csvBytes) gives exactly
 * the records readCsvRows (csv-parse) gives — cells, the line where each
 * record starts and the line where it ends — or declines the file as
 * irregular, and then the straightforward reader is what reads it. Random
 * CSV with quotes, escaped quotes, line breaks of every kind inside and
 * between records, a BOM, empty fields, multi-byte characters and stray
 * quotes, read in random chunk sizes (so records and characters are cut
 * between reads).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Irregular, scanCsvFile } from "../../src/ingest/csvBytes/scanCsvFile.js";
import { readCsvRows } from "../../src/ingest/readCsvRows.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-bytes-differential-"));
let files = 0;

const BREAKS = ["\n", "\r\n", "\r"] as const;
const field = fc.array(fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "\r\n", "", "é", "中", "𠀀", "😀", "\0", "\t", "1"), { maxLength: 6 }).map((parts) => parts.join(""));
const record = fc.record({ fields: fc.array(field, { minLength: 1, maxLength: 5 }), quoteAll: fc.boolean(), raw: fc.nat(9).map((n) => n === 0), end: fc.constantFrom(...BREAKS) });
const csv = fc.record({ records: fc.array(record, { minLength: 1, maxLength: 12 }), bom: fc.boolean(), finalBreak: fc.boolean(), chunkBytes: fc.constantFrom(1, 2, 3, 7, 64, 4096) });

function serialiseField(text: string, quoteAll: boolean, raw: boolean): string {
  if (raw) return text; // written without quoting: stray quotes and delimiters, as broken exports have them
  return quoteAll || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

interface Row {
  row: number;
  lastLine: number;
  cells: string[];
}

async function straightforward(path: string): Promise<Row[] | "error"> {
  const rows: Row[] = [];
  try {
    for await (const r of readCsvRows(path, "random.csv", { encoding: "utf-8", delimiter: "," })) rows.push({ row: r.row, lastLine: r.lastLine, cells: [...r.cells] });
  } catch {
    return "error";
  }
  return rows;
}

function scanned(path: string, bom: boolean, chunkBytes: number): Row[] | "irregular" {
  const rows: Row[] = [];
  try {
    scanCsvFile(path, ",", { start: bom ? 3 : 0, end: Number.MAX_SAFE_INTEGER, line: 1 }, (view) => rows.push({ row: view.row, lastLine: view.lastLine, cells: view.cells() }), chunkBytes);
  } catch (error) {
    if (error instanceof Irregular) return "irregular";
    throw error;
  }
  return rows;
}

describe("the byte scanner against readCsvRows", () => {
  it("gives the same records and lines, or declines the file", async () => {
    let declined = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(csv, async ({ records, bom, finalBreak, chunkBytes }) => {
        let text = bom ? "\uFEFF" : "";
        let previousEnd = "";
        records.forEach((r, i) => {
          const serialised = r.fields.map((f) => serialiseField(f, r.quoteAll || previousEnd === "\r", r.raw)).join(",");
          previousEnd = r.end;
          text += serialised + (i === records.length - 1 && !finalBreak ? "" : r.end);
        });
        const path = join(dir, `random-${files++}.csv`);
        writeFileSync(path, text);
        runs++;
        const ours = scanned(path, bom, chunkBytes);
        if (ours === "irregular") {
          declined++;
          return;
        }
        expect(await straightforward(path)).toEqual(ours);
      }),
      { numRuns: 400 },
    );
    // the property is only worth something if most files are read, not declined
    expect(declined).toBeLessThan(runs * 0.6);
  });

  it("declines a quote that is never closed, and text after a closing quote", () => {
    for (const text of ['a,b\n"open,1\n2,3\n', 'a,b\n"x"y,1\n', 'a,b\nx"y,1\n']) {
      const path = join(dir, `bad-${files++}.csv`);
      writeFileSync(path, text);
      expect(scanned(path, false, 64)).toBe("irregular");
    }
  });

  it("declines bytes that are not UTF-8, even when a chunk cuts them", () => {
    const path = join(dir, `latin1-${files++}.csv`);
    writeFileSync(path, Buffer.concat([Buffer.from("a,b\nM"), Buffer.from([0xfc]), Buffer.from("ller,1\n")]));
    for (const chunk of [1, 2, 5, 64]) expect(scanned(path, false, chunk)).toBe("irregular");
  });
});
