/**
 * Streams a text file line by line: lines are gathered into ~1 MB chunks and
 * written with backpressure, into a temp name renamed into place at the end,
 * so a half-written file never looks finished.
 */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { finished } from "node:stream/promises";

const CHUNK_CHARS = 1 << 20;

/** Writes `header` and then `line(i)` for i in [0, count); each piece ends with its own "\n". */
export async function writeLinesFile(file: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const temp = `${file}.partial`;
  const out = createWriteStream(temp);
  try {
    let chunk = header;
    for (let i = 0; i < count; i++) {
      chunk += line(i);
      if (chunk.length >= CHUNK_CHARS) {
        if (!out.write(chunk)) await once(out, "drain");
        chunk = "";
      }
    }
    out.end(chunk);
    await finished(out);
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
  await rename(temp, file);
}
