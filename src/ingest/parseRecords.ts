/**
 * A csv-parse stream driven so that no record is lost to an error: the
 * parser is never paused (a paused stream that fails drops the records it
 * buffered, and the error would then name the wrong line); memory stays
 * bounded by pausing the text that feeds it instead. Yields every record
 * parsed before a failure, then throws the failure.
 */
import type { Readable } from "node:stream";
import type { Parser } from "csv-parse";

export interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

const QUEUE_HIGH = 8192;

export async function* parseRecords(source: Readable, parser: Parser): AsyncGenerator<ParsedRecord> {
  const queue: ParsedRecord[] = [];
  let head = 0;
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };
  const fail = (error: unknown): void => {
    failure ??= error;
    source.pause();
    signal();
  };
  parser.on("data", (chunk: ParsedRecord) => {
    queue.push(chunk);
    signal();
  });
  parser.on("error", fail);
  parser.on("end", () => {
    ended = true;
    signal();
  });
  parser.on("drain", () => queue.length - head < QUEUE_HIGH && failure === null && source.resume());
  source.on("error", fail);
  source.on("data", (chunk: Buffer) => {
    if (failure !== null) return;
    if (!parser.write(chunk) || queue.length - head >= QUEUE_HIGH) source.pause();
  });
  source.on("end", () => failure === null && parser.end());
  for (;;) {
    if (head < queue.length) {
      yield queue[head++] as ParsedRecord;
      if (head === queue.length) {
        queue.length = 0;
        head = 0;
        if (source.isPaused() && failure === null && !parser.writableNeedDrain) source.resume();
      }
      continue;
    }
    if (failure !== null) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
