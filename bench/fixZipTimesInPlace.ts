/**
 * exceljs's streaming writer (through archiver) stamps every zip entry with
 * the current time. This sets every entry's DOS time and date, in the central
 * directory and in the local headers, to one fixed value by positioned writes:
 * only the central directory is read, never the whole file.
 */
import { open } from "node:fs/promises";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;

export async function fixZipTimesInPlace(file: string, year = 2026, month = 11, day = 16): Promise<void> {
  const dosStamp = Buffer.alloc(4);
  dosStamp.writeUInt16LE(0, 0);
  dosStamp.writeUInt16LE(((year - 1980) << 9) | (month << 5) | day, 2);
  const handle = await open(file, "r+");
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, EOCD_SIZE + 0xffff);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - EOCD_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${file}: not a zip (no end of central directory)`);
    const entries = tail.readUInt16LE(eocd + 10);
    const centralSize = tail.readUInt32LE(eocd + 12);
    const centralAt = tail.readUInt32LE(eocd + 16);
    const central = Buffer.alloc(centralSize);
    await handle.read(central, 0, centralSize, centralAt);
    const header = Buffer.alloc(4);
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (central.readUInt32LE(p) !== CENTRAL) throw new Error(`${file}: bad central directory entry at ${centralAt + p}`);
      dosStamp.copy(central, p + 12);
      const local = central.readUInt32LE(p + 42);
      await handle.read(header, 0, 4, local);
      if (header.readUInt32LE(0) !== LOCAL) throw new Error(`${file}: bad local header at ${local}`);
      await handle.write(dosStamp, 0, 4, local + 10);
      p += 46 + central.readUInt16LE(p + 28) + central.readUInt16LE(p + 30) + central.readUInt16LE(p + 32);
    }
    await handle.write(central, 0, centralSize, centralAt);
  } finally {
    await handle.close();
  }
}
