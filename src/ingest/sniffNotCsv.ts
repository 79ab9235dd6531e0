/**
 * Files that are plainly not CSV text, told by their first bytes, so the
 * message says what the file is instead of listing garbled header names.
 */
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a zip file (an xlsx workbook?), not CSV text; if it is a workbook, give it the .xlsx extension" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "a legacy Excel (.xls) or other OLE file, not CSV text; save it as .xlsx or CSV" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF, not CSV text" },
  { bytes: [0x1f, 0x8b], what: "gzip-compressed; decompress it first" },
  { bytes: [0xfe, 0xff], what: "UTF-16BE text, which is not supported; save it as UTF-8 (or UTF-16LE, Excel's \"Unicode text\")" },
];

/** What the file is instead, or null when it may be CSV text. */
export function sniffNotCsv(sample: Uint8Array): string | null {
  for (const { bytes, what } of SIGNATURES) if (bytes.every((b, i) => sample[i] === b)) return what;
  return null;
}
