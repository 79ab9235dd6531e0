/**
 * Hostile CSV structure: every case gets the SPEC's behaviour (§5) — a clear
 * error naming file and line, or correct values with every row accounted
 * for — never a crash, a hang, a silent drop or a wrong number. Every file is
 * generated here, in a temporary folder.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { SourceSchema } from "../../src/config/schema.js";
import { InputError } from "../../src/errors.js";
import { readCsvRows, type CsvReadOptions } from "../../src/ingest/readCsvRows.js";
import { readSource } from "../../src/ingest/readSource.js";
import type { SourceRecord } from "../../src/ingest/sourceData.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-hostile-csv-"));
let files = 0;

function write(content: string | Uint8Array): string {
  const path = join(dir, `deals-${files++}.csv`);
  writeFileSync(path, content);
  return path;
}

const HEADER = "Deal ID,Owner,Amount,Closed,Stage";
const COLUMNS = { id: "Deal ID", rep: "Owner", amount: { from: "Amount", type: "money" }, closed: { from: "Closed", type: "date" }, stage: "Stage" };
const lines = (...rows: string[]): string => rows.join("\n") + "\n";

/** Read one CSV as the source `deals`: accounting, anomalies and the accepted records as plain text values. */
async function read(content: string | Uint8Array, source: Record<string, unknown> = {}) {
  const path = write(content);
  const config = SourceSchema.parse({ path: "deals.csv", key: "id", columns: COLUMNS, ...source });
  const records: SourceRecord[] = [];
  const summary = await readSource("deals", config, [{ path, display: "deals.csv" }], { currency: "CNY", fx: {}, required: new Set(["id", "rep", "closed"]) }, { add: (r) => records.push(r), reset: () => (records.length = 0) });
  const values = records.map((r) => Object.fromEntries(summary.columns.map((c, i) => [c, r.values[i] === null ? null : String(r.values[i])])));
  const { read: n, accepted, rejected, duplicates } = summary.accounting;
  expect(n, "read = accepted + rejected + duplicates").toBe(accepted + rejected + duplicates);
  return { ...summary, records, values, rows: records.map((r) => r.row), anomaly: (code: string) => summary.anomalies.filter((a) => a.code === code) };
}

/** The InputError that reading gives (the test fails when reading succeeds). */
async function readError(content: string | Uint8Array, source: Record<string, unknown> = {}): Promise<string> {
  try {
    await read(content, source);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("expected an InputError, but the file was read");
}

/** readCsvRows straight: [row, lastLine, cells] per record. */
async function csvRows(content: string | Uint8Array, options: Partial<CsvReadOptions> = {}): Promise<[number, number, readonly string[]][]> {
  const out: [number, number, readonly string[]][] = [];
  for await (const r of readCsvRows(write(content), "deals.csv", { encoding: "auto", delimiter: "auto", ...options })) out.push([r.row, r.lastLine, r.cells]);
  return out;
}

async function csvError(content: string | Uint8Array, options: Partial<CsvReadOptions> = {}): Promise<string> {
  try {
    await csvRows(content, options);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("expected an InputError, but the file was read");
}

const OK = "D1,R001,100.00,2026-10-05,Won";

describe("unterminated quotes: the line where the quote opened, never a prefix of the file", () => {
  it.each([
    ["in a data row", lines(HEADER, OK, 'D2,R001,"100.00,2026-10-06,Won', "D3,R001,1.00,2026-10-07,Won"), 3],
    ["on the last line, without a final newline", [HEADER, OK, "D2,R001,1.00,2026-10-07,Won", 'D3,R001,1.00,2026-10-07,"Won'].join("\n"), 4],
    ["on the last line, with a final newline", lines(HEADER, OK, 'D3,R001,1.00,2026-10-07,"Won'), 3],
    ["in the header", lines('Deal ID,"Owner,Amount,Closed,Stage', OK), 1],
    ["in the header's first field", lines('"Deal ID,Owner,Amount,Closed,Stage', OK), 1],
    ["after a quoted field holding a line break", lines(HEADER, 'D1,R001,100.00,2026-10-05,"Won\nreally"', 'D2,"R001,1.00,2026-10-07,Won'), 4],
    ["after a quoted field holding CRLF line breaks", [HEADER, 'D1,R001,100.00,2026-10-05,"a\r\n\r\nb"', 'D2,"R001,1.00,2026-10-07,Won'].join("\r\n"), 5],
    ["after a sep= hint line", lines("sep=,", HEADER, '"D1,R001,1.00,2026-10-07,Won'), 3],
  ])("%s", async (_what, text, line) => {
    expect(await readError(text)).toMatch(new RegExp(`^deals\\.csv, row ${line}: a quoted field opened here is never closed`));
  });

  it("rejects a record whose stray quote swallowed the next line, naming both lines, instead of reading the lines as one value", async () => {
    const r = await read(lines(HEADER, 'D2,R001,"100.00,2026-10-06,Won', 'D3,R001,1.00,"2026-10-07",Won', OK));
    expect(r.accounting).toEqual({ read: 2, accepted: 1, rejected: 1, duplicates: 0 });
    const [bad] = r.anomaly("rejected_row");
    expect(bad).toMatchObject({ row: 2, column: "Amount" });
    expect(bad?.message).toMatch(/a quote opened on line 2 is not closed at the end of its field, so the lines up to line 3 were read as one value/);
  });

  it("stops a runaway quote at the record-size limit, naming the line where it opened", async () => {
    const text = lines(HEADER, OK, 'D2,R001,"1.00,2026-10-07,Won', ...Array.from({ length: 200 }, (_, i) => `D${i + 3},R001,1.00,2026-10-07,Won`));
    expect(await csvError(text, { maxRecordChars: 1000 })).toMatch(/^deals\.csv, row 3: a record is longer than the limit of 1000 bytes/);
  });

  it("names the right line for an error deep in a file, even when the reader is slow (no parsed record is lost)", async () => {
    const path = write(lines(HEADER, ...Array.from({ length: 60_000 }, (_, i) => `D${i},R001,1.00,2026-10-05,Won`), `D,R001,1.00,2026-10-05,${"x".repeat(2000)}`, OK));
    let seen = 0;
    const failure = await (async () => {
      try {
        for await (const r of readCsvRows(path, "deals.csv", { encoding: "auto", delimiter: "auto", maxRecordChars: 1000 })) {
          seen = r.row;
          if (seen % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        return (error as Error).message;
      }
      return "read to the end";
    })();
    expect(seen).toBe(60_001);
    expect(failure).toMatch(/^deals\.csv, row 60002: a record is longer than the limit of 1000 bytes/);
  });

  it("refuses a record over the size limit even when its quotes are fine", async () => {
    const text = lines(HEADER, OK, `D2,R001,1.00,2026-10-07,"${"x".repeat(5000)}"`, OK);
    expect(await csvError(text, { maxRecordChars: 4096 })).toMatch(/^deals\.csv, row 3: a record is longer than the limit of 4096 bytes/);
    expect(await csvRows(text, { maxRecordChars: 8192 })).toHaveLength(4);
  });
});

describe("ragged rows", () => {
  it("rejects a row with a field missing, naming the row and the counts", async () => {
    const r = await read(lines(HEADER, OK, "D2,R001,100.00,2026-10-06", "D3,R001,1.00,2026-10-07,Won"));
    expect(r.accounting).toEqual({ read: 3, accepted: 2, rejected: 1, duplicates: 0 });
    expect(r.anomaly("rejected_row")[0]).toMatchObject({ row: 3, message: expect.stringMatching(/the row has 4 fields where the header has 5; a field is missing/) });
  });

  it("rejects a row with an extra non-empty field (a stray delimiter shifts values), naming the value", async () => {
    const r = await read(lines(HEADER, "D1,R001,1,200.00,2026-10-05,Won", "D2,R001,5.00,2026-10-06,Won"));
    expect(r.values.map((v) => v["id"])).toEqual(["D2"]);
    expect(r.anomaly("rejected_row")[0]).toMatchObject({ row: 2, value: "Won", message: expect.stringMatching(/the row has 6 fields where the header has 5: field 6 \("Won"\) has no header/) });
  });

  it("accepts extra empty (or blank) fields at the end of a row", async () => {
    const r = await read(lines(HEADER, "D1,R001,100.00,2026-10-05,Won,,", "D2,R001,5.00,2026-10-06,Won, ,\t,"));
    expect(r.accounting).toMatchObject({ read: 2, accepted: 2 });
    expect(r.values.map((v) => v["amount"])).toEqual(["100", "5"]);
  });

  it("accepts values under empty header names, and rows that stop after the last named column", async () => {
    const r = await read(lines(`${HEADER},,`, "D1,R001,100.00,2026-10-05,Won,note,", "D2,R001,5.00,2026-10-06,Won"));
    expect(r.accounting).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
  });
});

describe("header names", () => {
  it.each([
    ["twice", "Deal ID,Owner,Amount,Closed,Stage,Amount", /header "Amount" appears 2 times \(columns 3, 6\)/],
    ["twice, once behind a zero-width space", "Deal ID,Owner,Amount,Closed,Stage,Amount\u200B", /header "Amount" appears 2 times \(columns 3, 6\)/],
    ["twice, once behind a BOM and a no-break space", "Deal ID,Owner,Amount,Closed,Stage,\uFEFF\u00A0Amount", /header "Amount" appears 2 times/],
    ["twice in another case only", "Deal ID,Owner,AMOUNT,Closed,Stage,amount", /header "Amount" appears 2 times \(columns 3, 6\)/],
  ])("refuses a mapped header that appears %s (never last-wins)", async (_what, header, message) => {
    expect(await readError(lines(header, `${OK},9.99`))).toMatch(message);
  });

  it("maps headers wrapped in invisible characters and odd spaces, and never leaves a BOM on the first one", async () => {
    const header = "\uFEFF\u200BDeal\u00A0ID ,\u3000Owner\u200B,\u00A0Amount\u00A0,Closed\u2060,\tStage";
    const r = await read("\uFEFF" + lines(header, OK));
    expect(r.values).toEqual([{ id: "D1", rep: "R001", amount: "100", closed: "2026-10-05", stage: "Won" }]);
  });

  it("is fine with unmapped duplicate, empty, blank and invisible-only header names", async () => {
    const r = await read(lines(`Note,${HEADER},Note,,  ,\u200B,Note`, `a,${OK},b,c,d,e,f`));
    expect(r.values).toEqual([{ id: "D1", rep: "R001", amount: "100", closed: "2026-10-05", stage: "Won" }]);
  });

  it("reads __proto__, constructor and other Object.prototype names as ordinary headers", async () => {
    const header = "__proto__,constructor,toString,hasOwnProperty,Deal ID,Owner,Amount,Closed,prototype";
    const columns = { id: "Deal ID", rep: "Owner", amount: { from: "Amount", type: "money" }, closed: { from: "Closed", type: "date" }, stage: { from: "__proto__" }, kind: { from: "constructor" }, label: { from: "toString" } };
    const r = await read(lines(header, "p,c,t,h,D1,R001,100.00,2026-10-05,x"), { columns });
    expect(r.values).toEqual([{ id: "D1", rep: "R001", amount: "100", closed: "2026-10-05", stage: "p", kind: "c", label: "t" }]);
    expect(({} as Record<string, unknown>)["p"]).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("names the file, row and nearest header when a mapped one is missing", async () => {
    expect(await readError(lines("Deal ID,Owner,Amont,Closed,Stage", OK))).toMatch(/^deals\.csv, row 1, column "Amount": has no column "Amount" \(mapped to "amount"\) \(did you mean "Amont"\?\)/);
  });
});

describe("a header below a report title (Salesforce)", () => {
  const preamble = ['"Closed deals by owner"', "", '"Filtered By:"', '"  Stage equals Won"', ""];

  it("takes the first row holding every mapped column, and reports the rows above it", async () => {
    const r = await read(lines(...preamble, HEADER, OK, "D2,R002,5.00,2026-10-06,Won"));
    expect(r.values.map((v) => v["id"])).toEqual(["D1", "D2"]);
    expect(r.rows).toEqual([7, 8]);
    expect(r.accounting).toEqual({ read: 2, accepted: 2, rejected: 0, duplicates: 0 });
    expect(r.anomaly("preamble")).toEqual([
      expect.objectContaining({ severity: "info", file: "deals.csv", row: 6, value: "Closed deals by owner", message: expect.stringMatching(/^the header is on row 6: .*rows 1, 3-4 above it \("Closed deals by owner"\) were skipped; not counted as read/) }),
    ]);
  });

  it("does not need a column that has a default", async () => {
    const columns = { ...COLUMNS, currency: { from: "Currency", default: "CNY" } };
    const r = await read(lines('"Report"', HEADER, OK), { columns });
    expect(r.values[0]).toMatchObject({ id: "D1", currency: "CNY" });
  });

  it("keeps header_row when it is given", async () => {
    const r = await read(lines("Deal ID,Owner,Amount,Closed,Stage,Extra", "x,y,z,w,v,u", HEADER, OK), { header_row: 3 });
    expect(r.rows).toEqual([4]);
    expect(r.anomaly("preamble")).toEqual([]);
  });

  it("names the missing column of the row holding the most mapped columns when no row holds them all", async () => {
    const text = lines("", '"Report"', HEADER.replace("Amount", "Amont"), OK);
    expect(await readError(text)).toBe(
      'deals.csv, row 3, column "Amount": has no column "Amount" (mapped to "amount") (did you mean "Amont"?); the header row has: "Deal ID", "Owner", "Amont", "Closed", "Stage"; no row among the first 3 non-blank rows holds every mapped column either',
    );
  });

  it("falls back to the first non-blank row when no row holds any mapped column", async () => {
    expect(await readError(lines("", '"Report"', "a,b,c", "1,2,3"))).toMatch(/^deals\.csv, row 2, column "Deal ID": has no column "Deal ID" \(mapped to "id"\); the header row has: "Report"; no row among the first 3 non-blank rows/);
  });

  it("gives up after 100 non-blank rows instead of scanning the whole file", async () => {
    const text = lines(...Array.from({ length: 100 }, (_, i) => `"Title ${i}"`), HEADER, OK);
    expect(await readError(text)).toMatch(/^deals\.csv, row 1, column "Deal ID": has no column "Deal ID".*no row among the first 100 non-blank rows/);
    const r = await read(lines(...Array.from({ length: 99 }, (_, i) => `"Title ${i}"`), HEADER, OK));
    expect(r.rows).toEqual([101]);
  });

  it("says a file with no rows at all is empty", async () => {
    expect(await readError("")).toBe("deals.csv: has no header row (the file is empty)");
    expect(await readError("\n\n,,\n")).toBe("deals.csv: has no header row (the file is empty)");
  });
});

describe("report footers (Salesforce)", () => {
  const footer = ['"Grand Totals (2 records)"', "", '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."', '"Confidential Information - Do Not Distribute"', '"Generated By: Li Wei 11/24/2026 9:30 AM"', '"Huakang Medical"'];

  it("skips one-cell rows after a blank row at the end, reports them once, and does not count them as read", async () => {
    const r = await read(lines(HEADER, OK, "D2,R002,5.00,2026-10-06,Won", "", ...footer));
    expect(r.values.map((v) => v["id"])).toEqual(["D1", "D2"]);
    expect(r.accounting).toEqual({ read: 2, accepted: 2, rejected: 0, duplicates: 0 });
    expect(r.anomaly("footer")).toEqual([
      expect.objectContaining({
        severity: "info",
        source: "deals",
        file: "deals.csv",
        row: 5,
        value: "Grand Totals (2 records)",
        message: 'rows 5, 7-10 after the last data row are a report footer ("Grand Totals (2 records)", …: one cell each, after a blank row) and were skipped; not counted as read',
      }),
    ]);
  });

  it("recognises footer cells padded with delimiters, and a footer after a title-and-header export", async () => {
    const r = await read(lines('"Closed deals"', "", HEADER, OK, ",,,,", '"Grand Totals (1 record)",,,,', ",,,,", '"Huakang Medical",,,,'));
    expect(r.rows).toEqual([4]);
    expect(r.anomaly("footer")[0]).toMatchObject({ row: 6, message: expect.stringMatching(/^rows 6, 8 after the last data row/) });
  });

  it("rejects a one-cell row in the middle of the data (no blank row before it)", async () => {
    const r = await read(lines(HEADER, OK, '"Subtotal"', "D2,R002,5.00,2026-10-06,Won"));
    expect(r.accounting).toEqual({ read: 3, accepted: 2, rejected: 1, duplicates: 0 });
    expect(r.anomaly("rejected_row")[0]).toMatchObject({ row: 3 });
    expect(r.anomaly("footer")).toEqual([]);
  });

  it("rejects one-cell rows after a blank row when data follows them", async () => {
    const r = await read(lines(HEADER, OK, "", '"Group: East"', '"Subtotal"', "", "D2,R002,5.00,2026-10-06,Won"));
    expect(r.accounting).toEqual({ read: 4, accepted: 2, rejected: 2, duplicates: 0 });
    expect(r.anomaly("rejected_row").map((a) => a.row)).toEqual([4, 5]);
    expect(r.anomaly("footer")).toEqual([]);
  });

  it("rejects a one-cell row at the end when no blank row comes before it", async () => {
    const r = await read(lines(HEADER, OK, '"Grand Totals (1 record)"'));
    expect(r.accounting).toMatchObject({ read: 2, rejected: 1 });
  });

  it("treats a one-column file's last rows as data: a footer cannot be told from a value there", async () => {
    const r = await read(lines("Owner", "R001", "", "R002"), { key: undefined, columns: { rep: "Owner" } });
    expect(r.values.map((v) => v["rep"])).toEqual(["R001", "R002"]);
    expect(r.anomaly("footer")).toEqual([]);
  });

  it("treats more than 50 one-cell rows after a blank row as data", async () => {
    const r = await read(lines(HEADER, OK, "", ...Array.from({ length: 51 }, (_, i) => `"line ${i}"`)));
    expect(r.accounting).toMatchObject({ read: 52, rejected: 51 });
  });
});

describe("line endings: rows are the physical line where a record starts", () => {
  it("counts CR, LF and CRLF, and line breaks of each kind inside quotes", async () => {
    const text = `${HEADER}\r\nD1,R001,1.00,2026-10-05,"a\r\nb"\nD2,R001,2.00,2026-10-05,"c\rd"\rD3,R001,3.00,2026-10-05,"e\nf\r\ng\rh"\r\n\r\nD4,R001,4.00,2026-10-05,x\rD5,R001,bad,2026-10-05,x`;
    expect((await csvRows(text)).map(([row, last]) => [row, last])).toEqual([
      [1, 1],
      [2, 3],
      [4, 5],
      [6, 9],
      [10, 10],
      [11, 11],
      [12, 12],
    ]);
    const r = await read(text);
    expect(r.rows).toEqual([2, 4, 6, 11]);
    expect(r.values[0]?.["stage"]).toBe("a\r\nb");
    expect(r.anomaly("rejected_row")[0]).toMatchObject({ row: 12, column: "Amount", value: "bad" });
  });

  it("counts the same lines when reads cut a CRLF or a quoted field in two", async () => {
    const text = `${HEADER}\r\n` + Array.from({ length: 30 }, (_, i) => `D${i},R001,1.00,2026-10-05,"x\r\ny"\r\n`).join("");
    const whole = await csvRows(text);
    for (const chunkBytes of [1, 2, 3, 7]) expect(await csvRows(text, { chunkBytes })).toEqual(whole);
    expect(whole.at(-1)?.[0]).toBe(60);
  });
});

describe("delimiters and the sep= hint", () => {
  it.each([
    ["semicolons", lines(HEADER.replaceAll(",", ";"), "D1;R001;100.00;2026-10-05;Won")],
    ["tabs", lines(HEADER.replaceAll(",", "\t"), "D1\tR001\t100.00\t2026-10-05\tWon")],
    ["pipes", lines(HEADER.replaceAll(",", "|"), "D1|R001|100.00|2026-10-05|Won")],
    ["a sep=; hint", lines("sep=;", HEADER.replaceAll(",", ";"), "D1;R001;100.00;2026-10-05;Won")],
    ["a sep=TAB hint", lines("sep=\t", HEADER.replaceAll(",", "\t"), "D1\tR001\t100.00\t2026-10-05\tWon")],
    ["a BOM before a sep=| hint", "\uFEFF" + lines("sep=|", HEADER.replaceAll(",", "|"), "D1|R001|100.00|2026-10-05|Won")],
    ["semicolons under a one-cell title", lines('"Deals, all of them"', "", HEADER.replaceAll(",", ";"), "D1;R001;100.00;2026-10-05;Won")],
    ["semicolons with commas in the values", lines(`${HEADER.replaceAll(",", ";")};Note`, "D1;R001;100.00;2026-10-05;Won;a, b, c, d, e, f, g", "D2;R001;100.00;2026-10-05;Won;x")],
  ])("reads %s", async (_what, text) => {
    const r = await read(text);
    expect(r.values[0]).toEqual({ id: "D1", rep: "R001", amount: "100", closed: "2026-10-05", stage: "Won" });
  });

  it("reads a declared delimiter, skipping a hint line that disagrees", async () => {
    const r = await read(lines("sep=,", HEADER.replaceAll(",", ";"), "D1;R001;100,00;2026-10-05;Won"), { delimiter: ";", columns: { ...COLUMNS, amount: { from: "Amount", type: "money", decimal: "," } } });
    expect(r.values[0]).toMatchObject({ amount: "100", closed: "2026-10-05" });
    expect(r.rows).toEqual([3]);
  });
});

describe("encodings and BOMs", () => {
  const zhHeader = "编号,负责人,金额,成交日期,阶段";
  const zhColumns = { id: "编号", rep: "负责人", amount: { from: "金额", type: "money" }, closed: { from: "成交日期", type: "date" }, stage: "阶段" };
  const zhRow = "D1,李伟,\"￥1,200.00\",2026年10月5日,赢单";
  const zhValues = { id: "D1", rep: "李伟", amount: "1200", closed: "2026-10-05", stage: "赢单" };

  it.each([
    ["UTF-8 with a BOM", Buffer.from("\uFEFF" + lines(zhHeader, zhRow)), {}],
    ["UTF-8 with a BOM, declared", Buffer.from("\uFEFF" + lines(zhHeader, zhRow)), { encoding: "utf-8" }],
    ["GBK", iconv.encode(lines(zhHeader, zhRow), "gbk"), {}],
    ["GBK, declared gbk", iconv.encode(lines(zhHeader, zhRow), "gbk"), { encoding: "gbk" }],
    ["GB18030, declared", iconv.encode(lines(zhHeader, zhRow), "gb18030"), { encoding: "gb18030" }],
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines(zhHeader, zhRow), "utf16le")]), {}],
  ])("reads %s", async (_what, bytes, source) => {
    const r = await read(bytes, { columns: zhColumns, ...source });
    expect(r.values).toEqual([zhValues]);
  });

  it("reads GB18030 four-byte characters (CJK extension B, emoji)", async () => {
    const r = await read(iconv.encode(lines(zhHeader, "D1,𠀀𠮷伟,1.00,2026-10-05,赢单😀"), "gb18030"), { columns: zhColumns });
    expect(r.values[0]).toMatchObject({ rep: "𠀀𠮷伟", stage: "赢单😀" });
  });

  it("reads Excel's \"Unicode text\": UTF-16LE, a BOM, tabs, CRLF and quoted fields", async () => {
    const text = [zhHeader.replaceAll(",", "\t"), 'D1\t李伟\t"1,200.00"\t2026-10-05\t"赢\t单"', "D2\tR002\t5.00\t2026-10-06\t赢单"].join("\r\n") + "\r\n";
    const r = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), { columns: zhColumns });
    expect(r.values).toEqual([{ ...zhValues, stage: "赢\t单" }, { id: "D2", rep: "R002", amount: "5", closed: "2026-10-06", stage: "赢单" }]);
    expect(r.rows).toEqual([2, 3]);
  });

  it("reads UTF-16LE without a BOM", async () => {
    const r = await read(Buffer.from(lines(HEADER, OK), "utf16le"));
    expect(r.values[0]).toMatchObject({ id: "D1", amount: "100" });
  });

  it.each([
    ["accents and the euro sign", "Müller,Café,€ 1.00"],
    ["an accented letter before an ASCII letter (well-formed GBK, but not Chinese)", "Müller,Jürgen,Grüße"],
  ])("reads cp1252 (latin1) with %s", async (_what, names) => {
    const [a, b, c] = names.split(",");
    const r = await read(iconv.encode(lines(HEADER, `D1,${a},1.00,2026-10-05,${b}`, `D2,${c},1.00,2026-10-05,x`), "windows-1252"));
    expect(r.values.map((v) => [v["rep"], v["stage"]])).toEqual([
      [a, b],
      [c, "x"],
    ]);
  });

  it("reads GBK after a first 64 KiB of ASCII whose end cuts a character in two", async () => {
    const row = (i: number) => `D${i},R001,1.00,2026-10-05,Won`;
    let text = `${HEADER}\n`;
    let i = 0;
    while (Buffer.byteLength(text) < 65535 - 100) text += `${row(i++)}\n`;
    const prefix = `D${i},R001,1.00,2026-10-05,`;
    text += prefix + "x".repeat(65535 - Buffer.byteLength(text) - prefix.length); // the first byte of 赢 is byte 65535
    const bytes = iconv.encode(`${text}赢单\n`, "gbk");
    expect(bytes[65535]).toBe(iconv.encode("赢", "gbk")[0]);
    const r = await read(bytes, { encoding: "gbk" });
    expect(r.values.at(-1)?.["stage"]).toMatch(/赢单$/);
  });

  it("decodes characters cut between reads, in every encoding", async () => {
    const text = lines(zhHeader, zhRow, "D2,𠀀李,2.00,2026-10-06,x");
    for (const [bytes, encoding] of [
      [Buffer.from(text), "utf-8"],
      [iconv.encode(text, "gb18030"), "gb18030"],
      [Buffer.from(text, "utf16le"), "utf-16le"],
    ] as const) {
      const whole = await csvRows(bytes, { encoding });
      expect(whole[2]?.[2][1]).toBe("𠀀李");
      for (const chunkBytes of [1, 2, 3, 5]) expect(await csvRows(bytes, { encoding, chunkBytes })).toEqual(whole);
    }
  });

  it("refuses a BOM that contradicts the declared encoding", async () => {
    expect(await readError(Buffer.from("\uFEFF" + lines(HEADER, OK)), { encoding: "gbk" })).toBe("deals.csv: starts with a UTF-8 byte order mark, but the source's encoding is gbk; set encoding to utf-8 or auto");
  });

  it.each([
    ["a zip (an xlsx named .csv)", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /^deals\.csv: is a zip file \(an xlsx workbook\?\), not CSV text/],
    ["a legacy xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^deals\.csv: is a legacy Excel \(\.xls\)/],
    ["UTF-16BE", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lines(HEADER, OK), "utf16le").swap16()]), /^deals\.csv: is UTF-16BE text, which is not supported/],
  ])("says what a file is when it is %s", async (_what, bytes, message) => {
    expect(await readError(bytes)).toMatch(message);
  });
});

describe("invalid bytes and NUL", () => {
  it("refuses invalid UTF-8 beyond the sniffed start, naming the line", async () => {
    const head = lines(HEADER, ...Array.from({ length: 3000 }, (_, i) => `D${i},R001,1.00,2026-10-05,Won`));
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from("D9,R001,1.00,2026-10-05,W"), Buffer.from([0xff]), Buffer.from("n\n")]);
    expect(bytes.length).toBeGreaterThan(65536);
    expect(await readError(bytes)).toMatch(/^deals\.csv: is not valid UTF-8 at line 3002 \(bytes FF 6E 0A at offset \d+\); set the source's encoding/);
  });

  it.each([
    ["a lone continuation byte", [0x80]],
    ["a truncated sequence", [0xe4, 0xb8]],
    ["an overlong encoding", [0xc0, 0xaf]],
    ["a surrogate", [0xed, 0xa0, 0x80]],
  ])("refuses %s in a file declared UTF-8, naming the line", async (_what, bad) => {
    const bytes = Buffer.concat([Buffer.from(lines(HEADER, OK) + "D2,R001,1.00,2026-10-05,W"), Buffer.from(bad), Buffer.from("n\n")]);
    const hex = [...bad, 0x6e, 0x0a].slice(0, 4).map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
    expect(await readError(bytes, { encoding: "utf-8" })).toBe(`deals.csv: is not valid UTF-8 at line 3 (bytes ${hex} at offset 89); check the source's encoding`); // 34 + 30 + 25 bytes before
  });

  it("refuses a UTF-8 file that ends inside a character", async () => {
    const bytes = Buffer.concat([Buffer.from(lines(HEADER, OK) + "D2,R001,1.00,2026-10-05,W"), Buffer.from([0xe4, 0xb8])]);
    expect(await readError(bytes)).toMatch(/^deals\.csv: is not valid UTF-8 at line 3/);
  });

  it("refuses bytes that are not GBK in a file declared gbk, naming the line", async () => {
    const bytes = Buffer.concat([iconv.encode(lines(HEADER, OK, OK.replace("D1", "D2")) + "D3,李", "gbk"), Buffer.from([0xff, 0x41]), Buffer.from(",1.00,2026-10-05,x\n")]);
    expect(await readError(bytes, { encoding: "gbk" })).toBe("deals.csv: is not valid GBK at line 4 (bytes FF 41 2C 31 at offset 99); check the source's encoding"); // 34 + 30 + 30 + 5 bytes before
  });

  it("refuses a UTF-16LE file with an odd number of bytes", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines(HEADER, OK), "utf16le"), Buffer.from([0x41])]);
    expect(await readError(bytes)).toMatch(/^deals\.csv: is not valid UTF-16LE at line 3/);
  });

  it("keeps a NUL inside a text value, and rejects it in a money value", async () => {
    const r = await read(lines(HEADER, "D1,R001,100.00,2026-10-05,Wo\0n", "D2,R001,1\x0000.00,2026-10-05,Won", "D3,R001,100.00\0,2026-10-05,Won"));
    expect(r.values).toEqual([{ id: "D1", rep: "R001", amount: "100", closed: "2026-10-05", stage: "Wo\0n" }]);
    expect(r.anomaly("rejected_row").map((a) => [a.row, a.column, a.value])).toEqual([
      [3, "Amount", "1\x0000.00"],
      [4, "Amount", "100.00\0"],
    ]);
  });
});

describe("size: accepted in linear time, limited with a clear message", () => {
  it("reads a 1 MiB cell", async () => {
    const big = "x".repeat(1024 * 1024);
    const r = await read(lines(`${HEADER},Note`, `D1,R001,1.00,2026-10-05,Won,"${big}"`), { columns: { ...COLUMNS, note: "Note" } });
    expect(r.values[0]?.["note"]).toHaveLength(1024 * 1024);
  });

  it("reads a 1,000,000-character line of many fields", async () => {
    const fields = Array.from({ length: 100_000 }, (_, i) => `v${i % 10}`.padEnd(9, "z"));
    const line = `D1,R001,1.00,2026-10-05,Won,${fields.join(",")}`;
    expect(line.length).toBeGreaterThanOrEqual(1_000_000);
    const header = `${HEADER},${fields.map((_, i) => `c${i}`).join(",")}`;
    const r = await read(lines(header, line), { columns: { ...COLUMNS, last: "c99999" } });
    expect(r.values[0]).toMatchObject({ id: "D1", stage: "Won", last: fields[99_999] });
  });

  it("reads 20,000 columns by 50 rows", async () => {
    const width = 20_000;
    const header = Array.from({ length: width }, (_, i) => (i === 19_990 ? "Deal ID" : i === 19_991 ? "Owner" : i === 5 ? "Amount" : i === 19_999 ? "Closed" : `col${i}`));
    const rows = Array.from({ length: 50 }, (_, r) => header.map((h, i) => (h === "Deal ID" ? `D${r}` : h === "Owner" ? "R001" : h === "Amount" ? `${r}.50` : h === "Closed" ? "2026-10-05" : `${r}-${i}`)).join(","));
    const r = await read(lines(header.join(","), ...rows), { columns: { id: "Deal ID", rep: "Owner", amount: { from: "Amount", type: "money" }, closed: { from: "Closed", type: "date" }, mid: "col10000" } });
    expect(r.accounting).toMatchObject({ read: 50, accepted: 50 });
    expect(r.values[49]).toEqual({ id: "D49", rep: "R001", amount: "49.5", closed: "2026-10-05", mid: "49-10000" });
  });

  it("maps a header with a 1 MiB cell of spaces without a quadratic trim", async () => {
    const r = await read(lines(`${HEADER},${" ".repeat(1024 * 1024)}x`, `${OK},y`));
    expect(r.accounting).toMatchObject({ read: 1, accepted: 1 });
  });
});
