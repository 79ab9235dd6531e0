/**
 * A large UTF-8 CSV file read on several threads: this thread finds the
 * header, the data is cut into many byte ranges at line breaks, and each
 * range is read by a worker into its own copy of the sink; the parts are
 * then handed back in file order (each as soon as the ones before it are
 * in), which gives what one read would have given. There are several parts
 * per thread, so that a thread that runs out of work finds some, and the
 * threads finish together.
 *
 * A part numbers its rows from its own first line, as if the file began
 * there: the lines before it are known only once the parts before it are in
 * (each says where it ended), and are added to its row numbers as it is
 * merged. (Counting them here beforehand read the file a second time on this
 * thread, 2–3% of a large run.) A part that rejected a record over several
 * lines for its shape hands the rest of the file to this thread instead: that
 * record's message names its lines, which the part could not number.
 *
 * A cut can land inside a quoted field that holds a line break. The part
 * before it then does not end exactly at the cut (the reader of that part,
 * which started at a true record boundary, runs past it); from that part on,
 * the file is read on this thread instead. So it is when a part ends while
 * a possible footer is being held back.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { SourceConfig } from "../../config/schema.js";
import type { ColumnPlan } from "../coerceRow.js";
import { Irregular, scanCsvFile } from "../csvBytes/scanCsvFile.js";
import type { RawRow } from "../rawRow.js";
import type { CsvDialect } from "../readCsvRows.js";
import type { Pass, ReadSourceContext, RecordSink } from "../readSource.js";
import type { SourceFile } from "../resolveFiles.js";
import { readInParts, readerSettings } from "../readerSettings.js";
import type { PartResult, PortableSink } from "./filePart.js";
import type { FileScan, KnownHeader } from "../fileScan.js";
import type { ReaderPool } from "./readerPool.js";

/** The header must be within this many bytes of the start for a file to be read in parts. */
const HEAD_BYTES = 1024 * 1024;

export interface FileInParts {
  config: SourceConfig;
  source: string;
  plans: readonly ColumnPlan[];
  ctx: ReadSourceContext;
  file: SourceFile;
  fileIndex: number;
  dialect: CsvDialect;
  size: number;
  rows: FileScan;
  pass: Pass;
  portable: PortableSink;
  pool: ReaderPool;
}

/** Whether a file is read in parts: by the settings (readInParts), when there are threads and the sink can be built on them. */
export function wantsParts(path: string, size: number, sink: RecordSink, config: SourceConfig, pool: ReaderPool | undefined): pool is ReaderPool {
  return pool !== undefined && sink.portable !== undefined && readInParts(config, path, size);
}

class HeaderFound extends Error {}

/**
 * Parts shrink toward the end of a file (guided self-scheduling): each is
 * 1/(2 × threads) of what is left, but no smaller than this, so that a thread
 * that finishes early finds small parts left and the threads run out of work
 * together. (Each part costs a few milliseconds on both sides: packing what it
 * gathered, and merging that here; hence the floor.)
 */
const MIN_PART_BYTES = 32 * 1024 * 1024;

/** Where this thread is to go on reading the file: from this record on, with the scan that read the header. */
export interface ReadOnHere {
  start: number;
  line: number;
}

/**
 * Reads the file in parts. Returns the footer rows held back at its end when
 * the parts read it all; or where to go on reading it on this thread (every
 * record before that has reached the sink and the pass); or null when the
 * file must be read on this thread from the start (nothing of it has reached
 * the sink or the pass then, except the header, which `rows` has).
 */
export async function readFileInParts(job: FileInParts): Promise<RawRow[] | ReadOnHere | null> {
  const { file, dialect, rows, size } = job;
  const found: { start: number; line: number }[] = [];
  try {
    scanCsvFile(file.path, dialect.delimiter, { start: dialect.bomLength, end: Math.min(size, HEAD_BYTES), line: 1, partial: true }, (view) => {
      if (dialect.hintLine && view.row === 1) return;
      rows.offer({ row: view.row, lastLine: view.lastLine, cells: view.cells() });
      if (rows.known !== null) {
        found.push({ start: view.base + view.end, line: view.nextLine });
        throw new HeaderFound();
      }
    });
  } catch (error) {
    if (!(error instanceof HeaderFound)) throw error;
  }
  const known = rows.known;
  const data = found[0];
  if (data === undefined || known === null) return null;
  const threads = readerSettings().threads;
  const cuts = cutsAtLineBreaks(file.path, data.start, size, partAims(data.start, size, threads, MIN_PART_BYTES * (job.portable.partScale ?? 1)));
  if (cuts.length < 3) return data;
  const partRows: number[] = [];
  const progress = job.ctx.progress;
  const counted = (part: number, rows: number): void => {
    partRows[part] = rows;
    progress?.(job.source, partRows.reduce((sum, n) => sum + (n ?? 0), 0));
  };
  const parts: (Promise<PartResult> | null)[] = postParts(job, known, cuts, counted);
  for (const part of parts) part?.catch(() => undefined); // a part not waited for (after one that ends the loop) fails quietly
  // each part is merged as soon as it and the ones before it are in, while the threads read on
  let line = data.line; // where the part being merged begins
  for (let i = 0; i < parts.length; i++) {
    const result = await (parts[i] as Promise<PartResult>);
    parts[i] = null; // merged below: its aggregates can go (held to the end, each part's survived every collection of the read)
    if (result.kind === "irregular") throw new Irregular(result.reason);
    if (result.kind === "failed") throw Object.assign(new Error(result.message), { name: result.name, stack: result.stack });
    const last = i === parts.length - 1;
    // read again here: a part that did not end at its cut (or ended holding rows back), or whose messages name lines
    if ((!last && !(result.end.offset === cuts[i + 1] && result.idle)) || result.rejectedNamingLines) return { start: cuts[i] as number, line };
    const shift = line - 1;
    numberFrom(result, shift);
    job.pass.onPart(result);
    job.portable.absorb(result.packed, shift);
    counted(i, result.read);
    line = result.end.line;
    if (last) return result.footer;
  }
  return [];
}

/** A part's rows, anomalies and end renumbered as lines of the file: `shift` lines come before the part's line 1. */
function numberFrom(part: Extract<PartResult, { kind: "done" }>, shift: number): void {
  if (shift === 0) return;
  for (const anomaly of part.anomalies) if (anomaly.row !== null) anomaly.row += shift;
  part.footer = part.footer.map((row: RawRow & { lastLine?: number }) => ({ ...row, row: row.row + shift, ...(row.lastLine === undefined ? {} : { lastLine: row.lastLine + shift }) }));
  part.end = { ...part.end, line: part.end.line + shift };
}

/** Hands every part to the threads at once (each numbers its rows from 1), then asks for the file's hash. */
function postParts(job: FileInParts, known: KnownHeader, cuts: readonly number[], counted: (part: number, rows: number) => void): Promise<PartResult>[] {
  const { file, dialect } = job;
  const parts: Promise<PartResult>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const partial = i + 2 < cuts.length;
    parts.push(
      job.pool.readPart({
        kind: "part", source: job.source, config: job.config, currency: job.ctx.currency, fx: job.ctx.fx, required: [...job.ctx.required], file, fileIndex: job.fileIndex,
        delimiter: dialect.delimiter, known, sinkModule: job.portable.module, sinkSpec: job.portable.spec, range: { start, end, line: 1, partial },
      }, (rows) => counted(i, rows)),
    );
  }
  // every part handed out: the file's hash can be worked out by the first thread to run out of parts (see ReaderPool.hashFile)
  void job.pool.hashFile(file.path);
  return parts;
}

/**
 * Where to aim the cuts of [start, end) for `threads` threads: each part
 * 1/(2 × threads) of what is left, down to a floor (`minPart`, or a thread's
 * share for a small file, which is then cut in one part per thread); the last
 * part at least half the floor. With an infinite floor, one equal part per
 * thread. (A thread mostly reads one source's parts in a row, so a file of a
 * few floors gains nothing from smaller parts but their cost: a part of deals
 * cost about 130 ms to pack, clone and merge.)
 */
export function partAims(start: number, end: number, threads: number, minPart = MIN_PART_BYTES): number[] {
  if (minPart === Number.POSITIVE_INFINITY) return Array.from({ length: threads - 1 }, (_, i) => start + Math.floor(((end - start) * (i + 1)) / threads));
  const floor = Math.min(minPart, (end - start) / threads);
  const aims: number[] = [];
  for (let at = start; ; ) {
    at += Math.max(floor, (end - at) / (2 * threads));
    if (end - at < floor / 2) return aims;
    aims.push(Math.floor(at));
  }
}

/** Offsets that cut [start, end) just after the first line feed at or after each aim; start and end included. */
function cutsAtLineBreaks(path: string, start: number, end: number, aims: readonly number[]): number[] {
  const cuts = [start];
  const fd = openSync(path, "r");
  const window = Buffer.allocUnsafe(64 * 1024);
  try {
    for (const aim of aims) {
      if (aim <= (cuts[cuts.length - 1] as number)) continue;
      const got = readSync(fd, window, 0, Math.min(window.length, end - aim), aim);
      const lf = window.subarray(0, got).indexOf(0x0a);
      if (lf >= 0 && aim + lf + 1 < end) cuts.push(aim + lf + 1);
    }
  } finally {
    closeSync(fd);
  }
  cuts.push(end);
  return cuts;
}
