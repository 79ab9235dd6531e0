/**
 * A minimal workbook as XML parts, for hostile-input tests: every part can be
 * replaced (or removed with null) before zipping with `rawZip`. Cells are
 * written by hand: `cell("B2", 12.5)`, `cell("A1", "text")` (inline string).
 */
import type { ZipEntrySpec } from "./rawZip.js";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export type Parts = Record<string, string | null>;

export const contentTypes = (overrides = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${
    overrides || '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  }</Types>`;

export const relationships = (rels: readonly [id: string, kind: string, target: string][]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.map(([id, kind, target]) => `<Relationship Id="${id}" Type="${REL_NS}/${kind}" Target="${target}"/>`).join("")}</Relationships>`;

export const workbook = (sheets: readonly { name: string; id: string; state?: string }[], workbookPr = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${workbookPr}<sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${s.id}"/>`)
    .join("")}</sheets></workbook>`;

/** cellXfs: style index i has number format ids[i]; `custom` defines numFmts. */
export const styles = (ids: readonly number[], custom: Record<number, string> = {}): string => {
  const numFmts = Object.entries(custom).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, "&quot;")}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">${numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : ""}<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${ids.length}">${ids.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join("")}</cellXfs></styleSheet>`;
};

export const sharedStrings = (items: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${items.map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join("")}</sst>`;

export const sheet = (rows: string, after = ""): string => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** `<c>` with a number, an inline string, or raw inner XML via { xml, t?, s? }. */
export function cell(ref: string, value: number | string | { xml: string; t?: string; s?: number }): string {
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "string") return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  return `<c r="${ref}"${value.t ? ` t="${value.t}"` : ""}${value.s !== undefined ? ` s="${value.s}"` : ""}>${value.xml}</c>`;
}

export const row = (r: number, ...cells: string[]): string => `<row r="${r}">${cells.join("")}</row>`;

/** The parts of a one-sheet workbook; `overrides` replace (or, with null, remove) parts by name. */
export function workbookParts(sheetXml: string, overrides: Parts = {}): Parts {
  return {
    "[Content_Types].xml": contentTypes(),
    "_rels/.rels": relationships([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": workbook([{ name: "Sheet1", id: "rId1" }]),
    "xl/_rels/workbook.xml.rels": relationships([
      ["rId1", "worksheet", "worksheets/sheet1.xml"],
      ["rId2", "styles", "styles.xml"],
      ["rId3", "sharedStrings", "sharedStrings.xml"],
    ]),
    "xl/styles.xml": styles([0]),
    "xl/sharedStrings.xml": sharedStrings([]),
    "xl/worksheets/sheet1.xml": sheetXml,
    ...overrides,
  };
}

export function entriesOf(parts: Parts): ZipEntrySpec[] {
  return Object.entries(parts).flatMap(([name, data]) => (data === null ? [] : [{ name, data }]));
}
