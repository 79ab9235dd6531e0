/**
 * Which text encoding a CSV is in, from its first bytes: a BOM says so;
 * otherwise valid UTF-8 is UTF-8, text that reads as GB18030 with Chinese
 * characters is GB18030 (a superset of GBK), and anything else is Windows-1252
 * (what "latin1" means in practice for files saved by Excel).
 */
import iconv from "iconv-lite";

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
  const asGb = iconv.decode(Buffer.from(sample), "gb18030");
  if (!asGb.includes("\uFFFD") && /[\u4e00-\u9fff]/.test(asGb)) return { encoding: "gb18030", bomLength: 0 };
  return { encoding: "latin1", bomLength: 0 };
}

function bomOf(sample: Uint8Array): DetectedEncoding | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  return null;
}

/** Valid UTF-8, allowing a multi-byte character cut at the end of the sample. */
export function isUtf8(sample: Uint8Array): boolean {
  let end = sample.length;
  // back off an incomplete trailing sequence (at most 3 continuation bytes)
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = sample[end - i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (need > i) end -= i;
    }
    break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** UTF-16LE without a BOM: ASCII text with a zero in every odd byte. */
function looksLikeUtf16le(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 512) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (sample[i] === 0) zeros++;
  return zeros > (n / 2) * 0.8;
}

/** The iconv-lite name of an encoding. */
export function iconvName(encoding: Encoding): string {
  return encoding === "latin1" ? "windows-1252" : encoding;
}
