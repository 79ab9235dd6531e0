/**
 * Read every source of a loaded config. The roster and the targets file are
 * small and held whole; every other source is streamed, record by record,
 * into the sink the caller gives for it. Also fingerprints each file (SHA-256)
 * for the Run sheet: on this thread while it reads, or, with reader threads,
 * on one of them with no part left to read (a large file's as soon as its
 * parts are all handed out). With output, the only stage that
 * touches files.
 */
import type { LoadedConfig } from "../config/loadConfig.js";
import { InputError } from "../errors.js";
import type { Config } from "../config/schema.js";
import { RESERVED_SOURCES, dateColumnsOf } from "../config/scopes.js";
import type { ReaderPool } from "./parallel/readerPool.js";
import { sha256File } from "./fileSha256.js";
import { readerSettings } from "./readerSettings.js";
import { readSource, type ReadSourceContext, type RecordSink } from "./readSource.js";
import { resolveFiles } from "./resolveFiles.js";
import type { SourceData, SourceRecord, SourceSummary } from "./sourceData.js";

export interface IngestedFile {
  source: string;
  display: string;
  path: string;
  sha256: string;
}

export interface Ingested {
  /** every source, in config order */
  sources: Map<string, SourceSummary>;
  /** the sources held whole: the roster and the targets file */
  held: Map<string, SourceData>;
  files: IngestedFile[];
}

export type Progress = (source: string, rowsRead: number) => void;

/** The roster and the targets file, held whole (they grow with reps, not with activity). */
export async function readHeldSources(loaded: LoadedConfig, progress?: Progress): Promise<{ held: Map<string, SourceData>; files: IngestedFile[] }> {
  const held = new Map<string, SourceData>();
  const files: IngestedFile[] = [];
  for (const name of Object.keys(loaded.config.sources).filter((n) => RESERVED_SOURCES.has(n))) {
    const records: SourceRecord[] = [];
    const sink: RecordSink = { add: (r) => records.push(r), reset: () => (records.length = 0) };
    const { summary, fingerprints } = await readOne(loaded, name, () => sink, progress);
    held.set(name, { ...summary, records });
    files.push(...(await fingerprints));
  }
  return { held, files };
}

/**
 * Every record source, streamed into the sink `sinkFor` gives it. The
 * sources are read side by side: while this thread merges the parts of one,
 * the reader threads go on with the next. When several fail, the first in
 * config order is the error reported. The files' fingerprints may still be
 * being worked out (by the reader threads) when the sources are read.
 */
export async function streamRecordSources(
  loaded: LoadedConfig,
  sinkFor: (source: string, columns: readonly string[], files: readonly string[]) => RecordSink,
  progress?: Progress,
  pool?: ReaderPool,
): Promise<{ sources: Map<string, SourceSummary>; files: Promise<IngestedFile[]> }> {
  const names = Object.keys(loaded.config.sources).filter((n) => !RESERVED_SOURCES.has(n));
  const settled = await Promise.allSettled(names.map((name) => readOne(loaded, name, sinkFor, progress, pool)));
  const sources = new Map<string, SourceSummary>();
  const fingerprints: Promise<IngestedFile[]>[] = [];
  for (const [i, outcome] of settled.entries()) {
    if (outcome.status === "rejected") throw outcome.reason;
    sources.set(names[i] as string, outcome.value.summary);
    fingerprints.push(outcome.value.fingerprints);
  }
  return { sources, files: Promise.all(fingerprints).then((lists) => lists.flat()) };
}

async function readOne(loaded: LoadedConfig, name: string, sinkFor: (source: string, columns: readonly string[], files: readonly string[]) => RecordSink, progress?: Progress, pool?: ReaderPool): Promise<{ summary: SourceSummary; fingerprints: Promise<IngestedFile[]> }> {
  const { config } = loaded;
  const source = config.sources[name];
  if (!source) throw new Error(`internal: no source ${name}`);
  const resolved = await resolveFiles(source.path, loaded.baseDir);
  const ctx: ReadSourceContext = { currency: config.currency, fx: config.fx, required: requiredColumns(config, name), progress, straightforward: readerSettings().straightforward, pool };
  const sink = sinkFor(name, Object.keys(source.columns), resolved.map((f) => f.display));
  const fingerprint = (sha256: readonly string[]): IngestedFile[] => resolved.map((file, i) => ({ source: name, display: file.display, path: file.path, sha256: sha256[i] ?? "" }));
  if (pool !== undefined) {
    // with reader threads, a thread that has no part left to read hashes the files (a large file's as soon as its parts
    // are all handed out, the others' once read), while this thread scores the run: hashing them here, meanwhile, would
    // take this thread's share of the cores from the readers
    const summary = await readSource(name, source, resolved, ctx, sink);
    const hashing = pool.hashFiles(resolved.map((file) => file.path)).then(fingerprint, (error: unknown) => {
      // a file gone or locked since it was read is the input's problem; anything else (a thread that died) is ours
      if (typeof (error as NodeJS.ErrnoException).code !== "string") throw error;
      throw new InputError(`could not be read again to work out its SHA-256: ${(error as Error).message}`, source.path);
    });
    hashing.catch(() => undefined); // handled by whoever awaits the fingerprints
    return { summary, fingerprints: hashing };
  }
  // hashed while the source is read (after it, when the reading is on this thread)
  const hashing = Promise.all(resolved.map((file) => sha256File(file.path))).then(fingerprint);
  hashing.catch(() => undefined); // handled: a file that cannot be read fails the reading first, with the better message
  const summary = await readSource(name, source, resolved, ctx, sink);
  return { summary, fingerprints: Promise.resolve(await hashing) };
}

/** The key, rep and every date column that places records in periods: an empty cell there rejects the row. */
export function requiredColumns(config: Config, source: string): Set<string> {
  const spec = config.sources[source];
  const required = new Set<string>(dateColumnsOf(config, source));
  if (spec?.key) required.add(spec.key);
  if (spec?.columns["rep"]) required.add("rep");
  return required;
}
