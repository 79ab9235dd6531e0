/**
 * Differential property: readCsvRows gives exactly the records csv-parse
 * gives when called plainly on the whole text (relax_column_count, bom, the
 * same record delimiters), and numbers each record by the physical line
 * where it starts — on random CSV with quotes, escaped quotes, line breaks
 * of every kind inside and between records, a BOM, empty fields and
 * multi-byte characters, read in random chunk sizes. The safety net for a
 * faster scanner later.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvRows } from "../../src/ingest/readCsvRows.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-csv-differential-"));
let files = 0;

const BREAKS = ["\n", "\r\n", "\r"] as const;
const field = fc.array(fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "\r\n", "", "é", "中", "𠀀", "😀", "\0", "\t", ";", "1"), { maxLength: 6 }).map((parts) => parts.join(""));
const record = fc.record({ fields: fc.array(field, { minLength: 1, maxLength: 5 }), quoteAll: fc.boolean(), end: fc.constantFrom(...BREAKS) });
const csv = fc.record({ records: fc.array(record, { minLength: 1, maxLength: 12 }), bom: fc.boolean(), finalBreak: fc.boolean(), chunkBytes: fc.constantFrom(undefined, 1, 2, 3, 7, 64) });

function serialiseField(text: string, quoteAll: boolean): string {
  return quoteAll || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Line breaks inside a field's value (CRLF counts once). */
function breaksIn(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

describe("readCsvRows against csv-parse", () => {
  it("gives the same records, each numbered by the physical line where it starts", async () => {
    await fc.assert(
      fc.asyncProperty(csv, async ({ records, bom, finalBreak, chunkBytes }) => {
        let text = bom ? "\uFEFF" : "";
        const expected: { row: number; cells: string[] }[] = [];
        let line = 1;
        let previousEnd = "";
        records.forEach((r, i) => {
          // an empty line after a CR would make CRLF, one line break: quote its empty field
          const serialised = r.fields.map((f) => serialiseField(f, r.quoteAll || previousEnd === "\r")).join(",");
          previousEnd = r.end;
          const last = i === records.length - 1;
          if (!(last && !finalBreak && serialised === "")) expected.push({ row: line, cells: r.fields }); // an empty last line without a break is no record
          text += serialised + (last && !finalBreak ? "" : r.end);
          line += r.fields.reduce((n, f) => n + breaksIn(f), 0) + 1;
        });

        const plain = (parse(text, { relax_column_count: true, bom: true, record_delimiter: ["\r\n", "\n", "\r"] }) as string[][]).map((cells) => cells);
        expect(plain, "the generator's records are csv-parse's").toEqual(expected.map((e) => e.cells));

        const path = join(dir, `random-${files++}.csv`);
        writeFileSync(path, text);
        const ours: { row: number; cells: string[] }[] = [];
        for await (const r of readCsvRows(path, "random.csv", { encoding: "utf-8", delimiter: ",", chunkBytes })) ours.push({ row: r.row, cells: [...r.cells] });
        expect(ours).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
