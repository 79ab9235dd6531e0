/**
 * `workbook.xml`: the sheets in workbook order (name, visibility, the
 * relationship to their part) and the date system. `date1904` is an
 * xsd:boolean, so `"1"` and `"true"` both mean the 1904 system (LibreOffice
 * writes `"true"`).
 */
import { prefixedAttribute, readXmlPart } from "./xmlStream.js";
import type { ZipPackage } from "./zipPackage.js";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  state: SheetState;
  relationshipId: string | null;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

export async function readWorkbook(zip: ZipPackage, part: string): Promise<WorkbookInfo> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let inSheets = false;
  await readXmlPart(zip, part, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = isTrue(attributes["date1904"]);
      else if (name === "sheets") inSheets = true;
      else if (name === "sheet" && inSheets) {
        sheets.push({ name: attributes["name"] ?? "", state: sheetState(attributes["state"]), relationshipId: prefixedAttribute(attributes, "id") ?? null });
      }
    },
    close(name) {
      if (name === "sheets") inSheets = false;
    },
  });
  return { sheets, date1904 };
}

/** xsd:boolean: `true` or `1` (surrounding whitespace allowed). */
function isTrue(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v === "1" || v === "true";
}

function sheetState(value: string | undefined): SheetState {
  const v = value?.trim();
  return v === "hidden" || v === "veryHidden" ? v : "visible";
}
