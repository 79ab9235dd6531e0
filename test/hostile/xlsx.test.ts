/**
 * Hostile and unusual xlsx files, generated here (no committed binaries):
 * each class gets a correct value or an InputError naming the file (and the
 * cell), never a crash, a hang, a silent drop or a wrong number.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { CoerceOptions, XlsxCell } from "../../src/ingest/coerce.js";
import { readXlsxRows } from "../../src/ingest/readXlsxRows.js";
import { zipBytes, type ZipEntrySpec } from "../support/rawZip.js";
import { book, cellsOf, coerced, compoundFile, date, deflateSpaces, dir, failure, file, firstCell, num, read, text } from "../support/xlsxRead.js";
import { MAIN_NS, REL_NS, cell, contentTypes, entriesOf, relationships, row, sharedStrings, sheet, styles, workbook, workbookParts } from "../support/xlsxParts.js";

const simpleSheet = sheet(row(1, cell("A1", "Amount")) + row(2, cell("A2", 12.5)));
const validEntries = (): ZipEntrySpec[] => entriesOf(workbookParts(simpleSheet));

describe("xlsx containers", () => {
  it.each([
    ["a 0-byte file", "", /is empty \(0 bytes\), not an xlsx workbook/],
    ["a CSV renamed to .xlsx", "Deal ID,Amount\nD1,100\n", /is not an xlsx workbook \(it looks like text \(CSV\?\)\); give it its real extension/],
    ["an HTML table renamed to .xlsx", "<html><body><table><tr><td>1</td></tr></table></body></html>", /it looks like HTML or XML/],
    ["a UTF-16 text export renamed to .xlsx", Buffer.from("\uFEFFDeal ID\tAmount\n", "utf16le"), /it looks like UTF-16 text/],
    ["a legacy .xls", compoundFile(["Workbook", "\u0005SummaryInformation"]), /is a legacy Excel 97-2003 workbook \(\.xls\), not an xlsx; open it in Excel and save it as \.xlsx/],
    ["an encrypted (password-protected) xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]), /is password-protected \(an encrypted workbook\); kpi cannot read it/],
    ["another OLE file", compoundFile(["Contents"]), /is a legacy Office file \(an OLE compound document\)/],
    ["a plain zip that is not a workbook", zipBytes([{ name: "readme.txt", data: "hello" }]), /is a zip archive but not an xlsx workbook \(it has no workbook part\)/],
    ["an empty zip", zipBytes([]), /is an empty zip archive/],
    ["a truncated zip", zipBytes(validEntries()).subarray(0, 700), /is not a complete zip archive: its end is missing \(the file is truncated/],
  ])("refuses %s with its own message", async (_what, content, message) => {
    expect((await failure(file(content))).message).toMatch(message);
  });

  it("refuses an ODS renamed to .xlsx (a zip too), told by its mimetype entry", async () => {
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    ods.file("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
    ods.file("META-INF/manifest.xml", "<manifest/>");
    const bytes = await ods.generateAsync({ type: "uint8array" });
    expect((await failure(file(bytes))).message).toMatch(/is an OpenDocument spreadsheet \(\.ods\), not an xlsx/);
  });

  it.each([
    ["a Word document", { "_rels/.rels": relationships([["rId1", "officeDocument", "word/document.xml"]]), "[Content_Types].xml": contentTypes('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'), "word/document.xml": "<w:document xmlns:w='x'/>" }, /is a Word document \(\.docx\), not an xlsx workbook/],
    ["a binary workbook (xlsb)", { "_rels/.rels": relationships([["rId1", "officeDocument", "xl/workbook.bin"]]), "xl/workbook.bin": "\u0083\u0001" }, /is a binary Excel workbook \(\.xlsb\)/],
  ])("refuses %s packaged like an xlsx", async (_what, overrides, message) => {
    expect((await failure(book(simpleSheet, overrides))).message).toMatch(message);
  });

  it("refuses a zip bomb from the sizes in its central directory, before inflating", async () => {
    const size = 300 * 1024 * 1024; // 300 MiB of spaces deflate to ~1.3 MB: a ratio of ~230
    const compressed = await deflateSpaces(size);
    const entries = validEntries().map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, compressed, declaredSize: size, crc: 0 } : e));
    const started = Date.now();
    expect((await failure(file(zipBytes(entries)))).message).toMatch(/part "xl\/worksheets\/sheet1\.xml" would expand to 314572800 bytes, more than kpi inflates from a file of \d+ bytes \(at most 268435456\); it looks like a zip bomb/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    ["xl/worksheets/sheet1.xml", /part "xl\/worksheets\/sheet1\.xml" would expand to 4294967280 bytes.*zip bomb/],
    ["xl/sharedStrings.xml", /has a string table of 4294967280 bytes; kpi holds at most 536870912/],
  ])("refuses %s when its declared size is absurd, even when its data is small", async (part, message) => {
    const entries = validEntries().map((e) => (e.name === part ? { ...e, declaredSize: 0xfffffff0 } : e));
    expect((await failure(file(zipBytes(entries)))).message).toMatch(message);
  });

  it("stops inflating a part whose size field lies (small declared, large actual) within a chunk", async () => {
    const big = sheet(Array.from({ length: 50_000 }, (_, i) => row(i + 1, cell(`A${i + 1}`, i))).join(""));
    const entries = validEntries().map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, data: big, declaredSize: 1000 } : e));
    expect((await failure(file(zipBytes(entries)))).message).toMatch(/part "xl\/worksheets\/sheet1\.xml" holds more data than its size field says.*zip bomb/);
  });

  it.each([
    ["the same name twice", [{ name: "xl/worksheets/sheet1.xml", data: sheet(row(1, cell("A1", 666))) }], /holds two zip entries named "xl\/worksheets\/sheet1\.xml"; which one is meant is ambiguous/],
    ["the same name in another case", [{ name: "XL/Worksheets/Sheet1.xml", data: sheet("") }], /holds two zip entries named "XL\/Worksheets\/Sheet1\.xml"/],
    ["a path-traversal name", [{ name: "../../evil.sh", data: "rm -rf /" }], /holds a zip entry with an unsafe name "\.\.\/\.\.\/evil\.sh" \(it climbs out of the package with \.\.\)/],
    ["a Windows path-traversal name", [{ name: "xl\\..\\..\\evil.txt", data: "x" }], /unsafe name "xl\/\.\.\/\.\.\/evil\.txt"/],
    ["an absolute name", [{ name: "/etc/cron.d/evil", data: "x" }], /unsafe name "\/etc\/cron\.d\/evil" \(an absolute path\)/],
  ])("refuses a zip holding %s", async (_what, extra, message) => {
    expect((await failure(file(zipBytes([...validEntries(), ...extra])))).message).toMatch(message);
  });

  it("refuses a part that fails its CRC-32 (a digit flipped in a stored entry)", async () => {
    const entries = validEntries().map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, method: 0 as const, crc: 0x12345678 } : e));
    expect((await failure(file(zipBytes(entries)))).message).toMatch(/part "xl\/worksheets\/sheet1\.xml" fails its checksum \(CRC-32\); the file is damaged/);
  });

  it("refuses a zip-encrypted part", async () => {
    const entries = validEntries().map((e) => (e.name === "xl/workbook.xml" ? { ...e, flags: 1 } : e));
    expect((await failure(file(zipBytes(entries)))).message).toMatch(/part "xl\/workbook\.xml" is encrypted inside the zip/);
  });

  it.each([
    ["an entity expansion (billion laughs) in the sheet", "xl/worksheets/sheet1.xml", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`],
    ["an external entity (XXE) in workbook.xml", "xl/workbook.xml", `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ["a DOCTYPE in the string table", "xl/sharedStrings.xml", `<!DOCTYPE sst SYSTEM "http://example.invalid/x.dtd"><sst xmlns="${MAIN_NS}"/>`],
  ])("refuses a DOCTYPE: %s", async (_what, part, xml) => {
    expect((await failure(book(simpleSheet, { [part]: xml }))).message).toMatch(new RegExp(`part "${part.replace(/\./g, "\\.")}" has a DOCTYPE declaration.*refused`));
  });

  it("refuses an entity reference that no DOCTYPE defines", async () => {
    const path = book(sheet(row(1, `<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c>`)));
    expect((await failure(path)).message).toMatch(/part "xl\/worksheets\/sheet1\.xml" is not well-formed XML \(undefined entity/);
  });

  it("refuses XML nested absurdly deep", async () => {
    expect((await failure(book(sheet(`${"<x>".repeat(500)}${"</x>".repeat(500)}`)))).message).toMatch(/nests XML deeper than 100 levels/);
  });

  it("refuses a part that is not valid UTF-8", async () => {
    const bytes = Buffer.concat([Buffer.from(`<sst xmlns="${MAIN_NS}"><si><t>`), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from("</t></si></sst>")]); // GBK 你好
    expect((await failure(book(simpleSheet, { "xl/sharedStrings.xml": bytes as unknown as string }))).message).toMatch(/part "xl\/sharedStrings\.xml" is not valid UTF-8 text/);
  });

  it("reads namespace-prefixed XML (x:worksheet, x:c, rel:id), which exceljs cannot", async () => {
    const x = `xmlns:x="${MAIN_NS}"`;
    const path = book(`<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>46300</x:v></x:c><x:c r="C1"><x:v>12.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`, {
      "xl/workbook.xml": `<x:workbook ${x} xmlns:rel="${REL_NS}"><x:workbookPr/><x:sheets><x:sheet name="Data" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
      "xl/sharedStrings.xml": `<x:sst ${x}><x:si><x:t>Li Wei</x:t></x:si></x:sst>`,
      "xl/styles.xml": `<x:styleSheet ${x}><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`,
    });
    expect(await cellsOf(path)).toEqual([[text("Li Wei"), date("2026-10-05"), num(12.5)]]);
  });

  it("follows relationships to non-standard part names", async () => {
    const path = file(
      zipBytes(
        entriesOf({
          "[Content_Types].xml": contentTypes('<Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'),
          "_rels/.rels": relationships([["R1", "officeDocument", "book/main.xml"]]),
          "book/main.xml": workbook([{ name: "Data", id: "s" }]),
          "book/_rels/main.xml.rels": relationships([["s", "worksheet", "../tables/first%20table.xml"], ["t", "sharedStrings", "strings/table.xml"]]),
          "book/strings/table.xml": sharedStrings(["found"]),
          "tables/first table.xml": sheet(row(1, cell("A1", { t: "s", xml: "<v>0</v>" }))),
        }),
      ),
    );
    expect(await cellsOf(path)).toEqual([[text("found")]]);
  });

  it("follows absolute relationship targets (/xl/worksheets/sheet1.xml)", async () => {
    const path = book(simpleSheet, {
      "_rels/.rels": relationships([["rId1", "officeDocument", "/xl/workbook.xml"]]),
      "xl/_rels/workbook.xml.rels": relationships([["rId1", "worksheet", "/xl/worksheets/sheet1.xml"], ["rId2", "styles", "/xl/styles.xml"]]),
    });
    expect(await cellsOf(path)).toEqual([[text("Amount")], [num(12.5)]]);
  });

  it("refuses a relationship that climbs out of the package", async () => {
    const path = book(simpleSheet, { "xl/_rels/workbook.xml.rels": relationships([["rId1", "worksheet", "../../../etc/passwd"]]) });
    expect((await failure(path)).message).toMatch(/sheet "Sheet1" points outside the file \("\.\.\/\.\.\/\.\.\/etc\/passwd"\); refused/);
  });

  it("reads a workbook without _rels/.rels or [Content_Types].xml from xl/workbook.xml", async () => {
    expect(await cellsOf(book(simpleSheet, { "_rels/.rels": null, "[Content_Types].xml": null }))).toEqual([[text("Amount")], [num(12.5)]]);
  });

  it("reads a UTF-16 part (with its BOM)", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheet(row(1, cell("A1", "合同额"))), "utf16le")]);
    expect(await cellsOf(book("", { "xl/worksheets/sheet1.xml": utf16 as unknown as string }))).toEqual([[text("合同额")]]);
  });

  it("names the cell whose shared-string index is out of range", async () => {
    const path = book(sheet(row(1, cell("A1", { t: "s", xml: "<v>0</v>" })) + row(2, cell("A2", { t: "s", xml: "<v>1</v>" }), cell("B2", { t: "s", xml: "<v>7</v>" }))), { "xl/sharedStrings.xml": sharedStrings(["a", "b"]) });
    const error = await failure(path);
    expect(error).toMatchObject({ row: 2, column: "B" });
    expect(error.message).toMatch(/row 2, column "B": cell B2 refers to shared string 7, but the string table has 2 entries; the file is damaged/);
  });

  it.each([
    ["rows out of order", sheet(row(5, cell("A5", 1)) + row(3, cell("A3", 2))), /row 3 comes after row 5 \(rows must be in ascending order\)/],
    ["the same cell twice", sheet(row(1, cell("A1", 1), cell("A1", 2))), /has cell A1 twice; which value is meant is ambiguous/],
    ["a cell outside its row", sheet(row(1, cell("A9", 1))), /has cell A9 inside row 1/],
    ["a column past XFD", sheet(row(1, cell("XFE1", 1))), /has a cell named "XFE1", which is not a cell reference/],
    ["a sheet part cut short", `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1">`, /part "xl\/worksheets\/sheet1\.xml" is not well-formed XML/],
  ])("refuses a damaged sheet: %s", async (_what, xml, message) => {
    expect((await failure(book(xml))).message).toMatch(message);
  });

  it("stops reading early without error when the caller has what it needs (validate reads only the header)", async () => {
    const path = book(sheet(Array.from({ length: 20_000 }, (_, i) => row(i + 1, cell(`A${i + 1}`, i))).join("")));
    const reader = readXlsxRows(path, path, {});
    expect((await reader.next()).value).toEqual({ row: 1, cells: [num(0)] });
    await reader.return(undefined);
  });
});

describe("xlsx values", () => {
  it.each([["1"], ["true"], [" TRUE "]])("honours the 1904 date system written as date1904=%j", async (flag) => {
    const path = book(sheet(row(1, cell("A1", { s: 1, xml: "<v>0</v>" }), cell("B1", { s: 1, xml: "<v>44838</v>" }), cell("C1", 44838))), {
      "xl/workbook.xml": workbook([{ name: "Sheet1", id: "rId1" }], `<workbookPr date1904="${flag}"/>`),
      "xl/styles.xml": styles([0, 14]),
    });
    const { rows, info } = await read(path);
    expect(info).toEqual({ name: "Sheet1", date1904: true });
    expect(rows[0]?.cells.slice(0, 2)).toEqual([date("1904-01-01"), date("2026-10-05")]);
    // a plain number used as a date is converted with the date system the reader reports
    expect(coerced(rows[0]?.cells[2] as XlsxCell, "date", info?.date1904)).toBe("2026-10-05");
  });

  it("reads an exceljs-written 1904 workbook patched to LibreOffice's date1904=\"true\" without moving its dates", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Payments");
    ws.addRow(["Paid", "Amount"]);
    ws.addRow([new Date(Date.UTC(2026, 9, 5)), 1234.57]);
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
    expect(workbookXml).toMatch(/date1904="1"/);
    zip.file("xl/workbook.xml", workbookXml?.replace('date1904="1"', 'date1904="true"') ?? "");
    const path = file(await zip.generateAsync({ type: "uint8array" }));
    const { rows, info } = await read(path);
    expect(info?.date1904).toBe(true);
    expect(rows[1]?.cells).toEqual([date("2026-10-05"), num(1234.57)]);
  });

  it.each([["0"], ["false"]])("keeps the 1900 system for date1904=%j", async (flag) => {
    const path = book(sheet(row(1, cell("A1", { s: 1, xml: "<v>46300</v>" }))), { "xl/workbook.xml": workbook([{ name: "Sheet1", id: "rId1" }], `<workbookPr date1904="${flag}"/>`), "xl/styles.xml": styles([0, 14]) });
    const { rows, info } = await read(path);
    expect(info?.date1904).toBe(false);
    expect(rows[0]?.cells).toEqual([date("2026-10-05")]);
  });

  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "rejected: a date that exists (serial 60 is 1900-02-29, a day that never was)"],
    [61, "1900-03-01"],
    [0, "rejected: a date such as 2026-10-05 (an xlsx serial from 1 up to 9999-12-31)"],
  ])("reads the date-formatted serial %d around the Lotus 1900-02-29 as %s", async (serial, expected) => {
    const path = book(sheet(row(1, cell("A1", { s: 1, xml: `<v>${serial}</v>` }))), { "xl/styles.xml": styles([0, 14]) });
    expect(coerced(await firstCell(path), "date")).toBe(expected);
  });

  it.each([
    ["built-in 14 (m/d/yyyy)", 14, {}, true],
    ["built-in 22 (m/d/yyyy h:mm)", 22, {}, true],
    ["built-in 31 (zh-CN yyyy年m月d日)", 31, {}, true],
    ["built-in 45 (mm:ss)", 45, {}, true],
    ["General", 0, {}, false],
    ["built-in 4 (#,##0.00)", 4, {}, false],
    ["custom yyyy/mm/dd", 164, { 164: "yyyy/mm/dd" }, true],
    ["custom yyyy\"年\"m\"月\"d\"日\"", 164, { 164: 'yyyy"年"m"月"d"日"' }, true],
    ["custom [$-409]h:mm AM/PM", 164, { 164: "[$-409]h:mm AM/PM" }, true],
    ["custom #,##0.00 \"days\"", 164, { 164: '#,##0.00 "days"' }, false],
    ["custom [Red]0.00", 164, { 164: "[Red]0.00;[Blue]-0.00" }, false],
    ["custom [$¥-804]#,##0.00", 164, { 164: "[$¥-804]#,##0.00" }, false],
    ["custom 0.00E+00", 164, { 164: "0.00E+00" }, false],
    ["custom \\d0 (an escaped d)", 164, { 164: "\\d0" }, false],
    ["built-in id 14 redefined as 0.00", 14, { 14: "0.00" }, false],
  ])("tells a date cell by its number format: %s", async (_what, id, custom, isDate) => {
    const path = book(sheet(row(1, cell("A1", { s: 1, xml: "<v>46300.5</v>" }))), { "xl/styles.xml": styles([0, id], custom) });
    expect(await firstCell(path)).toEqual(isDate ? date("2026-10-05", 43_200) : num(46300.5));
  });

  it.each([
    ["a date as text", cell("A1", "2026-10-05"), "2026-10-05"],
    ["a date as text with a time", cell("A1", "2026/10/5 14:30"), "2026-10-05"],
    ["a date as a plain serial", cell("A1", 46300), "2026-10-05"],
    ["a date cell (date-formatted serial)", cell("A1", { s: 1, xml: "<v>46300</v>" }), "2026-10-05"],
    ["an ISO date cell (t=\"d\")", cell("A1", { t: "d", xml: "<v>2026-10-05T00:00:00Z</v>" }), "2026-10-05"],
  ])("reads %s as the same date", async (_what, xml, expected) => {
    const path = book(sheet(row(1, xml)), { "xl/styles.xml": styles([0, 14]) });
    expect(coerced(await firstCell(path), "date")).toBe(expected);
  });

  it.each([
    ["a formula with a cached value", { xml: "<f>A2*2</f><v>84</v>" }, num(84), "84"],
    ["a formula without a cached value", { xml: "<f>A2*2</f>" }, { kind: "error", text: "a formula without a saved result (open and save the file in Excel)" }, "rejected"],
    ["a formula with an error value", { t: "e", xml: "<f>1/0</f><v>#DIV/0!</v>" }, { kind: "error", text: "#DIV/0!" }, "rejected"],
    ["a shared formula's master cell", { xml: '<f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v>' }, num(2), "2"],
    ["a shared formula's dependent cell", { xml: '<f t="shared" si="0"/><v>4</v>' }, num(4), "4"],
    ["a shared formula's dependent cell without a value", { xml: '<f t="shared" si="0"/>' }, { kind: "error", text: "a formula without a saved result (open and save the file in Excel)" }, "rejected"],
    ["a string formula", { t: "str", xml: '<f>"1"&amp;"00"</f><v>100</v>' }, text("100"), "100"],
    ["a string formula without a value", { t: "str", xml: "<f>A1</f>" }, { kind: "error", text: "a formula without a saved result (open and save the file in Excel)" }, "rejected"],
    ["a boolean formula", { t: "b", xml: "<f>TRUE()</f><v>1</v>" }, { kind: "boolean", value: true }, "rejected"],
  ])("reads %s (never 0 in place of a missing result)", async (_what, xml, expected, asMoney) => {
    const c = await firstCell(book(sheet(row(1, cell("A1", xml as { xml: string })))));
    expect(c).toEqual(expected);
    expect(coerced(c, "money")).toMatch(asMoney === "rejected" ? /^rejected: / : new RegExp(`^${asMoney}$`));
  });

  it("counts a merged money cell once and reports the merged ranges", async () => {
    const rows = row(1, cell("A1", "Rep"), cell("B1", "Amount")) + row(2, cell("A2", "R001"), cell("B2", 1200)) + row(3, cell("A3", "R002"), `<c r="B3" s="0"/>`);
    const { rows: read_, merged } = await read(book(sheet(rows, '<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>')));
    expect(read_.map((r) => r.cells)).toEqual([[text("Rep"), text("Amount")], [text("R001"), num(1200)], [text("R002"), { kind: "empty" }]]);
    expect(merged).toEqual([{ ref: "B2:B3", firstRow: 2, lastRow: 3, firstColumn: 2, lastColumn: 2 }]);
  });

  it("reads merged cells as exceljs writes them (the value only in the top-left cell)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Payments");
    ws.addRow(["Rep", "Amount"]);
    ws.addRow(["R001", 1200]);
    ws.addRow(["R002", 1200]);
    ws.mergeCells("B2:B3");
    const path = join(dir, "merged-exceljs.xlsx");
    await wb.xlsx.writeFile(path);
    const { rows, merged } = await read(path);
    const amounts = rows.slice(1).map((r) => coerced(r.cells[1] as XlsxCell, "money"));
    expect(amounts).toEqual(["1200", "null"]); // 1200 counted once, not twice
    expect(merged?.map((m) => m.ref)).toEqual(["B2:B3"]);
  });

  it("reads rich text as its plain text, without phonetic guides", async () => {
    const rich = '<r><t xml:space="preserve">Li </t></r><r><rPr><b/></rPr><t>Wei</t></r><rPh sb="0" eb="2"><t>リ ウェイ</t></rPh>';
    const path = book(sheet(row(1, cell("A1", { t: "s", xml: "<v>0</v>" }), cell("B1", { t: "inlineStr", xml: "<is><r><t>Zhang</t></r><r><t> San</t></r></is>" }))), { "xl/sharedStrings.xml": sharedStrings([rich]) });
    expect(await cellsOf(path)).toEqual([[text("Li Wei"), text("Zhang San")]]);
  });

  it("decodes _xHHHH_ escapes in text", async () => {
    const path = book(sheet(row(1, cell("A1", { t: "s", xml: "<v>0</v>" }), cell("B1", { t: "s", xml: "<v>1</v>" }))), { "xl/sharedStrings.xml": sharedStrings(["line_x000D_break", "_x005F_x0041_"]) });
    expect(await cellsOf(path)).toEqual([[text("line\rbreak"), text("_x0041_")]]);
  });

  it.each([
    ["hidden", "hidden"],
    ["very hidden", "veryHidden"],
  ])("skips a %s first sheet and reads the first visible one", async (_what, state) => {
    const path = book(sheet(row(1, cell("A1", "secret"))), {
      "xl/workbook.xml": workbook([{ name: "Secret", id: "rId1", state }, { name: "Data", id: "rId9" }]),
      "xl/_rels/workbook.xml.rels": relationships([["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId9", "worksheet", "worksheets/sheet2.xml"]]),
      "xl/worksheets/sheet2.xml": sheet(row(1, cell("A1", "data"))),
    });
    const { rows, info } = await read(path);
    expect(info?.name).toBe("Data");
    expect(rows.map((r) => r.cells)).toEqual([[text("data")]]);
    expect((await read(path, { sheet: "Secret" })).rows.map((r) => r.cells)).toEqual([[text("secret")]]); // named: read even when hidden
  });

  it("passes over a chart sheet, and says so when one is named", async () => {
    const path = book(sheet(row(1, cell("A1", "data"))), {
      "xl/workbook.xml": workbook([{ name: "Chart", id: "rId7" }, { name: "Data", id: "rId1" }]),
      "xl/_rels/workbook.xml.rels": relationships([["rId7", "chartsheet", "chartsheets/sheet1.xml"], ["rId1", "worksheet", "worksheets/sheet1.xml"]]),
    });
    expect((await read(path)).info?.name).toBe("Data");
    expect((await failure(path, { sheet: "Chart" })).message).toMatch(/sheet "Chart" is a chartsheet, not a worksheet/);
  });

  it("lists the sheets, hidden ones marked, when none is visible", async () => {
    const path = book(simpleSheet, { "xl/workbook.xml": workbook([{ name: "A", id: "rId1", state: "hidden" }, { name: "B", id: "rId1", state: "veryHidden" }]) });
    expect((await failure(path)).message).toMatch(/has no visible worksheet; its sheets are: "A" \(hidden\), "B" \(very hidden\)/);
  });

  it.each([
    ["1234.5699999999999", "money", "1234.57"],
    ["0.30000000000000004", "number", "0.3"],
    ["1.1000000000000001", "percent", "1.1"],
    ["1E+3", "integer", "1000"],
  ])("reads the stored double %s as its decimal (%s: %s)", async (stored, type, expected) => {
    const c = await firstCell(book(sheet(row(1, `<c r="A1"><v>${stored}</v></c>`))));
    expect(coerced(c, type as CoerceOptions["type"])).toBe(expected);
  });

  it("reads a cell of an unknown type as an error cell, never a guessed value", async () => {
    const c = await firstCell(book(sheet(row(1, `<c r="A1" t="x"><v>5</v></c>`))));
    expect(c).toEqual({ kind: "error", text: 'an unknown cell type "x"' });
    expect(coerced(c, "money")).toMatch(/^rejected: /);
  });

  it("keeps a non-number in a number cell as text, never NaN or 0", async () => {
    const c = await firstCell(book(sheet(row(1, `<c r="A1"><v>0x1F</v></c>`))));
    expect(c).toEqual(text("0x1F"));
    expect(coerced(c, "money")).toMatch(/^rejected: /);
  });

  it("reads booleans, and places cells and rows without r attributes after the previous ones", async () => {
    const rows = `<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row><row r="7"><c r="B7"><v>5</v></c></row>`;
    const { rows: read_ } = await read(book(sheet(rows)));
    expect(read_.map((r) => [r.row, r.cells])).toEqual([
      [1, [{ kind: "boolean", value: true }, { kind: "boolean", value: false }, num(3)]],
      [2, [num(4), { kind: "empty" }, { kind: "empty" }]], // padded: a trailing empty cell is not written in xlsx, never a lost field
      [7, [{ kind: "empty" }, num(5), { kind: "empty" }]],
    ]);
  });
});
