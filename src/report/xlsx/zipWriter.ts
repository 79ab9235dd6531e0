import { promisify } from "node:util";
import zlib from "node:zlib";
import { concatFresh } from "./byteWriter.js";

/**
 * A minimal zip writer for xlsx packages: deflated entries, no directories,
 * no extra fields, no zip64 (an xlsx over 4 GiB is far beyond Excel). Every
 * entry carries the same fixed time and the writer adds nothing about the
 * host or user, so the bytes depend only on the entries given. An entry is
 * compressed on libuv's thread pool as soon as it is added, so a workbook's
 * sheets deflate while the next sheet is being written.
 */

export interface ZipEntry {
  /** ASCII path inside the package, e.g. `xl/workbook.xml` */
  name: string;
  data: Uint8Array;
}

/** 2000-01-01 00:00:00 in MS-DOS date and time fields. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const VERSION = 20; // 2.0: deflate
const DEFLATE = 8;
const MAX_32 = 0xffffffff;
/** zlib level 5: for a 1,000-rep report.xlsx, 0.5% larger than level 6 and a quarter faster */
const LEVEL = 5;

const deflateRaw = promisify(zlib.deflateRaw);

let table: Uint32Array | undefined;

/** CRC-32 (IEEE), the table-driven way; for Node before 20.15, which has no zlib.crc32. */
export function crc32Table(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const crc32: (data: Uint8Array) => number = typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) >>> 0 : crc32Table;

interface Pending {
  name: Buffer;
  size: number;
  crc: number;
  compressed: Promise<Buffer>;
}

/** The header fields shared by an entry's local header (at `at` 4) and its central directory record (at 6). */
function writeCommon(target: Buffer, at: number, entry: Pending, compressedSize: number): void {
  target.writeUInt16LE(VERSION, at); // version needed to extract
  target.writeUInt16LE(0, at + 2); // flags
  target.writeUInt16LE(DEFLATE, at + 4);
  target.writeUInt16LE(DOS_TIME, at + 6);
  target.writeUInt16LE(DOS_DATE, at + 8);
  target.writeUInt32LE(entry.crc, at + 10);
  target.writeUInt32LE(compressedSize, at + 14);
  target.writeUInt32LE(entry.size, at + 18);
  target.writeUInt16LE(entry.name.length, at + 22);
  // extra field length 0; in the central record also comment, disk, attributes: all 0 (Buffer.alloc)
}

export class ZipWriter {
  private readonly entries: Pending[] = [];

  /** Adds an entry and starts compressing it; the archive keeps the order of adding. */
  add(name: string, data: Uint8Array): void {
    if (this.entries.length === 0xffff) throw new Error("more than 65535 zip entries");
    if (data.length > MAX_32) throw new Error(`${name}: too large for a zip without zip64`);
    // one output chunk for the whole entry: one trip to the thread pool, even while the main thread is busy
    const compressed = deflateRaw(data, { level: LEVEL, chunkSize: Math.max(64 * 1024, data.length + 1024) });
    compressed.catch(() => undefined); // awaited in finish(); never an unhandled rejection if the caller stops first
    this.entries.push({ name: Buffer.from(name, "utf8"), size: data.length, crc: crc32(data), compressed });
  }

  /** The archive. */
  async finish(): Promise<Uint8Array> {
    const compressed = await Promise.all(this.entries.map((entry) => entry.compressed));
    const parts: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    this.entries.forEach((entry, i) => {
      const data = compressed[i] ?? Buffer.alloc(0);
      if (data.length > MAX_32 || offset > MAX_32) throw new Error("too large for a zip without zip64");
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      writeCommon(local, 4, entry, data.length);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
      writeCommon(record, 6, entry, data.length);
      record.writeUInt32LE(offset, 42);
      parts.push(local, entry.name, data);
      central.push(record, entry.name);
      offset += local.length + entry.name.length + data.length;
    });
    const centralSize = central.reduce((sum, part) => sum + part.length, 0);
    if (offset > MAX_32) throw new Error("too large for a zip without zip64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8); // entries on this disk
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return concatFresh([...parts, ...central, end]);
  }
}

/** The zip archive of `entries`, in the order given. */
export function zip(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const writer = new ZipWriter();
  for (const { name, data } of entries) writer.add(name, data);
  return writer.finish();
}
