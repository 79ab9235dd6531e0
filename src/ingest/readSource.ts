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
import { coerceRow, planColumns, type ColumnPlan } from "./coerceRow.js";
import { DuplicateTracker } from "./duplicateTracker.js";
import { csvShapeProblem, headerShape, type HeaderShape } from "./csvRowShape.js";
import { FooterGuard } from "./footerGuard.js";
import { HeaderFinder, type Preamble } from "./headerFinder.js";
import type { MappedColumn } from "./mapHeader.js";
import { footerAnomaly, preambleAnomaly } from "./skippedRows.js";
import { rawText, type RawRow } from "./rawRow.js";
import { readCsvRows } from "./readCsvRows.js";
import { readXlsxRows, type MergedRange } from "./readXlsxRows.js";
import type { SourceFile } from "./resolveFiles.js";
import type { SourceRecord, SourceSummary } from "./sourceData.js";

const PROGRESS_EVERY = 20_000;

export interface ReadSourceContext {
  /** plan currency and rates: money in another currency is converted on the way in */
  currency: string;
  fx: Readonly<Record<string, string | number>>;
  /** columns whose empty cell rejects the row (key, rep, metric dates) */
  required: ReadonlySet<string>;
  /** told the rows read so far, every few thousand rows (for a progress line) */
  progress?: ((source: string, rowsRead: number) => void) | undefined;
}

/** Where accepted records go: an aggregator, or a list for the small sources. */
export interface RecordSink {
  add(record: SourceRecord): void;
  /** forget every record added so far */
  reset(): void;
}

interface Pass {
  /** keys whose rows are all rejected (second pass only) */
  exclude: ReadonlySet<string> | null;
  onRejected: (file: SourceFile, row: RawRow, repRaw: string | null, problems: { column: string | null; value: string | null; message: string }[]) => void;
  onDuplicate: (file: SourceFile, row: RawRow, key: string, repRaw: string | null) => void;
  onRead: () => void;
  /** non-blank rows above the header (a report title), skipped */
  onPreamble: (file: SourceFile, preamble: Preamble) => void;
  /** one-cell rows after the data (a report footer), skipped and not counted as read */
  onFooter: (file: SourceFile, rows: readonly RawRow[]) => void;
  /** merged cells over mapped money columns, below the header (xlsx) */
  onMerged: (file: SourceFile, ranges: readonly MergedRange[], columns: readonly { header: string; money: boolean }[]) => void;
}

export async function readSource(name: string, config: SourceConfig, files: readonly SourceFile[], ctx: ReadSourceContext, sink: RecordSink): Promise<SourceSummary> {
  const plans = planColumns(config, ctx.required);
  const columns = plans.map((p) => p.name);
  const anomalies: Anomaly[] = [];
  let read = 0;
  let rejected = 0;
  let duplicates = 0;
  const tracker = await scan(config, files, plans, ctx, sink, {
    exclude: null,
    onRead: () => {
      read++;
      if (ctx.progress && read % PROGRESS_EVERY === 0) ctx.progress(name, read);
    },
    onRejected: (file, row, rep, problems) => {
      rejected++;
      const first = problems[0];
      anomalies.push(anomaly({ severity: "error", code: "rejected_row", source: name, file: file.display, row: row.row, column: first?.column ?? null, value: first?.value ?? null, rep, message: problems.map((p) => p.message).join("; ") }));
    },
    onMerged: (file, ranges, columns) => {
      for (const range of ranges) {
        const money = columns.slice(range.firstColumn - 1, range.lastColumn).filter((c) => c.money).map((c) => c.header);
        if (money.length === 0) continue;
        anomalies.push(anomaly({ severity: "warning", code: "merged_cells", source: name, file: file.display, row: range.firstRow, column: money.join(", "), value: range.ref, message: `cells ${range.ref} are merged over ${money.join(", ")}: only row ${range.firstRow} holds the value, which is counted once; rows ${range.firstRow + 1}–${range.lastRow} read as empty there` }));
      }
    },
    onDuplicate: (file, row, key, rep) => {
      duplicates++;
      anomalies.push(anomaly({ severity: "warning", code: "duplicate", source: name, file: file.display, row: row.row, column: config.key ?? null, value: key, rep, message: `an exact copy of an earlier row with ${config.key} "${key}"; dropped` }));
    },
    onPreamble: (file, preamble) => anomalies.push(preambleAnomaly(name, file.display, preamble)),
    onFooter: (file, rows) => anomalies.push(footerAnomaly(name, file.display, rows)),
  });

  const conflicts = tracker.conflicts();
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
  await scan(config, files, plans, ctx, sink, { exclude, onRead: () => undefined, onRejected: () => undefined, onDuplicate: () => undefined, onMerged: () => undefined, onPreamble: () => undefined, onFooter: () => undefined });
  return {
    name,
    columns,
    files: files.map((f) => f.display),
    accounting: { read, accepted: read - rejected - duplicates, rejected, duplicates },
    anomalies: anomalies.filter((a) => !(a.code === "duplicate" && reclassified.has(`${a.file}:${a.row}`))),
  };
}

/** One pass over every file of the source: header mapping, coercion, duplicates, and the sink. */
async function scan(config: SourceConfig, files: readonly SourceFile[], plans: readonly ColumnPlan[], ctx: ReadSourceContext, sink: RecordSink, pass: Pass): Promise<DuplicateTracker> {
  const repIndex = plans.findIndex((p) => p.name === "rep");
  const keyIndex = config.key === undefined ? -1 : plans.findIndex((p) => p.name === config.key);
  const headerColumns = plans.map((p) => ({ name: p.name, from: p.from, hasDefault: p.defaultValue !== undefined }));
  const tracker = new DuplicateTracker();
  let recordIndex = 0;
  for (const [fileIndex, file] of files.entries()) {
    let date1904 = false;
    let merged: readonly MergedRange[] = [];
    const csv = !isXlsx(file.path);
    const rows = csv
      ? readCsvRows(file.path, file.display, { encoding: config.encoding, delimiter: config.delimiter })
      : readXlsxRows(file.path, file.display, { ...(config.sheet === undefined ? {} : { sheet: config.sheet }), onSheet: (info) => (date1904 = info.date1904), onMergedRanges: (ranges) => (merged = ranges) });
    const header = new HeaderFinder(headerColumns, file.display, config.header_row);
    let mapped: MappedColumn[] | null = null;
    let headerRow = 0;
    let shape: HeaderShape | null = null;
    let footer = new FooterGuard(false);
    const handle = (row: RawRow, columns: MappedColumn[]): void => {
      pass.onRead();
      const misshapen = shape === null ? null : csvShapeProblem(row, shape);
      const coerced = misshapen === null ? coerceRow(row, plans, columns, ctx, date1904) : { ok: false as const, problems: [misshapen] };
      if (!coerced.ok) {
        pass.onRejected(file, row, repIndex >= 0 ? repRaw(row, columns, repIndex) : null, coerced.problems);
        return;
      }
      if (keyIndex >= 0) {
        const key = String(coerced.values[keyIndex]);
        if (pass.exclude?.has(key)) return;
        const verdict = tracker.observe(key, coerced.raws, row.row, fileIndex, recordIndex, repIndex >= 0 ? (coerced.raws[repIndex] ?? null) : null);
        if (verdict === "duplicate") {
          pass.onDuplicate(file, row, coerced.raws[keyIndex] ?? key, repIndex >= 0 ? (coerced.raws[repIndex] ?? null) : null);
          return;
        }
      }
      recordIndex++;
      sink.add({ values: coerced.values, file: fileIndex, row: row.row });
    };
    for await (const row of rows) {
      if (mapped === null) {
        mapped = header.offer(row);
        if (mapped !== null) {
          headerRow = row.row;
          shape = csv ? headerShape(row.cells) : null;
          footer = new FooterGuard(row.cells.filter((cell) => rawText(cell).trim() !== "").length >= 2);
        }
        continue;
      }
      for (const ready of footer.push(row)) handle(ready, mapped);
    }
    if (mapped === null) throw header.failure();
    if (merged.length > 0) {
      const byCell: { header: string; money: boolean }[] = [];
      mapped.forEach((m, i) => {
        if (m.index >= 0) byCell[m.index] = { header: m.header, money: plans[i]?.options.type === "money" };
      });
      const below = merged.filter((r) => r.lastRow > headerRow);
      pass.onMerged(file, below, Array.from(byCell, (c) => c ?? { header: "", money: false }));
    }
    const preamble = header.preamble();
    if (preamble) pass.onPreamble(file, preamble);
    const skipped = footer.end();
    if (skipped.length > 0) pass.onFooter(file, skipped);
  }
  return tracker;
}

function isXlsx(path: string): boolean {
  return /\.xls[xm]$/i.test(path);
}

function repRaw(row: RawRow, mapped: MappedColumn[] | null, repIndex: number): string | null {
  const index = mapped?.[repIndex]?.index ?? -1;
  return index >= 0 ? rawText(row.cells[index]).trim() || null : null;
}
