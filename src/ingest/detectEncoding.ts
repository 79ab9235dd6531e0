/**
 * Which text encoding a CSV is in, from its first bytes: a BOM says so;
 * otherwise valid UTF-8 is UTF-8, bytes shaped like GB18030 Chinese text are
 * GB18030 (a superset of GBK), and anything else is Windows-1252 (what
 * "latin1" means in practice for files saved by Excel).
 */
import { isUtf8 as nodeIsUtf8 } from "node:buffer";

export type Encoding = "utf-8" | "gbk" | "gb18030" | "utf-16le" | "latin1";

export interface DetectedEncoding {
  encoding: Encoding;
  /** bytes of BOM to skip */
  bomLength: number;
}

export function detectEncoding(sample: Uint8Array, declared: Encoding | "auto"): DetectedEncoding {
  const bom = bomOf(sample);
  if (declared !== "auto") return { encoding: declared, bomLength: bom && bom.encoding === declared ? bom.bomLength : 0 };
  if (bom) return bom;
  // before the UTF-8 test: ASCII in UTF-16LE is also valid (if odd) UTF-8, full of NULs
  if (looksLikeUtf16le(sample)) return { encoding: "utf-16le", bomLength: 0 };
  if (isUtf8(sample)) return { encoding: "utf-8", bomLength: 0 };
  if (looksLikeGb18030(sample)) return { encoding: "gb18030", bomLength: 0 };
  return { encoding: "latin1", bomLength: 0 };
}

/** The BOM at the start of a sample, if any (UTF-8 or UTF-16LE: the two encodings with one). */
export function bomOf(sample: Uint8Array): DetectedEncoding | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  return null;
}

/** How many leading bytes hold whole UTF-8 characters: an incomplete trailing sequence (at most 3 bytes) is left out. */
export function utf8CompleteLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = bytes[end - i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (need > i) return end - i;
    }
    break;
  }
  return end;
}

/** Valid UTF-8, allowing a multi-byte character cut at the end of the sample. */
export function isUtf8(sample: Uint8Array): boolean {
  return nodeIsUtf8(sample.subarray(0, utf8CompleteLength(sample)));
}

/** UTF-16LE without a BOM: ASCII text with a zero in every odd byte. */
function looksLikeUtf16le(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 512) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (sample[i] === 0) zeros++;
  return zeros > (n / 2) * 0.8;
}

/**
 * Bytes shaped like GB18030 text with Chinese in it: every byte above 0x7F
 * starts a well-formed two- or four-byte character, and most two-byte
 * characters lie in the GB2312 area (both bytes 0xA1 or above), where common
 * Chinese is. Windows-1252 text with an accented letter before an ASCII
 * letter ("Müller": FC 6C) is also well-formed GBK, but falls outside that
 * area, so it is not taken for Chinese. A character cut at the end of the
 * sample is ignored.
 */
export function looksLikeGb18030(sample: Uint8Array): boolean {
  let common = 0;
  let other = 0;
  const n = sample.length;
  let i = 0;
  while (i < n) {
    const b1 = sample[i] ?? 0;
    if (b1 < 0x80) {
      i++;
      continue;
    }
    if (b1 === 0x80 || b1 === 0xff) return false;
    if (i + 1 >= n) break;
    const b2 = sample[i + 1] ?? 0;
    if (b2 >= 0x30 && b2 <= 0x39) {
      if (i + 3 >= n) break;
      const b3 = sample[i + 2] ?? 0;
      const b4 = sample[i + 3] ?? 0;
      if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return false;
      common++; // four bytes: characters outside GBK (CJK extensions, emoji)
      i += 4;
      continue;
    }
    if (b2 < 0x40 || b2 === 0x7f || b2 === 0xff) return false;
    if (b1 >= 0xa1 && b2 >= 0xa1) common++;
    else other++;
    i += 2;
  }
  return common > 0 && common > other;
}

/** The iconv-lite name of an encoding. */
export function iconvName(encoding: Encoding): string {
  return encoding === "latin1" ? "windows-1252" : encoding;
}
