/** Counting physical lines in a byte range of a file, to number the rows of a part of it read elsewhere. */
import { closeSync, openSync, readSync } from "node:fs";

/** One buffer for every count (each is synchronous). */
let shared: Buffer | null = null;

/** Line breaks in bytes [from, to) of a file: LF, CRLF and a lone CR count one each. */
export function lineBreaksBetween(path: string, from: number, to: number): number {
  const fd = openSync(path, "r");
  const buf = (shared ??= Buffer.allocUnsafe(1024 * 1024));
  let breaks = 0;
  let carriedCr = false;
  try {
    for (let at = from; at < to; ) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
      if (got === 0) break;
      if (carriedCr && buf[0] !== 0x0a) breaks++; // a CR that ended the previous read was a lone CR
      carriedCr = false;
      for (let i = buf.indexOf(0x0a); i >= 0 && i < got; i = buf.indexOf(0x0a, i + 1)) breaks++;
      for (let i = buf.indexOf(0x0d); i >= 0 && i < got; i = buf.indexOf(0x0d, i + 1)) {
        if (i + 1 < got) {
          if (buf[i + 1] !== 0x0a) breaks++;
        } else carriedCr = true;
      }
      at += got;
    }
  } finally {
    closeSync(fd);
  }
  return carriedCr ? breaks + 1 : breaks;
}

