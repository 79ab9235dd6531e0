/**
 * `sharedStrings.xml`, the workbook's string table: cells of type `s` hold an
 * index into it. It is the one part held whole in memory, so it is capped.
 * An entry is the text of its `<t>` elements, plain or in rich-text runs
 * (`<r>`); phonetic guides (`<rPh>`, furigana) are not part of the text.
 */
import { unescapeOoxml } from "./ooxmlText.js";
import { readXmlPart } from "./xmlStream.js";
import type { ZipPackage } from "./zipPackage.js";

export const MAX_SHARED_STRINGS = 16_777_216;
export const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;

export async function readSharedStrings(zip: ZipPackage, part: string | null): Promise<readonly string[]> {
  if (part === null || !zip.has(part)) return [];
  const size = zip.sizeOf(part);
  if (size > MAX_SHARED_STRINGS_BYTES) {
    throw zip.fail(`has a string table of ${size} bytes; kpi holds at most ${MAX_SHARED_STRINGS_BYTES} (save the data as CSV instead)`);
  }
  const strings: string[] = [];
  let text: string | null = null; // inside <si>
  let phonetic = 0; // inside <rPh>
  let inT = false;
  await readXmlPart(zip, part, {
    open(name) {
      if (name === "si") text = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && text !== null && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && text !== null) {
        if (strings.length === MAX_SHARED_STRINGS) throw zip.fail(`has more than ${MAX_SHARED_STRINGS} shared strings; kpi holds at most that many (save the data as CSV instead)`);
        strings.push(unescapeOoxml(text));
        text = null;
      }
    },
    text(chunk) {
      if (inT) text += chunk;
    },
  });
  return strings;
}
