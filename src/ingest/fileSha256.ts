/** A file's SHA-256, as hex, for the Run sheet: streamed beside other work on the main thread, or read in large synchronous chunks on a reader thread. */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readSync } from "node:fs";

const CHUNK_BYTES = 1024 * 1024;

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path, { highWaterMark: CHUNK_BYTES })
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

export function sha256FileSync(path: string, buf: Buffer = Buffer.allocUnsafe(CHUNK_BYTES)): string {
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    for (let got = readSync(fd, buf); got > 0; got = readSync(fd, buf)) hash.update(buf.subarray(0, got));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
