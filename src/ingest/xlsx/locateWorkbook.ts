/**
 * Which part of the package is the workbook: the `officeDocument`
 * relationship of `_rels/.rels` (wherever it points), else the conventional
 * `xl/workbook.xml`. Zips that are something else (ODS, xlsb, docx, pptx, a
 * plain archive) are told apart here, each with its own message.
 */
import { readRelationships } from "./relationships.js";
import { readXmlPart } from "./xmlStream.js";
import type { ZipPackage } from "./zipPackage.js";

const CONTENT_TYPES = "[Content_Types].xml";

export async function locateWorkbook(zip: ZipPackage): Promise<string> {
  await refuseOpenDocument(zip);
  const main = (await readRelationships(zip, "")).find((r) => r.kind === "officeDocument");
  const part = main?.part ?? (zip.has("xl/workbook.xml") ? "xl/workbook.xml" : null);
  if (part === null) {
    if (main) throw zip.fail(`names its workbook "${main.target}", which is outside the package; the file is damaged or hostile`);
    if (zip.has("xl/workbook.bin")) throw binaryWorkbook(zip);
    throw zip.fail("is a zip archive but not an xlsx workbook (it has no workbook part); was another file renamed to .xlsx?");
  }
  const kind = describeContentType(await contentTypeOf(zip, part), part);
  if (kind !== null) throw kind === "xlsb" ? binaryWorkbook(zip) : zip.fail(`is ${kind}, not an xlsx workbook; give it its real extension`);
  if (!zip.has(part)) throw zip.fail(`names its workbook "${part}", but the file holds no such part; the file is damaged`);
  return part;
}

async function refuseOpenDocument(zip: ZipPackage): Promise<void> {
  if (!zip.has("mimetype") || zip.has(CONTENT_TYPES)) return;
  const mimetype = (await zip.readSmall("mimetype", 256))?.toString("latin1").trim() ?? "";
  if (mimetype === "application/vnd.oasis.opendocument.spreadsheet") {
    throw zip.fail("is an OpenDocument spreadsheet (.ods), not an xlsx; open it and save it as .xlsx (or CSV)");
  }
  if (mimetype.startsWith("application/vnd.oasis.opendocument.")) {
    throw zip.fail(`is an OpenDocument file (${mimetype.slice("application/vnd.oasis.opendocument.".length)}), not an xlsx workbook`);
  }
}

function binaryWorkbook(zip: ZipPackage) {
  return zip.fail("is a binary Excel workbook (.xlsb), which kpi does not read; save it as .xlsx (or CSV)");
}

/** The content type [Content_Types].xml gives the part by name, or null. */
async function contentTypeOf(zip: ZipPackage, part: string): Promise<string | null> {
  if (!zip.has(CONTENT_TYPES)) return null;
  const wanted = `/${part}`.toLowerCase();
  let override: string | null = null;
  await readXmlPart(zip, CONTENT_TYPES, {
    open(name, attributes) {
      if (name === "Override" && (attributes["PartName"] ?? "").toLowerCase() === wanted) override = attributes["ContentType"] ?? null;
    },
  });
  return override;
}

/** What a main part that is surely not a workbook is; null otherwise (an unknown type: the parts decide then). */
function describeContentType(type: string | null, part: string): string | null {
  const t = (type ?? "").toLowerCase();
  if (t.includes("sheet.binary") || /\.bin$/i.test(part)) return "xlsb";
  if (t.includes("wordprocessingml") || (type === null && part.startsWith("word/"))) return "a Word document (.docx)";
  if (t.includes("presentationml") || (type === null && part.startsWith("ppt/"))) return "a PowerPoint presentation (.pptx)";
  return null;
}
