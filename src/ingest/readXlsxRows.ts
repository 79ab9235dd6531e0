/**
 * One sheet of an xlsx file as a stream of rows, read by the project's own
 * streaming reader (`./xlsx/`: yauzl for the zip, saxes for the XML). Cells
 * become neutral `XlsxCell`s: formulas give their cached result (none: an
 * error cell), rich text its plain text, date-formatted numbers their
 * calendar day in the workbook's date system. Only the string table is held
 * in memory; the sheet is streamed.
 */
import type { RawRow } from "./rawRow.js";
import type { MergedRange } from "./xlsx/cellReference.js";
import { chooseSheet } from "./xlsx/chooseSheet.js";
import { locateWorkbook } from "./xlsx/locateWorkbook.js";
import { readRelationships } from "./xlsx/relationships.js";
import { readSharedStrings } from "./xlsx/sharedStringsPart.js";
import { SheetRowsParser } from "./xlsx/sheetRowsParser.js";
import { sniffFile } from "./xlsx/sniffFile.js";
import { readDateStyles } from "./xlsx/stylesPart.js";
import { readWorkbook } from "./xlsx/workbookPart.js";
import { XmlStream } from "./xlsx/xmlStream.js";
import { ZipPackage } from "./xlsx/zipPackage.js";

export type { MergedRange } from "./xlsx/cellReference.js";

export interface XlsxSheetInfo {
  /** the sheet read */
  name: string;
  /** the workbook's date system: pass it to `coerceCell` for number cells read as dates */
  date1904: boolean;
}

export interface XlsxReadOptions {
  /** sheet name; default: the first visible sheet */
  sheet?: string;
  /** told which sheet is read and the date system, before the first row */
  onSheet?: (info: XlsxSheetInfo) => void;
  /** told the sheet's merged ranges after the last row (the file stores them after the rows); only the top-left cell of each holds a value */
  onMergedRanges?: (ranges: readonly MergedRange[]) => void;
}

export async function* readXlsxRows(path: string, displayName: string, options: XlsxReadOptions): AsyncGenerator<RawRow> {
  const size = await sniffFile(path, displayName);
  const zip = await ZipPackage.open(path, displayName, size);
  try {
    const workbookPart = await locateWorkbook(zip);
    const workbook = await readWorkbook(zip, workbookPart);
    const relationships = await readRelationships(zip, workbookPart);
    const sheet = chooseSheet(zip, workbook.sheets, relationships, options.sheet);
    const partOf = (kind: string) => relationships.find((r) => r.kind === kind)?.part ?? null;
    const dateStyles = await readDateStyles(zip, partOf("styles"));
    const strings = await readSharedStrings(zip, partOf("sharedStrings"));
    options.onSheet?.({ name: sheet.name, date1904: workbook.date1904 });

    const parser = new SheetRowsParser({ zip, strings, dateStyles, date1904: workbook.date1904 });
    const xml = new XmlStream(zip, sheet.part, parser);
    for await (const chunk of zip.read(sheet.part)) {
      xml.write(chunk);
      for (const row of parser.drain()) yield row;
    }
    xml.end();
    for (const row of parser.drain()) yield row;
    options.onMergedRanges?.(parser.merged);
  } finally {
    zip.close();
  }
}
