/**
 * Collects text as UTF-8 in fixed-size chunks. A worksheet is written a row
 * at a time through this: rows gather in a short string that is encoded
 * every few dozen kilobytes, so no string the size of the sheet ever lives
 * (the garbage collector then copies little) and a full chunk is never
 * copied to grow.
 */

const CHUNK = 256 * 1024;
const BATCH = 32 * 1024;

export class ByteWriter {
  private readonly full: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private pending = "";

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= BATCH) this.flush();
  }

  private flush(): void {
    const text = this.pending;
    this.pending = "";
    if (this.used + text.length * 3 > this.chunk.length) {
      // UTF-8 takes at most 3 bytes per UTF-16 unit; a longer text gets a chunk of its own size
      this.full.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK, text.length * 3));
      this.used = 0;
    }
    this.used += this.chunk.write(text, this.used, "utf8");
  }

  /** `head`, what was written, then `tail`, as one buffer. */
  join(head: string, tail: string): Uint8Array {
    this.flush();
    return concatFresh([Buffer.from(head, "utf8"), ...this.full, this.chunk.subarray(0, this.used), Buffer.from(tail, "utf8")]);
  }
}

/** The parts one after another in a new buffer (Buffer.alloc, not concat: never a slice of Node's shared pool, so `.buffer` is these bytes alone). */
export function concatFresh(parts: readonly Uint8Array[]): Buffer {
  const out = Buffer.alloc(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
