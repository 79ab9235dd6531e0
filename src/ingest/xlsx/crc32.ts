/**
 * CRC-32 (the zip polynomial), to check that an inflated part is the one the
 * archive recorded. Node's zlib.crc32 where it exists (Node 20.15+), a table
 * otherwise.
 */
import * as zlib from "node:zlib";

type Crc32 = (data: Uint8Array, previous: number) => number;

const native = (zlib as { crc32?: Crc32 }).crc32;

let table: Uint32Array | null = null;

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

function tableCrc32(data: Uint8Array, previous: number): number {
  table ??= makeTable();
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** The CRC-32 of `data` continuing from `previous` (0 to start). */
export const crc32: Crc32 = native ? (data, previous) => native(data, previous) : tableCrc32;
