/**
 * Bytes in one encoding -> UTF-8 bytes for the CSV parser, failing at the
 * first byte sequence the encoding cannot hold instead of inventing U+FFFD
 * (a silently different name or id). UTF-8 is only validated and passed
 * through. Each chunk is cut after its last whole character, so an error
 * carries the exact byte offset; `lineAtOffset` turns it into a line.
 */
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { TextDecoder } from "node:util";
import type iconvLite from "iconv-lite";
import { iconvName, utf8CompleteLength, type Encoding } from "./detectEncoding.js";

/** iconv-lite (half a megabyte of code tables), loaded only once a file that is not UTF-8 is read: see `loadDecoders`. */
let iconvModule: typeof iconvLite | null = null;

/** Loads what decoding `encoding` may need; call it before `decodeSample` or `new StrictDecoder` of that encoding. UTF-8 needs nothing. */
export async function loadDecoders(encoding: Encoding): Promise<void> {
  if (encoding !== "utf-8") iconvModule ??= (await import("iconv-lite")).default;
}

function iconv(): typeof iconvLite {
  if (iconvModule === null) throw new Error("internal: iconv-lite is used before loadDecoders loaded it");
  return iconvModule;
}

/** Bytes that cannot be read in the encoding, at `offset` bytes after the stream's start. */
export class InvalidTextError extends Error {
  constructor(
    readonly encoding: Encoding,
    readonly offset: number,
    readonly bytes: readonly number[],
  ) {
    super(`invalid ${encoding} at byte ${offset}`);
    this.name = "InvalidTextError";
  }
}

/** How the encoding is shown in messages. */
export function encodingLabel(encoding: Encoding): string {
  return { "utf-8": "UTF-8", gbk: "GBK", gb18030: "GB18030", "utf-16le": "UTF-16LE", latin1: "Windows-1252 (latin1)" }[encoding];
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/**
 * A decoder that throws on invalid input, or null when this Node has no such
 * decoder (a build without full ICU). Windows-1252 never fails: its five
 * unassigned bytes become the C1 controls of the same number, as WHATWG
 * says (Node's own "windows-1252" TextDecoder is ISO-8859-1: 0x80 is not €).
 */
function fatalDecoder(encoding: Encoding): Decoder | null {
  if (encoding === "latin1") return { decode: decodeWindows1252 };
  try {
    return new TextDecoder(encoding === "gbk" ? "gb18030" : encoding, { fatal: true }); // the WHATWG "gbk" decoder is the GB18030 one
  } catch {
    return null;
  }
}

function decodeWindows1252(bytes: Uint8Array): string {
  const text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");
  if (!text.includes("\uFFFD")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) out += text[i] === "\uFFFD" ? String.fromCharCode(bytes[i] ?? 0) : text[i];
  return out;
}

/** Decode a sample leniently (for sniffing the delimiter): a character cut at the end is dropped. */
export function decodeSample(sample: Uint8Array, encoding: Encoding): string {
  const whole = Buffer.from(sample.subarray(0, completeLength(sample, encoding)));
  const lenient = (): string => (encoding === "utf-8" ? whole.toString("utf8") : iconv().decode(whole, iconvName(encoding)));
  try {
    return fatalDecoder(encoding)?.decode(whole) ?? lenient();
  } catch {
    return lenient(); // invalid bytes: the stream will say where
  }
}

/** How many leading bytes hold whole characters (the rest waits for the next chunk). */
export function completeLength(bytes: Uint8Array, encoding: Encoding): number {
  switch (encoding) {
    case "utf-8":
      return utf8CompleteLength(bytes);
    case "utf-16le": {
      const even = bytes.length & ~1;
      const last = even >= 2 ? (bytes[even - 1] ?? 0) : 0;
      return last >= 0xd8 && last <= 0xdb ? even - 2 : even; // a high surrogate waits for its pair
    }
    case "gbk":
    case "gb18030":
      return gbCompleteLength(bytes);
    case "latin1":
      return bytes.length;
  }
}

/** GB18030: a byte below 0x30 is never part of a multi-byte character, so a chunk can end after the last one. */
function gbCompleteLength(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 4096; i--) if ((bytes[i] ?? 0) < 0x30) return i + 1;
  return gbWalk(bytes); // no such byte nearby
}

/** GB18030: the length of the whole characters at the start, walking them one by one. */
function gbWalk(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b1 = bytes[i] ?? 0;
    const size = b1 < 0x80 ? 1 : (bytes[i + 1] ?? 0) >= 0x30 && (bytes[i + 1] ?? 0) <= 0x39 ? 4 : 2;
    if (i + size > bytes.length) break;
    i += size;
  }
  return i;
}

export class StrictDecoder extends Transform {
  private readonly decoder: Decoder | null;
  private readonly lenient: iconvLite.DecoderStream | null;
  private pending: Buffer = Buffer.alloc(0);
  private consumed = 0;

  constructor(private readonly encoding: Encoding) {
    super();
    this.decoder = encoding === "utf-8" ? null : fatalDecoder(encoding);
    this.lenient = encoding !== "utf-8" && this.decoder === null ? iconv().getDecoder(iconvName(encoding)) : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const cut = completeLength(bytes, this.encoding);
    this.pending = Buffer.from(bytes.subarray(cut));
    callback(this.pass(bytes.subarray(0, cut)));
  }

  override _flush(callback: TransformCallback): void {
    if (this.pending.length > 0) return callback(new InvalidTextError(this.encoding, this.consumed, [...this.pending.subarray(0, 4)]));
    if (this.lenient) {
      const rest = this.lenient.end();
      if (rest) this.push(Buffer.from(rest, "utf8"));
    }
    callback();
  }

  /** Push one run of whole characters, or say where it stops being valid. */
  private pass(piece: Buffer): InvalidTextError | null {
    if (piece.length === 0) return null;
    if (this.encoding === "utf-8") {
      if (!isUtf8(piece)) return this.invalid(piece);
      this.push(piece);
    } else if (this.decoder) {
      let text: string;
      try {
        text = this.decoder.decode(piece);
      } catch {
        return this.invalid(piece);
      }
      this.push(Buffer.from(text, "utf8"));
    } else {
      this.push(Buffer.from(this.lenient?.write(piece) ?? "", "utf8")); // no strict decoder in this Node: as iconv-lite reads it
    }
    this.consumed += piece.length;
    return null;
  }

  private invalid(piece: Buffer): InvalidTextError {
    const at = firstInvalidByte(piece, this.encoding);
    return new InvalidTextError(this.encoding, this.consumed + at, [...piece.subarray(at, at + 4)]);
  }
}

/** The offset of the byte where a run of whole characters first stops being valid (a binary search over its prefixes). */
function firstInvalidByte(piece: Uint8Array, encoding: Encoding): number {
  const name = encoding === "gbk" ? "gb18030" : encoding;
  const fails = (length: number): boolean => {
    try {
      new TextDecoder(name, { fatal: true }).decode(piece.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 0; // fails(lo) is false
  let hi = piece.length; // fails(hi) is true
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  // the sequence that fails ends at byte hi - 1; report where it starts (at most 3 bytes back, after whole characters)
  const before = piece.subarray(0, hi - 1);
  return Math.max(0, Math.min(hi - 1, encoding === "gbk" || encoding === "gb18030" ? gbWalk(before) : completeLength(before, encoding)));
}

/**
 * The 1-based physical line holding byte `offset` of the text that starts at
 * byte `start` of the file (CRLF, CR and LF each end a line). A line break is
 * a plain byte in every encoding but UTF-16LE, where it is a 16-bit unit.
 */
export async function lineAtOffset(path: string, start: number, offset: number, encoding: Encoding): Promise<number> {
  if (offset <= 0) return 1;
  const step = encoding === "utf-16le" ? 2 : 1;
  let line = 1;
  let afterCr = false;
  let odd: number | null = null; // a UTF-16 unit cut between chunks
  for await (const chunk of createReadStream(path, { start, end: start + offset - 1 }) as AsyncIterable<Buffer>) {
    let i = 0;
    if (odd !== null) {
      afterCr = countBreak(odd | ((chunk[0] ?? 0) << 8), afterCr, () => line++);
      odd = null;
      i = 1;
    }
    for (; i + step <= chunk.length; i += step) {
      const unit = step === 1 ? (chunk[i] ?? 0) : (chunk[i] ?? 0) | ((chunk[i + 1] ?? 0) << 8);
      afterCr = countBreak(unit, afterCr, () => line++);
    }
    if (i < chunk.length) odd = chunk[i] ?? 0;
  }
  return line;
}

/** One character (byte or UTF-16 unit) of the line count: returns whether it was a CR. */
function countBreak(unit: number, afterCr: boolean, newLine: () => void): boolean {
  if (unit === 10) {
    if (!afterCr) newLine();
    return false;
  }
  if (unit === 13) {
    newLine();
    return true;
  }
  return false;
}
