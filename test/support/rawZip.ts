/**
 * A zip writer for hostile-input tests: every header field can lie. Entries
 * are deflated (or stored) with zlib; `declaredSize`, `crc`, `flags` and
 * duplicate or unsafe names are written as given, which no zip library allows.
 */
import { deflateRawSync } from "node:zlib";
import { crc32 as crcOf } from "../../src/ingest/xlsx/crc32.js";

export interface ZipEntrySpec {
  name: string;
  data: string | Uint8Array;
  /** 8 = deflate (default), 0 = stored */
  method?: 0 | 8;
  /** the uncompressed size written in the headers (default: the real one) */
  declaredSize?: number;
  crc?: number;
  /** general purpose flags (bit 0: encrypted) */
  flags?: number;
  /** already-compressed bytes to write as they are (for a bomb built once) */
  compressed?: Uint8Array;
}

const crc32 = (data: Uint8Array): number => crcOf(data, 0) >>> 0;

export function zipBytes(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : Buffer.from(entry.data);
    const method = entry.method ?? 8;
    const body = entry.compressed ? Buffer.from(entry.compressed) : method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, "utf8");
    const size = entry.declaredSize ?? data.length;
    const crc = entry.crc ?? crc32(data);
    const flags = (entry.flags ?? 0) | 0x800; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
