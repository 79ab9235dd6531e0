/**
 * `styles.xml`, for one question: which cell styles (`<c s="N">`) show a
 * number as a date? Custom formats (`<numFmts>`) override built-in ids.
 */
import { isDateFormatCode, isDateFormatId } from "./numberFormats.js";
import { readXmlPart } from "./xmlStream.js";
import type { ZipPackage } from "./zipPackage.js";

/** index = the `s` of a cell; true when its format is a date or time format */
export type DateStyles = readonly boolean[];

export async function readDateStyles(zip: ZipPackage, part: string | null): Promise<DateStyles> {
  if (part === null || !zip.has(part)) return [];
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  await readXmlPart(zip, part, {
    open(name, attributes) {
      if (name === "numFmts") inNumFmts = true;
      else if (name === "numFmt" && inNumFmts) custom.set(Number(attributes["numFmtId"]), attributes["formatCode"] ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formatIds.push(Number(attributes["numFmtId"] ?? 0));
    },
    close(name) {
      if (name === "numFmts") inNumFmts = false;
      else if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formatIds.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : isDateFormatId(id);
  });
}
