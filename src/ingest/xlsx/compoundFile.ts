/**
 * What an OLE compound file (the container of legacy Office files and of
 * password-protected xlsx) holds, told from the names of its streams. The
 * directory entries are 128-byte records on 128-byte boundaries after the
 * 512-byte header, so a scan of those boundaries finds every name without
 * following the sector chains.
 */
import type { FileHandle } from "node:fs/promises";

export type CompoundFileKind = "encrypted" | "xls" | "doc" | "ppt" | "other";

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENTRY = 128;
const CHUNK = 1024 * ENTRY; // 128 KiB, a whole number of entries
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

export function isCompoundFile(head: Uint8Array): boolean {
  return head.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => head[i] === byte);
}

/** The kind of document inside, from its stream names (EncryptedPackage: an xlsx with a password). */
export async function compoundFileKind(handle: FileHandle, size: number): Promise<CompoundFileKind> {
  const names = new Set<string>();
  const buffer = Buffer.alloc(CHUNK);
  for (let position = 512; position < size; position += CHUNK) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
    for (let offset = 0; offset + ENTRY <= bytesRead; offset += ENTRY) {
      const name = entryName(buffer, offset);
      if (name !== null) names.add(name);
    }
    if (names.has("EncryptedPackage")) return "encrypted";
  }
  if (names.has("EncryptionInfo")) return "encrypted";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  if (names.has("WordDocument")) return "doc";
  if (names.has("PowerPoint Document")) return "ppt";
  return "other";
}

/** The name of the directory entry at `offset`, or null when the bytes there are not one. */
function entryName(buffer: Buffer, offset: number): string | null {
  const length = buffer.readUInt16LE(offset + 64); // bytes, with the terminating NUL
  const type = buffer[offset + 66];
  const colour = buffer[offset + 67];
  if (length < 4 || length > 64 || length % 2 !== 0) return null;
  if (type !== STREAM && type !== STORAGE && type !== ROOT) return null;
  if (colour !== 0 && colour !== 1) return null;
  if (buffer.readUInt16LE(offset + length - 2) !== 0) return null;
  const name = buffer.toString("utf16le", offset, offset + length - 2);
  return /^[\x01-\x7f][\x20-\x7e]*$/.test(name) ? name : null;
}
