/**
 * The zip layer of an xlsx, on yauzl. Opening reads only the central
 * directory and refuses what no workbook holds: unsafe entry names (`../x`,
 * absolute paths), the same name twice, an absurd number of entries. Reading
 * a part streams it with its declared size checked against an inflation
 * budget *before* inflating, the stream cut at that declared size (a lying
 * size field is caught within a chunk), and its CRC-32 checked at the end.
 */
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { InputError } from "../../errors.js";
import { crc32 } from "./crc32.js";

/** No workbook has this many parts; the central directory of one that does is not read. */
export const MAX_ENTRIES = 100_000;
/** Inflation budget for one file: RATIO times its size, at least MIN_BUDGET, at most MAX_BUDGET bytes. */
export const INFLATION_RATIO = 100;
export const MIN_BUDGET = 256 * 1024 * 1024;
export const MAX_BUDGET = 4 * 1024 * 1024 * 1024;

const DEFLATE = 8;
const STORED = 0;

export class ZipPackage {
  private inflated = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry & { name: string }>,
    readonly displayName: string,
    readonly budget: number,
  ) {}

  static async open(path: string, displayName: string, fileSize: number): Promise<ZipPackage> {
    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
    } catch (error) {
      throw zipError(error, displayName);
    }
    const entries = new Map<string, Entry & { name: string }>();
    try {
      if (zip.entryCount > MAX_ENTRIES) throw new InputError(`is a zip of ${zip.entryCount} entries; no workbook has more than ${MAX_ENTRIES}`, displayName);
      for await (const entry of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        const unsafe = unsafeName(name);
        if (unsafe) throw new InputError(`holds a zip entry with an unsafe name "${name}" (${unsafe}); no workbook does: refused`, displayName);
        if (name.endsWith("/")) continue; // a folder
        const key = name.toLowerCase();
        if (entries.has(key)) throw new InputError(`holds two zip entries named "${name}"; which one is meant is ambiguous, so the file is refused`, displayName);
        entries.set(key, Object.assign(entry, { name }));
      }
    } catch (error) {
      zip.close();
      throw error instanceof InputError ? error : zipError(error, displayName);
    }
    const budget = Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, INFLATION_RATIO * fileSize));
    return new ZipPackage(zip, entries, displayName, budget);
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** The part's declared (uncompressed) size in bytes; 0 when it is missing. */
  sizeOf(part: string): number {
    return this.entries.get(part.toLowerCase())?.uncompressedSize ?? 0;
  }

  /** The part's bytes, chunk by chunk; an InputError when it is missing, too big, encrypted or damaged. */
  async *read(part: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw this.fail(`has no part "${part}", which the workbook points to; the file is damaged`);
    if (entry.isEncrypted()) throw this.fail(`part "${entry.name}" is encrypted inside the zip; kpi cannot read it: save the workbook again without a password`);
    if (entry.compressionMethod !== DEFLATE && entry.compressionMethod !== STORED) {
      throw this.fail(`part "${entry.name}" uses zip compression method ${entry.compressionMethod}, which kpi cannot read; save the workbook again from Excel`);
    }
    const declared = entry.uncompressedSize;
    if (this.inflated + declared > this.budget) {
      throw this.fail(`part "${entry.name}" would expand to ${declared} bytes, more than kpi inflates from a file of ${this.zip.fileSize} bytes (at most ${this.budget}); it looks like a zip bomb`);
    }
    this.inflated += declared;
    let stream: NodeJS.ReadableStream & { destroy(): void };
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw this.damaged(entry.name, error);
    }
    let seen = 0;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > declared) throw this.fail(`part "${entry.name}" holds more data than its size field says (${declared} bytes); the file is damaged or a zip bomb`);
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      throw error instanceof InputError ? error : this.damaged(entry.name, error);
    } finally {
      stream.destroy();
    }
    if (seen !== declared) throw this.fail(`part "${entry.name}" is shorter than its size field says; the file is damaged or truncated`);
    if (crc !== entry.crc32 >>> 0) throw this.fail(`part "${entry.name}" fails its checksum (CRC-32); the file is damaged`);
  }

  /** A small part whole (a `mimetype`), at most `max` bytes. */
  async readSmall(part: string, max: number): Promise<Buffer | null> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry || entry.uncompressedSize > max) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of this.read(part)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }

  fail(message: string, row: number | null = null, column: string | null = null): InputError {
    return new InputError(message, this.displayName, row, column);
  }

  private damaged(part: string, error: unknown): InputError {
    const message = (error as Error).message ?? String(error);
    if (/too many bytes/.test(message)) return this.fail(`part "${part}" holds more data than its size field says; the file is damaged or a zip bomb`);
    if (/not enough bytes|unexpected EOF|overflows file bounds/.test(message)) return this.fail(`part "${part}" is cut short; the file is truncated or damaged`);
    return this.fail(`part "${part}" is damaged and cannot be unzipped (${message})`);
  }
}

/** Why a zip entry name is unsafe, or null. yauzl turns backslashes into slashes first. */
function unsafeName(name: string): string | null {
  if (name.includes("\0")) return "a NUL character";
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) return "an absolute path";
  if (name.split("/").includes("..")) return "it climbs out of the package with ..";
  return null;
}

function zipError(error: unknown, displayName: string): InputError {
  const message = (error as Error).message ?? String(error);
  if (/End of central directory record signature not found/i.test(message)) {
    return new InputError("is not a complete zip archive: its end is missing (the file is truncated, e.g. an interrupted download or copy)", displayName);
  }
  if (/multi-disk/i.test(message)) return new InputError("is one part of a split (multi-disk) zip; join the parts first", displayName);
  if (/strong encryption/i.test(message)) return new InputError("is an encrypted zip; kpi cannot read it: save the workbook again without a password", displayName);
  if (/unexpected EOF|overflows file bounds/i.test(message)) return new InputError("is a damaged zip archive (its directory points past the end of the file: truncated?)", displayName);
  return new InputError(`is a damaged zip archive (${message})`, displayName);
}
