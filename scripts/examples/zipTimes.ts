/**
 * exceljs (through JSZip) stamps every zip entry with the current local time,
 * so two runs never give the same bytes. This rewrites every entry's DOS
 * time and date, in the central directory and in the local headers, to one
 * fixed value. Nothing else in the archive changes (CRCs cover data only).
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function fixZipTimes(zip: Buffer, year = 2026, month = 11, day = 25): Buffer {
  const out = Buffer.from(zip);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const dosTime = 0;
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== CENTRAL) throw new Error(`bad central directory entry at ${p}`);
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error(`bad local header at ${local}`);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
