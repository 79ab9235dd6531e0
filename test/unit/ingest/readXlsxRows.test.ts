import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxRows } from "../../../src/ingest/readXlsxRows.js";
import type { RawRow } from "../../../src/ingest/rawRow.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-xlsx-"));

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function rows(path: string, sheet?: string): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const row of readXlsxRows(path, path, sheet === undefined ? {} : { sheet })) out.push(row);
  return out;
}

describe("readXlsxRows", () => {
  it("skips a hidden first sheet and reads the first visible one", async () => {
    const path = await workbook("hidden.xlsx", (wb) => {
      wb.addWorksheet("Secret", { state: "hidden" }).addRow(["nope"]);
      wb.addWorksheet("Deals").addRow(["Deal ID"]);
    });
    expect((await rows(path)).map((r) => r.cells)).toEqual([[{ kind: "text", text: "Deal ID" }]]);
  });

  it("reads a sheet by name, and lists the sheets when it is not there", async () => {
    const path = await workbook("named.xlsx", (wb) => {
      wb.addWorksheet("A").addRow(["a"]);
      wb.addWorksheet("B").addRow(["b"]);
    });
    expect((await rows(path, "B"))[0]?.cells).toEqual([{ kind: "text", text: "b" }]);
    await expect(rows(path, "C")).rejects.toThrow(/has no sheet "C"; its sheets are: "A", "B"/);
  });

  it("gives a formula's cached result, rich text as text, date cells as calendar days", async () => {
    const path = await workbook("cells.xlsx", (wb) => {
      const ws = wb.addWorksheet("S");
      ws.addRow([{ formula: "1+1", result: 2 }, { richText: [{ text: "Li " }, { font: { bold: true }, text: "Wei" }] }, new Date(Date.UTC(2026, 9, 5)), true, 1234.5699999999999]);
      ws.addRow([{ formula: "1/0", result: { error: "#DIV/0!" } }]);
    });
    const [first, second] = await rows(path);
    expect(first?.row).toBe(1);
    expect(first?.cells).toEqual([
      { kind: "number", value: 2 },
      { kind: "text", text: "Li Wei" },
      { kind: "date", year: 2026, month: 10, day: 5, secondsOfDay: null },
      { kind: "boolean", value: true },
      { kind: "number", value: 1234.5699999999999 },
    ]);
    expect((second?.cells[0] as { kind: string } | undefined)?.kind).toBe("error"); // never a number: a formula that errored has no value to count
  });

  it("keeps sheet row numbers across empty rows", async () => {
    const path = await workbook("gaps.xlsx", (wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "h";
      ws.getCell("A4").value = "x";
    });
    expect((await rows(path)).map((r) => r.row)).toEqual([1, 4]);
  });

  it.each([
    ["empty.xlsx", "", /is empty \(0 bytes\)/],
    ["csv.xlsx", "a,b\n1,2\n", /is not an xlsx workbook \(it looks like text \(CSV\?\)\)/],
    ["html.xlsx", "<html><body><table></table></body></html>", /it looks like HTML or XML/],
    ["legacy.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /is a legacy Office file \(an OLE compound document\)/],
  ])("refuses %s with its own message", async (name, content, message) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    await expect(rows(path)).rejects.toThrow(message);
  });
});
