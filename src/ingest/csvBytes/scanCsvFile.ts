/**
 * A UTF-8 CSV file (or a byte range of one), read in large synchronous
 * chunks and split into records by the byte scanner. Bytes that are not
 * UTF-8, and any structure the scanner does not read (see byteScanner), stop
 * the scan with `Irregular`: the caller then reads the whole source the
 * straightforward way, which reports the problem with its line.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { utf8CompleteLength } from "../detectEncoding.js";
import { MAX_RECORD_CHARS } from "../csvLimits.js";
import { RecordView, scanRecords } from "./byteScanner.js";

/** This file is not for the byte scanner; read the source the straightforward way. */
export class Irregular extends Error {
  constructor(reason: string) {
    super(`not read by the byte scanner: ${reason}`);
    this.name = "Irregular";
  }
}

export interface ByteRange {
  /** the offset of the first record (after any BOM) */
  start: number;
  /** the end of the range: the file's size, or where the next part begins */
  end: number;
  /** the physical line of the record at `start` */
  line: number;
  /** the range ends inside the file: a record cut at `end` is left for the next part */
  partial?: boolean;
}

/** Where a scan stopped: the offset after its last record, and the line that starts there. */
export interface ScanEnd {
  offset: number;
  line: number;
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** The chunk buffer of the last scan, for the next one (a thread reads many parts: fresh 4 MB each time would be paged in each time). */
let spare: Buffer | null = null;

export function scanCsvFile(path: string, delimiter: string, range: ByteRange, onRecord: (view: RecordView) => void, chunkBytes = CHUNK_BYTES): ScanEnd {
  const fd = openSync(path, "r");
  try {
    return scanOpen(fd, delimiter.charCodeAt(0), range, onRecord, chunkBytes);
  } finally {
    closeSync(fd);
  }
}

function scanOpen(fd: number, delimiter: number, range: ByteRange, onRecord: (view: RecordView) => void, chunkBytes: number): ScanEnd {
  const view = new RecordView();
  const buf = spare !== null && spare.length === chunkBytes ? spare : Buffer.allocUnsafe(chunkBytes);
  spare = null; // a scan started from a callback of this one gets its own
  try {
    return scanChunks(fd, delimiter, range, onRecord, view, buf);
  } finally {
    if (buf.length === chunkBytes) spare = buf;
  }
}

function scanChunks(fd: number, delimiter: number, range: ByteRange, onRecord: (view: RecordView) => void, view: RecordView, buf: Buffer): ScanEnd {
  let bufAt = range.start; // file offset of buf[0]
  let filled = 0;
  let checked = 0; // buf[0, checked) is known to be UTF-8
  let line = range.line;
  for (;;) {
    if (filled === buf.length) {
      if (buf.length > MAX_RECORD_CHARS) throw new Irregular("a record longer than the limit");
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    }
    const want = Math.min(buf.length - filled, range.end - (bufAt + filled));
    const got = want > 0 ? readSync(fd, buf, filled, want, bufAt + filled) : 0;
    filled += got;
    const final = got === 0 || bufAt + filled >= range.end;
    const complete = final ? filled : checked + utf8CompleteLength(buf.subarray(checked, filled));
    if (!isUtf8(buf.subarray(checked, complete)) || (final && !range.partial && utf8CompleteLength(buf.subarray(0, filled)) !== filled)) {
      throw new Irregular("bytes that are not UTF-8");
    }
    checked = complete;
    view.base = bufAt;
    const stopped = scanRecords(view, buf, 0, filled, final && !range.partial, delimiter, line, onRecord);
    if (stopped === "irregular") throw new Irregular("quotes the scanner does not read");
    line = view.nextLine;
    if (final) return { offset: bufAt + stopped, line };
    buf.copy(buf, 0, stopped, filled);
    bufAt += stopped;
    filled -= stopped;
    checked -= stopped;
  }
}
