/**
 * Before unzipping: is the file there, and is it a zip at all? A renamed CSV,
 * HTML table, PDF, legacy .xls or password-protected workbook each gets its
 * own message, so the user knows what to do.
 */
import { open, type FileHandle } from "node:fs/promises";
import { InputError } from "../../errors.js";
import { compoundFileKind, isCompoundFile, type CompoundFileKind } from "./compoundFile.js";

const HEAD = 512;

/** The file's size in bytes, once it is known to start like a zip; an InputError otherwise. */
export async function sniffFile(path: string, displayName: string): Promise<number> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw openError(error, displayName);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError("is a folder, not an xlsx workbook", displayName);
    if (info.size === 0) throw new InputError("is empty (0 bytes), not an xlsx workbook", displayName);
    const head = Buffer.alloc(Math.min(HEAD, info.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      if (bytes[2] === 0x03 && bytes[3] === 0x04) return info.size;
      if (bytes[2] === 0x05 && bytes[3] === 0x06) throw new InputError("is an empty zip archive, not an xlsx workbook", displayName);
    }
    if (isCompoundFile(bytes)) throw new InputError(compoundFileMessage(await compoundFileKind(handle, info.size)), displayName);
    throw new InputError(`is not an xlsx workbook (it looks like ${describeBytes(bytes)}); give it its real extension`, displayName);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw openError(error, displayName);
  } finally {
    await handle.close();
  }
}

function openError(error: unknown, displayName: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError("file not found", displayName);
  if (code === "EISDIR") return new InputError("is a folder, not an xlsx workbook", displayName);
  return new InputError(`cannot open: ${(error as Error).message}`, displayName);
}

function compoundFileMessage(kind: CompoundFileKind): string {
  switch (kind) {
    case "encrypted":
      return "is password-protected (an encrypted workbook); kpi cannot read it: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again";
    case "xls":
      return "is a legacy Excel 97-2003 workbook (.xls), not an xlsx; open it in Excel and save it as .xlsx (or CSV)";
    case "doc":
      return "is a legacy Word document (.doc), not an xlsx workbook";
    case "ppt":
      return "is a legacy PowerPoint file (.ppt), not an xlsx workbook";
    case "other":
      return "is a legacy Office file (an OLE compound document), not an xlsx workbook; save it as .xlsx (or CSV)";
  }
}

/** A guess at what a non-zip file is, for the message. */
function describeBytes(bytes: Buffer): string {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "a PDF";
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "a gzip archive";
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "UTF-16 text (CSV or tab-separated?)";
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<")) return "HTML or XML";
  const controls = [...bytes].filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
  return controls > bytes.length / 20 ? "binary data of an unknown kind" : "text (CSV?)";
}
