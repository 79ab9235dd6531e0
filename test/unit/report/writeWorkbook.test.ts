import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { date, money } from "../../../src/report/workbookModel.js";
import type { Cell, Column, Sheet, WorkbookModel } from "../../../src/report/workbookModel.js";
import {
  addQuotePrefix,
  excelSerial,
  moneyFormat,
  OutputLimitError,
  renderWorkbook,
  writeWorkbook,
} from "../../../src/report/writeWorkbook.js";
import { crc32Table, zip as zipEntries } from "../../../src/report/xlsx/zipWriter.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kpi-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const makeSheet = (over: Partial<Sheet> = {}): Sheet => ({
  name: "Data",
  columns: [{ header: "Value", format: "text" }],
  rows: [],
  ...over,
});
const makeModel = (over: Partial<WorkbookModel> = {}): WorkbookModel => ({
  sheets: [makeSheet()],
  currency: "CNY",
  minorUnits: 2,
  ...over,
});
const textSheet = (values: Cell[]): Sheet => makeSheet({ rows: values.map((v) => [v]) });

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}
async function zipText(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("string"));
  return out;
}
function sheetOf(workbook: ExcelJS.Workbook, name = "Data"): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe("every format", () => {
  const columns: Column[] = [
    { header: "Rep", format: "text" },
    { header: "Deals", format: "integer" },
    { header: "Calls per day", format: "number" },
    { header: "Payout", format: "money" },
    { header: "Attainment", format: "percent" },
    { header: "Score", format: "score" },
    { header: "Closed", format: "date" },
    { header: "Review", format: "text" },
  ];
  const rows: Cell[][] = [
    ["R001 张伟", 12, 3.5, money("3800.00"), 1.3, 103.25, date("2026-10-05"), false],
    ["R002", 0, -1.25, money("-12.50"), 0, 0, date("2024-02-29"), true],
    [null, null, null, money("0.00")],
  ];
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = sheetOf(await readBack(await renderWorkbook(makeModel({ sheets: [makeSheet({ columns, rows })] }))));
  });

  // [cell, value read back, numFmt]; a date reads back as UTC midnight; 2026-10-05 is serial 46300
  it.each<[string, unknown, string | undefined]>([
    ["A2", "R001 张伟", undefined],
    ["B2", 12, "0"],
    ["C2", 3.5, "#,##0.00"],
    ["D2", 3800, '#,##0.00 "CNY"'],
    ["E2", 1.3, "0.0%"],
    ["F2", 103.25, "0.00"],
    ["G2", new Date(Date.UTC(2026, 9, 5)), "yyyy-mm-dd"],
    ["H2", false, undefined],
    ["C3", -1.25, "#,##0.00"],
    ["D3", -12.5, '#,##0.00 "CNY"'],
    ["G3", new Date(Date.UTC(2024, 1, 29)), "yyyy-mm-dd"],
    ["H3", true, undefined],
    ["A4", null, undefined],
    ["D4", 0, '#,##0.00 "CNY"'],
  ])("%s reads back as %o with format %s", (address, value, numFmt) => {
    const cell = ws.getCell(address);
    expect(cell.value).toEqual(value);
    expect(cell.numFmt).toBe(numFmt);
  });

  it("money cells are numbers, never text", () => {
    expect(ws.getCell("D2").type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell("D3").type).toBe(ExcelJS.ValueType.Number);
  });

  it("has a bold, frozen, filtered header", () => {
    expect(ws.getRow(1).values).toEqual([undefined, ...columns.map((c) => c.header)]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:H4");
  });
});

describe("column widths", () => {
  const long = "x".repeat(100);
  // width = max(header + 3 for the filter button, content + 2), within 6..60, unless given
  it.each<[string, Column, Cell[], number]>([
    ["from the header", { header: "Team name", format: "text" }, ["A"], 12],
    ["from the content", { header: "Id", format: "text" }, ["abcdefghijklmnop"], 18],
    ["CJK counts double", { header: "Id", format: "text" }, ["张伟张伟张伟张伟"], 18],
    ["capped", { header: "Note", format: "text" }, [long], 60],
    ["at least 6", { header: "", format: "text" }, ["a"], 6],
    ["money with grouping and currency", { header: "Pay", format: "money" }, [money("1234567.00")], 18],
    ["given", { header: "Note", format: "text", width: 42 }, [long], 42],
  ])("%s", async (_case, column, values, width) => {
    const sheet = makeSheet({ columns: [column], rows: values.map((v) => [v]) });
    const ws = sheetOf(await readBack(await renderWorkbook(makeModel({ sheets: [sheet] }))));
    expect(ws.getColumn(1).width).toBe(width);
  });
});

describe("money format per currency", () => {
  it.each<[string, number, string]>([
    ["CNY", 2, '#,##0.00 "CNY"'],
    ["JPY", 0, '#,##0 "JPY"'],
    ["KWD", 3, '#,##0.000 "KWD"'],
    ['X"Y', 2, '#,##0.00 "XY"'],
    ["", 2, "#,##0.00"],
  ])("%s with %i decimals is %s", async (currency, minorUnits, format) => {
    expect(moneyFormat(currency, minorUnits)).toBe(format);
    const sheet = makeSheet({ columns: [{ header: "Pay", format: "money" }], rows: [[money("1234.5")]] });
    const ws = sheetOf(await readBack(await renderWorkbook(makeModel({ sheets: [sheet], currency, minorUnits }))));
    expect(ws.getCell("A2").numFmt).toBe(format);
    expect(ws.getCell("A2").value).toBe(1234.5);
  });

  it("refuses impossible minor units", () => {
    expect(() => moneyFormat("CNY", 1.5)).toThrow(/minorUnits/);
  });
});

describe("formula injection", () => {
  const hostile = ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "\n=1", '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"];
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const sheet = makeSheet({ columns: [{ header: "=Header", format: "text" }], rows: [...hostile.map((v) => [v]), ["plain"]] });
    bytes = await renderWorkbook(makeModel({ sheets: [sheet] }));
    ws = sheetOf(await readBack(bytes));
  });

  it.each(hostile.map((text, i) => [JSON.stringify(text), text, i + 2] as const))("%s stays text", (_shown, text, row) => {
    const cell = ws.getCell(row, 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(text);
    expect(cell.numFmt).toBe("@");
  });

  it("ordinary text keeps the General format", () => {
    expect(ws.getCell(hostile.length + 2, 1).numFmt).toBeUndefined();
  });

  it("the header is protected too", () => {
    expect(ws.getCell("A1").value).toBe("=Header");
    expect(ws.getCell("A1").numFmt).toBe("@");
  });

  it("the package has no formula element anywhere", async () => {
    for (const [name, xml] of await zipText(bytes)) expect(`${name}: ${/<(?:\w+:)?f[\s>/]/.test(xml)}`).toBe(`${name}: false`);
  });

  it("every Text-format cell style carries quotePrefix", async () => {
    const styles = (await zipText(bytes)).get("xl/styles.xml") ?? "";
    const xfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles)?.[0] ?? "";
    const textXfs = xfs.match(/<xf numFmtId="49"[^>]*>/g) ?? [];
    expect(textXfs.length).toBeGreaterThan(0);
    for (const xf of textXfs) expect(xf).toContain('quotePrefix="1"');
    expect(xfs.match(/quotePrefix/g)?.length).toBe(textXfs.length);
  });

  it("addQuotePrefix is idempotent", () => {
    const xml = '<cellXfs count="1"><xf numFmtId="49" fontId="0"/></cellXfs>';
    expect(addQuotePrefix(addQuotePrefix(xml))).toBe('<cellXfs count="1"><xf numFmtId="49" quotePrefix="1" fontId="0"/></cellXfs>');
  });
});

describe("text XML cannot hold survives", () => {
  it.each([["a\u0001b"], ["x_x0041_y"], ["_x005F_"], ["del\u007f"], ["nc\uffff"], ["cr\r\nlf"], ["  spaced  "], ["𠀀 four bytes"]])(
    "%j",
    async (text) => {
      const ws = sheetOf(await readBack(await renderWorkbook(makeModel({ sheets: [textSheet([text])] }))));
      expect(ws.getCell("A2").value).toBe(text);
    },
  );
});

describe("dates", () => {
  // serial = days since 1899-12-30 from 1900-03-01 on; Excel's phantom 1900-02-29 is serial 60
  it.each<[string, number | null]>([
    ["1970-01-01", 25569],
    ["1900-03-01", 61],
    ["1900-02-28", 59],
    ["1900-01-01", 1],
    ["1899-12-31", null],
    ["2026-10-05", 46300],
    ["9999-12-31", 2958465],
  ])("%s is serial %s", (iso, serial) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    const day = Math.round(Date.UTC(y, m - 1, d) / 86_400_000); // test oracle only
    expect(excelSerial(day)).toBe(serial);
  });

  it("a day before 1900 is written as ISO text", async () => {
    const sheet = makeSheet({ columns: [{ header: "Closed", format: "date" }], rows: [[date("1899-05-01")]] });
    const ws = sheetOf(await readBack(await renderWorkbook(makeModel({ sheets: [sheet] }))));
    expect(ws.getCell("A2").value).toBe("1899-05-01");
  });

  describe("far-apart time zones", () => {
    const zones = ["Pacific/Kiritimati", "America/Adak"];
    const original = process.env.TZ;
    afterAll(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    const model = makeModel({
      sheets: [makeSheet({ columns: [{ header: "Closed", format: "date" }], rows: [[date("2026-10-05")], [date("2026-01-01")], [date("2026-12-31")]] })],
    });

    it("write the same bytes and the same serials", async () => {
      const written: Uint8Array[] = [];
      const offsets: number[] = [];
      for (const zone of zones) {
        process.env.TZ = zone;
        offsets.push(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset());
        written.push(await renderWorkbook(model));
      }
      expect(offsets).toEqual([-840, 600]); // UTC+14 and UTC-10: the zones really applied
      expect(Buffer.from(written[0] ?? []).equals(Buffer.from(written[1] ?? []))).toBe(true);
      const sheetXml = (await zipText(written[0] ?? new Uint8Array())).get("xl/worksheets/sheet1.xml") ?? "";
      expect([...sheetXml.matchAll(/<c r="A\d+" s="\d+"><v>(\d+)<\/v>/g)].map((m) => m[1])).toEqual(["46300", "46023", "46387"]);
    });

    it("read back as the same calendar day in a child process of each zone", async () => {
      const path = join(dir, "dates.xlsx");
      process.env.TZ = zones[0];
      await writeWorkbook(model, path);
      const script = `
        const ExcelJS = require("exceljs");
        const wb = new ExcelJS.Workbook();
        wb.xlsx.readFile(process.argv[1]).then(() => {
          const ws = wb.getWorksheet("Data");
          const days = [2, 3, 4].map((r) => ws.getCell(r, 1).value.toISOString().slice(0, 10));
          console.log(JSON.stringify({ offset: new Date(0).getTimezoneOffset(), days }));
        });`;
      for (const zone of zones) {
        const out = execFileSync(process.execPath, ["-e", script, path], { env: { ...process.env, TZ: zone }, cwd: process.cwd() });
        expect(JSON.parse(out.toString()).days).toEqual(["2026-10-05", "2026-01-01", "2026-12-31"]);
      }
    });
  });
});

describe("the bytes depend only on the model", () => {
  afterAll(() => {
    vi.useRealTimers();
  });
  it("identical at different times, with fixed document and zip times", async () => {
    const model = makeModel({ sheets: [textSheet(["a", "b"]), makeSheet({ name: "Other" })] });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-05-06T07:08:09Z"));
    const first = await renderWorkbook(model);
    vi.setSystemTime(new Date("2032-01-02T03:04:05Z"));
    const second = await renderWorkbook(model);
    vi.useRealTimers();
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const zip = await JSZip.loadAsync(first);
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    const core = (await zipText(first)).get("docProps/core.xml") ?? "";
    expect(core).toContain("<cp:lastModifiedBy>kpi</cp:lastModifiedBy>");
    expect(core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>");
    expect(core).toContain("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:modified>");
  });
});

describe("row styles", () => {
  it("bold and highlight rows", async () => {
    const sheet = makeSheet({ rows: [["a"], ["Total"], ["check"]], rowStyles: [undefined, "bold", "highlight"] });
    const ws = sheetOf(await readBack(await renderWorkbook(makeModel({ sheets: [sheet] }))));
    expect(ws.getCell("A2").font?.bold).toBeUndefined();
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect(ws.getCell("A4").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
  });
});

describe("Excel limits", () => {
  const cols = (n: number): Column[] => Array.from({ length: n }, (_, i) => ({ header: `c${i}`, format: "text" as const }));
  it.each<[string, () => Sheet, RegExp]>([
    ["a cell over 32,767 characters", () => textSheet(["ok", "x".repeat(32_768)]), /sheet "Data", row 3, column "Value": 32768 characters, more than Excel's 32767/],
    ["a header over 32,767 characters", () => makeSheet({ columns: [{ header: "h".repeat(40_000), format: "text" }] }), /sheet "Data", row 1, column "#1": 40000 characters/],
    ["more than 1,048,576 rows", () => makeSheet({ rows: new Array<Cell[]>(1_048_576).fill([]) }), /sheet "Data", row 1048577: 1048577 rows with the header, more than Excel's 1048576/],
    ["more than 16,384 columns", () => makeSheet({ columns: cols(16_385) }), /sheet "Data": 16385 columns, more than Excel's 16384/],
    ["money beyond 15 significant digits", () => makeSheet({ columns: [{ header: "Pay", format: "money" }], rows: [[money("12345678901234.56")]] }), /row 2, column "Pay": money 12345678901234.56 has more than the 15 significant digits/],
  ])("%s is an OutputLimitError naming the place, and nothing is written", async (_case, sheet, message) => {
    const path = join(dir, "limit.xlsx");
    const error = await writeWorkbook(makeModel({ sheets: [sheet()] }), path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputLimitError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.startsWith(path)).toBe(true);
    expect((await readdir(dir)).filter((f) => f.includes("limit"))).toEqual([]);
  });

  it("exactly 32,767 characters and 15 significant digits fit", async () => {
    const sheet = makeSheet({ columns: [{ header: "T", format: "text" }, { header: "Pay", format: "money" }], rows: [["x".repeat(32_767), money("1234567890123.45")]] });
    const ws = sheetOf(await readBack(await renderWorkbook(makeModel({ sheets: [sheet] }))));
    expect((ws.getCell("A2").value as string).length).toBe(32_767);
    expect(ws.getCell("B2").value).toBe(1234567890123.45);
  });
});

describe("a malformed model is a bug, said plainly", () => {
  it.each<[string, WorkbookModel, RegExp]>([
    ["money with a comma", makeModel({ sheets: [textSheet([money("1,200.00")])] }), /row 2, column "Value": money "1,200.00" is not a decimal string/],
    ["an impossible date", makeModel({ sheets: [textSheet([date("2026-02-30")])] }), /date "2026-02-30" is not a calendar day/],
    ["NaN", makeModel({ sheets: [textSheet([Number.NaN])] }), /NaN is not a finite number/],
    ["a row wider than the columns", makeModel({ sheets: [makeSheet({ rows: [["a", "b"]] })] }), /row 2.*2 cells for 1 columns/],
    ["no sheets", makeModel({ sheets: [] }), /at least one sheet/],
    ["a bad sheet name", makeModel({ sheets: [makeSheet({ name: "a/b" })] }), /"a\/b" is not a valid sheet name/],
    ["a sheet name over 31 characters", makeModel({ sheets: [makeSheet({ name: "s".repeat(32) })] }), /not a valid sheet name/],
    ["two sheets with one name", makeModel({ sheets: [makeSheet({ name: "Run" }), makeSheet({ name: "run" })] }), /two sheets are named "run"/],
  ])("%s", async (_case, model, message) => {
    const error = await renderWorkbook(model).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(OutputLimitError);
    expect((error as Error).message).toMatch(message);
  });
});

describe("writing the file", () => {
  it("replaces the previous file whole and leaves no temporary file", async () => {
    const sub = await mkdtemp(join(dir, "w-"));
    const path = join(sub, "report.xlsx");
    await writeFile(path, "previous");
    await writeWorkbook(makeModel({ sheets: [textSheet(["new"])] }), path);
    expect(await readdir(sub)).toEqual(["report.xlsx"]);
    expect(sheetOf(await readBack(await readFile(path))).getCell("A2").value).toBe("new");
  });

  it("keeps the previous file when the model cannot be written", async () => {
    const sub = await mkdtemp(join(dir, "w-"));
    const path = join(sub, "report.xlsx");
    await writeFile(path, "previous");
    await expect(writeWorkbook(makeModel({ sheets: [textSheet(["x".repeat(40_000)])] }), path)).rejects.toThrow(OutputLimitError);
    expect(await readdir(sub)).toEqual(["report.xlsx"]);
    expect(await readFile(path, "utf8")).toBe("previous");
  });

  it("does not import exceljs or jszip at module load", async () => {
    const source = await readFile(new URL("../../../src/report/writeWorkbook.ts", import.meta.url), "utf8");
    expect(source.match(/^import (?!type).*from "(exceljs|jszip)"/gm)).toBeNull();
  });

  it("no product code loads exceljs or jszip at all: the writer is the project's own", async () => {
    const src = new URL("../../../src/", import.meta.url);
    const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = await readFile(new URL(file, src), "utf8");
      expect(`${file}: ${/(?:from |import\()\s*"(?:exceljs|jszip)"/.test(source)}`).toBe(`${file}: false`);
    }
  });
});

/** The names of the root element's children, in order; throws unless `xml` is well-formed XML 1.0. */
function childElements(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const names: string[] = [];
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (depth === 1) names.push(tag.name);
    depth++;
  });
  parser.on("closetag", () => {
    depth--;
  });
  parser.write(xml).close();
  return names;
}

describe("the package the writer builds", () => {
  const model = makeModel({
    sheets: [
      makeSheet({
        name: "Ranking",
        columns: [
          { header: "Rep", format: "text" },
          { header: "Tier", format: "text", fillByText: { A: "FFD966", B: "A9D08E" } },
          { header: "Score", format: "score", dataBar: true },
          { header: "Attainment", format: "percent", colorScaleMidpoint: 1 },
          { header: "Payout", format: "money" },
          { header: "Closed", format: "date" },
        ],
        rows: [
          ["R1", "A", 103.25, 1.3, money("3800.00"), date("2026-10-05")],
          ["R2", "B", 80, 0.8, money("-12.50"), date("1899-05-01")],
          ["Total", "constructor", null, null, money("3787.50")],
          ["=1+1", "C", 1, 0, money("0.00")],
        ],
        rowStyles: [undefined, "highlight", "bold"],
      }),
      makeSheet({ name: "Notes", columns: [{ header: "Note", format: "text", width: 40 }, { header: "Region", format: "text" }], rows: [["x"]] }),
      makeSheet({ name: "Empty", columns: [] }),
    ],
  });
  let bytes: Uint8Array;
  let parts: Map<string, string>;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await renderWorkbook(model);
    parts = await zipText(bytes);
    workbook = await readBack(bytes);
  });

  it("holds exactly the parts of a workbook, each well-formed XML", () => {
    expect([...parts.keys()].sort()).toEqual(
      [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/app.xml",
        "docProps/core.xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
      ].sort(),
    );
    for (const [name, xml] of parts) expect(() => childElements(xml), name).not.toThrow();
    for (const [name, xml] of parts) expect(`${name}: ${/<(?:\w+:)?f[\s>/]/.test(xml)}`).toBe(`${name}: false`);
  });

  it("is a zip whose every entry passes its CRC check and carries the fixed time", async () => {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    for (const entry of Object.values(zip.files)) {
      expect(entry.date.toISOString()).toBe("2000-01-01T00:00:00.000Z");
      await expect(entry.async("uint8array")).resolves.toBeInstanceOf(Uint8Array);
    }
  });

  it("writes worksheet elements in the schema's order", () => {
    const order = (n: number): string[] => childElements(parts.get(`xl/worksheets/sheet${n}.xml`) ?? "");
    const rules = ["conditionalFormatting", "conditionalFormatting"];
    expect(order(1)).toEqual(["dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", ...rules, "pageMargins", "extLst"]);
    expect(order(2)).toEqual(["dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "pageMargins"]);
    expect(order(3)).toEqual(["dimension", "sheetViews", "sheetFormatPr", "sheetData", "pageMargins"]);
  });

  it("has the styles Excel requires: default font, fills none and gray125, a border, one cell style format", () => {
    const styles = parts.get("xl/styles.xml") ?? "";
    expect(childElements(styles)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles"]);
    expect(styles).toMatch(/<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill>/);
    expect(styles).toContain('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>');
    const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles);
    expect(xfs?.[2]?.match(/<xf /g)?.length).toBe(Number(xfs?.[1]));
    expect(styles).toContain('<dxfs count="0"/>');
    for (const [name, xml] of parts) expect(`${name}: ${xml.includes("dxfId")}`).toBe(`${name}: false`);
  });

  it("reads back with exceljs: values, formats, bold, fills", () => {
    const ws = sheetOf(workbook, "Ranking");
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Ranking", "Notes", "Empty"]);
    expect(ws.getCell("C2").value).toBe(103.25);
    expect(ws.getCell("C2").numFmt).toBe("0.00");
    expect(ws.getCell("D2").numFmt).toBe("0.0%");
    expect(ws.getCell("E3").value).toBe(-12.5);
    expect(ws.getCell("E3").numFmt).toBe('#,##0.00 "CNY"');
    expect(ws.getCell("F2").value).toEqual(new Date(Date.UTC(2026, 9, 5)));
    expect(ws.getCell("F3").value).toBe("1899-05-01");
    expect(ws.getCell("B2").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFD966" } }); // tier A
    expect(ws.getCell("B3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFA9D08E" } }); // the tier's colour wins over the highlight
    expect(ws.getCell("A3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell("F3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell("B4").value).toBe("constructor");
    expect(ws.getCell("B4").fill).toMatchObject({ pattern: "none" }); // not a key of fillByText, though every object has it
    expect(ws.getCell("B4").font?.bold).toBe(true);
    expect(ws.getCell("C4").font?.bold).toBe(true); // an empty cell of a bold row is styled too
    expect(ws.getCell("B5").fill).toBeUndefined(); // no colour for tier C: the default style
    expect(ws.getCell("A5").value).toBe("=1+1");
    expect(ws.getCell("A5").numFmt).toBe("@");
    expect(ws.getCell("A5").type).toBe(ExcelJS.ValueType.String);
  });

  it("freezes and filters the header of every sheet that has columns", () => {
    for (const ws of workbook.worksheets) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
    expect(sheetOf(workbook, "Ranking").autoFilter).toBe("A1:F5");
    expect(sheetOf(workbook, "Notes").autoFilter).toBe("A1:B2");
    expect(sheetOf(workbook, "Empty").autoFilter).toBeUndefined();
    expect(sheetOf(workbook, "Notes").getColumn(1).width).toBe(40);
    expect(sheetOf(workbook, "Notes").getColumn(2).width).toBe(9); // exceljs left a width of 9 out, as if default
  });

  it("has the data bar and the colour scale as rules, tied to their Excel 2010 extension", () => {
    // exceljs reads them but its types do not say so
    const formats = (sheetOf(workbook, "Ranking") as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(formats).toHaveLength(2);
    expect(formats[0]).toMatchObject({ ref: "C2:C5", rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" } }] });
    expect(formats[1]).toMatchObject({
      ref: "D2:D5",
      rules: [{ type: "colorScale", priority: 2, cfvo: [{ type: "min" }, { type: "num", value: 1 }, { type: "max" }], color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }] }],
    });
    const sheet = parts.get("xl/worksheets/sheet1.xml") ?? "";
    const ids = [...sheet.matchAll(/\{6B70692D-[0-9A-F-]+\}/g)].map((m) => m[0]);
    expect(ids).toEqual(["{6B70692D-0001-4000-8000-000000000001}", "{6B70692D-0001-4000-8000-000000000001}"]);
    expect(sheet).toContain("<xm:sqref>C2:C5</xm:sqref>");
  });

  it("writes the same bytes every time, conditional formats included", async () => {
    expect(Buffer.from(await renderWorkbook(model)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("refuses a fill colour that is not RRGGBB: a bug in the model", async () => {
    const sheet = makeSheet({ columns: [{ header: "Tier", format: "text", fillByText: { A: 'FF"/><x' } }], rows: [["A"]] });
    await expect(renderWorkbook(makeModel({ sheets: [sheet] }))).rejects.toThrow(/fill colour .* is not RRGGBB/);
  });
});

describe("text hostile to XML", () => {
  // [written, read back]: XML's specials and what XML 1.0 cannot hold survive; a lone surrogate has no UTF-8 form and becomes U+FFFD
  const cases: [string, string][] = [
    [`<&>"'`, `<&>"'`],
    ["a<b", "a<b"],
    ["a&b", "a&b"],
    ["]]> &amp; &#x1; <![CDATA[x]]>", "]]> &amp; &#x1; <![CDATA[x]]>"],
    ["nul\u0000 bell\u0007 vt\u000B esc\u001B", "nul\u0000 bell\u0007 vt\u000B esc\u001B"],
    ["high \uD800 alone", "high \uFFFD alone"],
    ["low \uDC00 alone", "low \uFFFD alone"],
    ["reversed \uDC00\uD800", "reversed \uFFFD\uFFFD"],
    ["a pair 😀 stays", "a pair 😀 stays"],
    ["\uFFFE\uFFFF", "\uFFFE\uFFFF"],
    [" <x/> ", " <x/> "],
  ];
  const name = `a&b<c>"d'e`;
  let parts: Map<string, string>;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const columns: Column[] = [{ header: `<h&"'>`, format: "text" }, { header: "Pay", format: "money" }];
    const sheet = makeSheet({ name, columns, rows: cases.map(([text]): Cell[] => [text, money("1.00")]) });
    const bytes = await renderWorkbook(makeModel({ sheets: [sheet], currency: `<&'>` }));
    parts = await zipText(bytes);
    ws = sheetOf(await readBack(bytes), name);
  });

  it("leaves every part well-formed", () => {
    for (const [part, xml] of parts) expect(() => childElements(xml), part).not.toThrow();
  });

  it.each(cases.map(([text, back], i) => [JSON.stringify(text), back, i + 2] as const))("%s reads back", (_shown, back, row) => {
    expect(ws.getCell(row, 1).value).toBe(back);
  });

  it("in the sheet name and the header too", () => {
    expect(ws.name).toBe(name);
    expect(ws.getCell("A1").value).toBe(`<h&"'>`);
  });

  it("in a currency code inside a number format", () => {
    expect(parts.get("xl/styles.xml")).toContain('formatCode="#,##0.00 &quot;&lt;&amp;\'&gt;&quot;"');
  });
});

describe("the zip writer", () => {
  it("computes the same CRC-32 with its own table as zlib", () => {
    const samples = [new Uint8Array(0), Buffer.from("123456789"), Buffer.from("张伟 ".repeat(1000)), Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256)];
    for (const data of samples) expect(crc32Table(data)).toBe(zlibCrc32(data));
    expect(crc32Table(Buffer.from("123456789"))).toBe(0xcbf43926); // the standard check value
  });

  it("stores what it is given, readable by another zip reader", async () => {
    const entries = [
      { name: "a.txt", data: Buffer.from("hello") },
      { name: "dir/empty", data: new Uint8Array(0) },
      { name: "dir/big.bin", data: Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31) % 251) },
    ];
    const zip = await JSZip.loadAsync(await zipEntries(entries), { checkCRC32: true });
    for (const { name, data } of entries) expect(Buffer.from(await zip.file(name)?.async("uint8array") ?? [1]).equals(Buffer.from(data))).toBe(true);
  });
});
