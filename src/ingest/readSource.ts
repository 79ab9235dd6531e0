/**
 * One source of the config -> its records, handed one at a time to a sink,
 * with every row accounted for. Nothing is held but a compact fingerprint per
 * key: when some keys turn out to conflict, the sink is reset and the files
 * are read a second time without those keys (conflicts are rare; the common
 * case is one pass).
 *
 * Out: row accounting (read = accepted + rejected + duplicates) and anomalies
 * for every rejected or duplicate row. Unreadable files throw InputError.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { SourceConfig } from "../config/schema.js";
import { stat } from "node:fs/promises";
import { planColumns, type ColumnPlan, type RowProblem } from "./coerceRow.js";
import { Irregular, scanCsvFile } from "./csvBytes/scanCsvFile.js";
import { DuplicateTracker } from "./duplicateTracker.js";
import { FileScan, type ScanState } from "./fileScan.js";
import type { Preamble } from "./headerFinder.js";
import { PassRecorder } from "./passRecorder.js";
import type { RawRow } from "./rawRow.js";
import { csvDialect, readCsvRows } from "./readCsvRows.js";
import type { PortableSink } from "./parallel/filePart.js";
import { readFileInParts, wantsParts } from "./parallel/readFileInParts.js";
import type { ReaderPool } from "./parallel/readerPool.js";
import type { MergedRange } from "./readXlsxRows.js";
import { isXlsx, type SourceFile } from "./resolveFiles.js";
import type { SourceRecord, SourceSummary } from "./sourceData.js";

export interface ReadSourceContext {
  /** plan currency and rates: money in another currency is converted on the way in */
  currency: string;
  fx: Readonly<Record<string, string | number>>;
  /** columns whose empty cell rejects the row (key, rep, metric dates) */
  required: ReadonlySet<string>;
  /** told the rows read so far, every few thousand rows (for a progress line) */
  progress?: ((source: string, rowsRead: number) => void) | undefined;
  /** read CSV through csv-parse only, never the byte scanner (to compare the two) */
  straightforward?: boolean | undefined;
  /** reader threads for large files; none: everything on this thread */
  pool?: ReaderPool | undefined;
}

/** Where accepted records go: an aggregator, or a list for the small sources. */
export interface RecordSink {
  add(record: SourceRecord): void;
  /** forget every record added so far */
  reset(): void;
  /**
   * The config column indexes `add` reads; the others need only be valid, not
   * decoded (all when absent). A sink that says this reads a record only
   * during `add` and keeps no reference to it: text values may be decoded
   * lazily, from a buffer that is reused once `add` returns, and the record
   * object (its values array and its deferred money too) may be reused for
   * the next row.
   */
  columnsRead?(): ReadonlySet<number>;
  /** how to build this sink again on another thread: then large files are read in parts, on several threads */
  portable?: PortableSink | undefined;
}

export interface Pass {
  /** keys whose rows are all rejected (second pass only) */
  exclude: ReadonlySet<string> | null;
  onRejected: (file: SourceFile, row: RawRow, repRaw: string | null, problems: RowProblem[]) => void;
  onDuplicate: (file: SourceFile, row: RawRow, key: string, repRaw: string | null) => void;
  onRead: () => void;
  /** non-blank rows above the header (a report title), skipped */
  onPreamble: (file: SourceFile, preamble: Preamble) => void;
  /** one-cell rows after the data (a report footer), skipped and not counted as read */
  onFooter: (file: SourceFile, rows: readonly RawRow[]) => void;
  /** merged cells over mapped money columns, below the header (xlsx) */
  onMerged: (file: SourceFile, ranges: readonly MergedRange[], columns: readonly { header: string; money: boolean }[]) => void;
  /** the counts and anomalies of a part of a file read on another thread, in file order */
  onPart: (part: { read: number; rejected: number; duplicates: number; anomalies: readonly Anomaly[] }) => void;
}

export async function readSource(name: string, config: SourceConfig, files: readonly SourceFile[], ctx: ReadSourceContext, sink: RecordSink): Promise<SourceSummary> {
  if (ctx.straightforward !== true) {
    try {
      return await readSourceWith(name, config, files, ctx, sink, true);
    } catch (error) {
      if (!(error instanceof Irregular)) throw error;
      sink.reset(); // something the byte scanner does not read: start over the straightforward way
    }
  }
  return readSourceWith(name, config, files, ctx, sink, false);
}

async function readSourceWith(name: string, config: SourceConfig, files: readonly SourceFile[], ctx: ReadSourceContext, sink: RecordSink, bytes: boolean): Promise<SourceSummary> {
  const plans = planColumns(config, ctx.required);
  const columns = plans.map((p) => p.name);
  const recorder = new PassRecorder(name, config, ctx.progress);
  const anomalies = recorder.anomalies;
  // only the conflicts outlive the first pass: its tracker is garbage before a second pass makes another
  const conflicts = (await scan(name, config, files, plans, ctx, sink, recorder.pass, bytes)).conflicts();
  const read = recorder.read;
  let { rejected, duplicates } = recorder;

  if (conflicts.length === 0) return { name, columns, files: files.map((f) => f.display), accounting: { read, accepted: read - rejected - duplicates, rejected, duplicates }, anomalies };

  const reclassified = new Set<string>(); // "file:row" of duplicates whose key turned out to conflict
  for (const conflict of conflicts) {
    const rowsText = conflict.rows.map((r) => r.row).join(", ");
    for (const entry of conflict.rows) {
      const file = files[entry.file]?.display ?? null;
      if (entry.record < 0) {
        duplicates--;
        reclassified.add(`${file}:${entry.row}`);
      }
      rejected++;
      anomalies.push(anomaly({ severity: "error", code: "conflicting_duplicate", source: name, file, row: entry.row, column: config.key ?? null, value: conflict.key, rep: entry.rep, message: `${config.key} "${conflict.key}" appears on rows ${rowsText} with different values; every one of them is rejected until the export is fixed` }));
    }
  }
  // second pass: the same rows, minus every row of a conflicting key
  sink.reset();
  const exclude = new Set(conflicts.map((c) => c.key));
  await scan(name, config, files, plans, ctx, sink, { exclude, onRead: () => undefined, onRejected: () => undefined, onDuplicate: () => undefined, onMerged: () => undefined, onPreamble: () => undefined, onFooter: () => undefined, onPart: () => undefined }, bytes);
  return {
    name,
    columns,
    files: files.map((f) => f.display),
    accounting: { read, accepted: read - rejected - duplicates, rejected, duplicates },
    anomalies: anomalies.filter((a) => !(a.code === "duplicate" && reclassified.has(`${a.file}:${a.row}`))),
  };
}

/** One pass over every file of the source: header mapping, coercion, duplicates, and the sink. */
async function scan(name: string, config: SourceConfig, files: readonly SourceFile[], plans: readonly ColumnPlan[], ctx: ReadSourceContext, sink: RecordSink, pass: Pass, bytes: boolean): Promise<DuplicateTracker> {
  const state: ScanState = { tracker: new DuplicateTracker(), records: 0 };
  const used = sink.columnsRead?.() ?? null;
  for (const [fileIndex, file] of files.entries()) {
    let merged: readonly MergedRange[] = [];
    const csv = !isXlsx(file.path);
    const newRows = (): FileScan => new FileScan({ config, plans, ctx, sink, pass, state, file, fileIndex, csv, used });
    let rows = newRows();
    let footer: RawRow[] | null = null;
    if (csv && bytes) ({ rows, footer } = await scanCsvBytes({ name, config, plans, ctx, sink, pass, file, fileIndex }, rows, newRows));
    else {
      // the workbook reader is loaded only when a workbook is read
      const reader = csv
        ? readCsvRows(file.path, file.display, { encoding: config.encoding, delimiter: config.delimiter })
        : (await import("./readXlsxRows.js")).readXlsxRows(file.path, file.display, {
            ...(config.sheet === undefined ? {} : { sheet: config.sheet }),
            onSheet: (info) => (rows.date1904 = info.date1904),
            onMergedRanges: (ranges) => (merged = ranges),
          });
      for await (const row of reader) rows.offer(row);
    }
    const known = rows.known;
    if (known === null) throw rows.header.failure();
    if (merged.length > 0) {
      const byCell: { header: string; money: boolean }[] = [];
      known.mapped.forEach((m, i) => {
        if (m.index >= 0) byCell[m.index] = { header: m.header, money: plans[i]?.options.type === "money" };
      });
      const below = merged.filter((r) => r.lastRow > known.headerRow);
      pass.onMerged(file, below, Array.from(byCell, (c) => c ?? { header: "", money: false }));
    }
    const preamble = rows.header.preamble();
    if (preamble) pass.onPreamble(file, preamble);
    const skipped = footer ?? rows.end();
    if (skipped.length > 0) pass.onFooter(file, skipped);
  }
  return state.tracker;
}

interface FileJob {
  name: string;
  config: SourceConfig;
  plans: readonly ColumnPlan[];
  ctx: ReadSourceContext;
  sink: RecordSink;
  pass: Pass;
  file: SourceFile;
  fileIndex: number;
}

/**
 * A CSV file through the byte scanner when it is UTF-8 (a large one in parts,
 * on several threads, when the sink allows); any other encoding through
 * csv-parse. Returns the scan that saw the file, and the footer when the parts
 * found it.
 */
async function scanCsvBytes(job: FileJob, rows: FileScan, newRows: () => FileScan): Promise<{ rows: FileScan; footer: RawRow[] | null }> {
  const { file, config } = job;
  const dialect = await csvDialect(file.path, file.display, { encoding: config.encoding, delimiter: config.delimiter });
  if (dialect.encoding !== "utf-8") {
    for await (const row of readCsvRows(file.path, file.display, { encoding: config.encoding, delimiter: config.delimiter })) rows.offer(row);
    return { rows, footer: null };
  }
  const size = (await stat(file.path)).size;
  const portable = job.sink.portable;
  let from = { start: dialect.bomLength, line: 1 };
  if (portable !== undefined && wantsParts(file.path, size, job.sink, config, job.ctx.pool)) {
    const read = await readFileInParts({ ...job, source: job.name, dialect, size, rows, portable, pool: job.ctx.pool });
    if (Array.isArray(read)) return { rows, footer: read };
    if (read === null) rows = newRows(); // the header was not found near the start: read it all here, from the start
    else from = read; // the rest of the file, from where the parts stopped meeting at their cuts
  }
  scanCsvFile(file.path, dialect.delimiter, { start: from.start, end: size, line: from.line }, (view) => {
    if (dialect.hintLine && view.row === 1) return;
    if (!rows.tryFast(view)) rows.offer({ row: view.row, lastLine: view.lastLine, cells: view.cells() });
  });
  return { rows, footer: null };
}
