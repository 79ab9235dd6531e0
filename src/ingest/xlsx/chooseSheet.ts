/**
 * Which sheet to read: the one named in the config, else the first visible
 * worksheet in workbook order (hidden and very hidden sheets, and chart,
 * dialog and macro sheets, which hold no rows, are passed over). The part
 * comes from the sheet's relationship, wherever it points.
 */
import type { Relationship } from "./relationships.js";
import type { SheetEntry } from "./workbookPart.js";
import type { ZipPackage } from "./zipPackage.js";

/** sheets that hold no rows: the default passes over them */
const NOT_WORKSHEETS = new Set(["chartsheet", "dialogsheet", "macrosheet", "xlMacrosheet", "xlIntlMacrosheet"]);

export interface ChosenSheet {
  name: string;
  part: string;
}

export function chooseSheet(zip: ZipPackage, sheets: readonly SheetEntry[], relationships: readonly Relationship[], wanted: string | undefined): ChosenSheet {
  const relationshipOf = (sheet: SheetEntry) => relationships.find((r) => r.id === sheet.relationshipId);
  let sheet: SheetEntry | undefined;
  if (wanted !== undefined) {
    const named = sheets.filter((s) => s.name === wanted);
    if (named.length > 1) throw zip.fail(`has ${named.length} sheets named "${wanted}"; the file is damaged`);
    sheet = named[0];
    if (!sheet) throw zip.fail(`has no sheet "${wanted}"; its sheets are: ${listSheets(sheets)}`);
  } else {
    sheet = sheets.find((s) => s.state === "visible" && !NOT_WORKSHEETS.has(relationshipOf(s)?.kind ?? ""));
    if (!sheet) throw zip.fail(`has no visible worksheet; its sheets are: ${listSheets(sheets)} (name one with the source's "sheet")`);
  }
  const relationship = relationshipOf(sheet);
  if (!relationship) throw zip.fail(`sheet "${sheet.name}" points to relationship "${sheet.relationshipId ?? ""}", which the workbook does not have; the file is damaged`);
  if (relationship.kind !== "worksheet") throw zip.fail(`sheet "${sheet.name}" is a ${relationship.kind}, not a worksheet: it has no rows to read`);
  if (relationship.part === null) throw zip.fail(`sheet "${sheet.name}" points outside the file ("${relationship.target}"); refused`);
  return { name: sheet.name, part: relationship.part };
}

function listSheets(sheets: readonly SheetEntry[]): string {
  if (sheets.length === 0) return "none (is it really an xlsx workbook?)";
  return sheets.map((s) => `"${s.name}"${s.state === "visible" ? "" : ` (${s.state === "veryHidden" ? "very hidden" : "hidden"})`}`).join(", ");
}
