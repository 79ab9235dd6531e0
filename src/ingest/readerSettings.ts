/**
 * How record sources are read, from the environment (for benchmarks, tests
 * and the rare machine where the defaults are wrong; none changes a result):
 *
 * - `KPI_THREADS=N`: threads a large CSV file is read on (default: the
 *   cores, at most 4; 1 reads everything on the main thread);
 * - `KPI_PART_MIN_BYTES=N`: files from this size up are read in parts
 *   (default 16 MiB: a reader thread costs about 50–100 ms to start);
 * - `KPI_READER=csv-parse`: never use the byte scanner, read every CSV
 *   the straightforward way (to compare the two).
 */
import { availableParallelism } from "node:os";
import { isXlsx } from "./resolveFiles.js";

export interface ReaderSettings {
  threads: number;
  partMinBytes: number;
  straightforward: boolean;
}

const DEFAULT_PART_MIN_BYTES = 16 * 1024 * 1024;
const MAX_THREADS = 16;

export function readerSettings(env: NodeJS.ProcessEnv = process.env): ReaderSettings {
  const threads = Number(env["KPI_THREADS"]);
  const partMinBytes = Number(env["KPI_PART_MIN_BYTES"]);
  return {
    threads: Number.isInteger(threads) && threads >= 1 ? Math.min(threads, MAX_THREADS) : Math.min(availableParallelism(), 4),
    partMinBytes: Number.isInteger(partMinBytes) && partMinBytes > 0 ? partMinBytes : DEFAULT_PART_MIN_BYTES,
    straightforward: env["KPI_READER"] === "csv-parse",
  };
}

/** Whether a file of a source is read in parts on reader threads, by the settings: a CSV of partMinBytes or more, of a source without a key (duplicates are judged across the whole source). */
export function readInParts(source: { key?: string | undefined }, path: string, size: number, settings: ReaderSettings = readerSettings()): boolean {
  return settings.threads > 1 && !settings.straightforward && source.key === undefined && !isXlsx(path) && size >= settings.partMinBytes;
}
