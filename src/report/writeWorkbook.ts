import { writeFileAtomic } from "./atomicWrite.js";
import type { WorkbookModel } from "./workbookModel.js";
import { checkSheets } from "./xlsx/limits.js";
import { numberFormats } from "./xlsx/numberFormats.js";
import { appXml, contentTypesXml, coreXml, rootRelsXml, sheetPath, workbookRelsXml, workbookXml } from "./xlsx/packageXml.js";
import { SharedStrings } from "./xlsx/sharedStrings.js";
import { sheetXml } from "./xlsx/sheetXml.js";
import type { WorkbookLook } from "./xlsx/sheetXml.js";
import { StyleSheet } from "./xlsx/stylesXml.js";
import { XML_DECLARATION } from "./xlsx/xmlText.js";
import { ZipWriter } from "./xlsx/zipWriter.js";

/**
 * The one module that writes xlsx. The workbook model becomes SpreadsheetML
 * strings (`./xlsx/`), zipped with Node's zlib: no spreadsheet library at run
 * time. Cells hold values, never formulas; formula-like text is a string cell
 * with the Text format and `quotePrefix`, so editing it in Excel keeps it
 * text. The bytes depend only on the model: fixed document times, fixed zip
 * entry times, no user or host.
 */

export { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_MONEY_DIGITS, EXCEL_MAX_ROWS, OutputLimitError } from "./xlsx/limits.js";
export { excelSerial, moneyFormat, numberFormats } from "./xlsx/numberFormats.js";

/**
 * Adds `quotePrefix="1"` to every cell format that uses the Text format.
 * The writer now puts it there itself; kept for callers of the old API.
 */
export function addQuotePrefix(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (xfs) => xfs.replace(/<xf numFmtId="49"(?![^>]*quotePrefix)/g, '<xf numFmtId="49" quotePrefix="1"'));
}

const utf8 = (xml: string): Buffer => Buffer.from(XML_DECLARATION + xml, "utf8");

/** The xlsx bytes of `model`; `file` names the output in limit messages. Throws before any I/O. */
export async function renderWorkbook(model: WorkbookModel, file = "workbook"): Promise<Uint8Array> {
  checkSheets(model, file);
  const look: WorkbookLook = {
    file,
    formats: numberFormats(model.currency, model.minorUnits),
    currency: model.currency,
    minorUnits: model.minorUnits,
    styles: new StyleSheet(),
    strings: new SharedStrings(),
  };
  const names = model.sheets.map((sheet) => sheet.name);
  const zip = new ZipWriter();
  zip.add("[Content_Types].xml", utf8(contentTypesXml(names.length)));
  zip.add("_rels/.rels", utf8(rootRelsXml()));
  zip.add("docProps/app.xml", utf8(appXml(names)));
  zip.add("docProps/core.xml", utf8(coreXml()));
  zip.add("xl/workbook.xml", utf8(workbookXml(names)));
  zip.add("xl/_rels/workbook.xml.rels", utf8(workbookRelsXml(names.length)));
  // each sheet deflates in the background while the next one is written
  model.sheets.forEach((sheet, i) => zip.add(sheetPath(i + 1), sheetXml(sheet, i + 1, look)));
  // styles and strings are complete only when every sheet is
  zip.add("xl/styles.xml", utf8(look.styles.toXml()));
  zip.add("xl/sharedStrings.xml", utf8(look.strings.toXml()));
  return zip.finish();
}

/** Writes `model` to `path` as xlsx, atomically: the previous file stays until the new one is complete. */
export async function writeWorkbook(model: WorkbookModel, path: string): Promise<void> {
  await writeFileAtomic(path, await renderWorkbook(model, path));
}
