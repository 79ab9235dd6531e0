import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCsv, writeCsv } from "../../../src/report/writeCsv.js";
import { date, money } from "../../../src/report/workbookModel.js";
import type { Cell, CellFormat, Sheet } from "../../../src/report/workbookModel.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kpi-csv-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BOM = "\uFEFF";
const makeSheet = (over: Partial<Sheet> = {}): Sheet => ({ name: "Data", columns: [{ header: "V", format: "text" }], rows: [], ...over });
/** The CSV field one cell becomes, in a one-column sheet of `format`. */
const field = (cell: Cell, format: CellFormat = "text"): string =>
  renderCsv(makeSheet({ columns: [{ header: "V", format }], rows: [[cell]] })).slice(`${BOM}V\r\n`.length, -2);

describe("fields", () => {
  it.each<[string, Cell, CellFormat, string]>([
    ["plain text", "Alice", "text", "Alice"],
    ["Chinese text", "张伟", "text", "张伟"],
    ["a comma is quoted", "Smith, J", "text", '"Smith, J"'],
    ["a quote is doubled", 'say "hi"', "text", '"say ""hi"""'],
    ["LF is quoted", "a\nb", "text", '"a\nb"'],
    ["CR is quoted", "a\rb", "text", '"a\rb"'],
    ["empty cell", null, "text", ""],
    ["empty string", "", "text", ""],
    ["money as its decimal string", money("3800.00"), "money", "3800.00"],
    ["negative money is never prefixed", money("-12.50"), "money", "-12.50"],
    ["JPY money", money("1200"), "money", "1200"],
    ["a negative number is never prefixed", -3.5, "number", "-3.5"],
    ["integer", 12, "integer", "12"],
    ["percent as a fraction", 1.3, "percent", "1.3"],
    ["negative zero", -0, "number", "0"],
    ["date as ISO", date("2026-10-05"), "date", "2026-10-05"],
    ["true", true, "text", "true"],
    ["false", false, "text", "false"],
  ])("%s", (_case, cell, format, expected) => {
    expect(field(cell, format)).toBe(expected);
  });
});

describe("formula-like text gets a leading quote (OWASP)", () => {
  it.each<[Cell, string]>([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "\"'\r=1\""],
    ["\n=1", "\"'\n=1\""],
    ['=HYPERLINK("http://x")', "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["=1,2", "\"'=1,2\""],
    ["-12.50", "'-12.50"], // text that looks negative is still text
    ["a=1", "a=1"],
    [" =1", " =1"],
  ])("%j becomes %j", (cell, expected) => {
    expect(field(cell)).toBe(expected);
  });
});

describe("the file", () => {
  const sheet = makeSheet({
    columns: [
      { header: "Rep", format: "text" },
      { header: "Name", format: "text" },
      { header: "Total", format: "money" },
      { header: "=Sneaky", format: "text" },
    ],
    rows: [
      ["R001", "张伟", money("3800.00"), "ok"],
      ["R002", "O'Brien, Pat", money("-12.50")], // a short row: trailing cells empty
    ],
  });

  it("is BOM + header + records, each ended by CRLF", () => {
    expect(renderCsv(sheet)).toBe(`${BOM}Rep,Name,Total,'=Sneaky\r\nR001,张伟,3800.00,ok\r\nR002,"O'Brien, Pat",-12.50,\r\n`);
  });

  it("is written as UTF-8 bytes with the BOM, atomically", async () => {
    const path = join(dir, "out.csv");
    await writeCsv(sheet, path);
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toContain("张伟");
    expect(bytes.includes(Buffer.from("\xe5\xbc\xa0", "latin1"))).toBe(true); // 张 is E5 BC A0 in UTF-8
    expect(await readdir(dir)).toEqual(["out.csv"]);
  });

  it("an empty sheet is just the header", () => {
    expect(renderCsv(makeSheet())).toBe(`${BOM}V\r\n`);
  });

  it("a row wider than the columns is a bug", () => {
    expect(() => renderCsv(makeSheet({ rows: [["a", "b"]] }))).toThrow(/sheet "Data", row 2: 2 cells for 1 columns/);
  });

  it("malformed money is a bug", () => {
    expect(() => renderCsv(makeSheet({ rows: [[money("12,50")]] }))).toThrow(/row 2, column "V": money "12,50"/);
  });
});
