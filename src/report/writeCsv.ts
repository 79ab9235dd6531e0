import { writeFileAtomic } from "./atomicWrite.js";
import { neutraliseFormula } from "./safeText.js";
import { checkCell } from "./workbookModel.js";
import type { CheckedCell, Sheet } from "./workbookModel.js";

/**
 * One sheet as CSV for Excel and for scripts: UTF-8 with a BOM (so Excel
 * reads Chinese names right), comma-separated, RFC 4180 quoting, CRLF after
 * every record. Values are plain: money as its decimal string, dates as ISO
 * days, percents as fractions, booleans `true`/`false`. Text that a
 * spreadsheet would run as a formula gets a leading `'`; numbers and money
 * never do (`-12.50` in a money cell stays a number).
 */

const BOM = "\uFEFF";
const CRLF = "\r\n";

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function fieldText(cell: CheckedCell): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "text":
      return quote(neutraliseFormula(cell.text));
    case "number":
      return String(cell.value);
    case "boolean":
      return cell.value ? "true" : "false";
    case "money":
    case "date":
      return cell.text;
  }
}

/** The CSV text of `sheet`, BOM included. */
export function renderCsv(sheet: Sheet): string {
  const width = sheet.columns.length;
  const lines = [sheet.columns.map((column) => quote(neutraliseFormula(column.header))).join(",")];
  sheet.rows.forEach((row, r) => {
    if (row.length > width) throw new Error(`sheet "${sheet.name}", row ${r + 2}: ${row.length} cells for ${width} columns`);
    const fields: string[] = [];
    for (let c = 0; c < width; c++) fields.push(fieldText(checkCell(row[c], sheet, r, c)));
    lines.push(fields.join(","));
  });
  return BOM + lines.join(CRLF) + CRLF;
}

/** Writes `sheet` as CSV to `path`, atomically. */
export async function writeCsv(sheet: Sheet, path: string): Promise<void> {
  await writeFileAtomic(path, renderCsv(sheet));
}
