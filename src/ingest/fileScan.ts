/**
 * The rows of one file of a source, one at a time: the header search, the
 * footer guard, the shape check, coercion, duplicates and the sink. Rows
 * come either built (`offer`: any reader, any row) or as bytes (`tryFast`:
 * the CSV byte scanner's plainly well-formed rows, read without building
 * them); both end in the same records and the same accounting.
 */
import type { SourceConfig } from "../config/schema.js";
import type { RecordView } from "./csvBytes/byteScanner.js";
import { FastRowReader } from "./csvBytes/fastRowReader.js";
import { coerceRow, type ColumnPlan } from "./coerceRow.js";
import { csvShapeProblem, headerShape, type HeaderShape } from "./csvRowShape.js";
import type { DuplicateTracker } from "./duplicateTracker.js";
import { FooterGuard } from "./footerGuard.js";
import { HeaderFinder } from "./headerFinder.js";
import type { MappedColumn } from "./mapHeader.js";
import { rawText, type RawRow } from "./rawRow.js";
import type { Pass, ReadSourceContext, RecordSink } from "./readSource.js";
import type { SourceFile } from "./resolveFiles.js";
import type { SourceRecord } from "./sourceData.js";

/** What the files of one pass share: the duplicate tracker and the count of records handed on. */
export interface ScanState {
  tracker: DuplicateTracker;
  records: number;
}

/** Where a file's header is, once found: enough to read any later part of the file. */
export interface KnownHeader {
  mapped: MappedColumn[];
  headerRow: number;
  shape: HeaderShape | null;
  footerEnabled: boolean;
}

export interface FileScanSetup {
  config: SourceConfig;
  plans: readonly ColumnPlan[];
  ctx: ReadSourceContext;
  sink: RecordSink;
  pass: Pass;
  state: ScanState;
  file: SourceFile;
  fileIndex: number;
  csv: boolean;
  /** config column indexes the sink reads (the rest need only be valid); null: all */
  used: ReadonlySet<number> | null;
  /** the header, when already found by someone else (a part of a file read on another thread) */
  known?: KnownHeader | undefined;
  /** the byte reader of an earlier part of the same file, to reuse (with what it has learnt) rather than build again */
  fast?: FastRowReader | undefined;
}

export class FileScan {
  readonly header: HeaderFinder;
  date1904 = false;
  known: KnownHeader | null = null;
  private footer = new FooterGuard(false);
  /** reads the plainly well-formed rows from their bytes, once the header is known */
  fast: FastRowReader | null = null;
  private record: SourceRecord | null = null;
  private readonly repIndex: number;
  private readonly keyIndex: number;

  constructor(private readonly s: FileScanSetup) {
    const { plans, config } = s;
    this.repIndex = plans.findIndex((p) => p.name === "rep");
    this.keyIndex = config.key === undefined ? -1 : plans.findIndex((p) => p.name === config.key);
    this.header = new HeaderFinder(
      plans.map((p) => ({ name: p.name, from: p.from, hasDefault: p.defaultValue !== undefined })),
      s.file.display,
      config.header_row,
    );
    if (s.known) this.found(s.known);
  }

  /** One row as a reader built it. */
  offer(row: RawRow & { lastLine?: number }): void {
    if (this.known === null) {
      const mapped = this.header.offer(row);
      if (mapped !== null) {
        const filled = row.cells.filter((cell) => rawText(cell).trim() !== "").length;
        this.found({ mapped, headerRow: row.row, shape: this.s.csv ? headerShape(row.cells) : null, footerEnabled: filled >= 2 });
      }
      return;
    }
    for (const ready of this.footer.push(row)) this.handle(ready, this.known);
  }

  /** A CSV record from the byte scanner, when it is plainly well formed; false: offer it built instead. */
  tryFast(view: RecordView): boolean {
    const known = this.known;
    if (known === null || this.fast === null || known.shape === null) return false;
    if (view.count !== known.shape.maxFields || view.lastLine !== view.row || !twoFilled(view)) return false;
    const values = this.fast.read(view);
    if (values === null || !this.footer.passFilled(view.lastLine)) return false;
    const { pass, state } = this.s;
    pass.onRead();
    if (this.keyIndex >= 0) {
      const key = String(values[this.keyIndex]);
      if (pass.exclude?.has(key)) return true;
      const raws = rawsOf(view, known.mapped);
      const rep = this.repIndex >= 0 ? (raws[this.repIndex] ?? null) : null;
      const verdict = state.tracker.observe(key, raws, view.row, this.s.fileIndex, state.records, rep);
      if (verdict === "duplicate") {
        pass.onDuplicate(this.s.file, { row: view.row, cells: [] }, raws[this.keyIndex] ?? key, rep);
        return true;
      }
    }
    state.records++;
    const fast = this.fast;
    const lazy = fast.leftLazy ? fast : undefined;
    if (this.s.used === null) {
      // a sink that may keep its records (the roster): a record of its own each
      this.s.sink.add({ values, file: this.s.fileIndex, row: view.row, deferred: fast.deferred, lazy, generation: fast.generation });
      return true;
    }
    // a sink that reads a record during `add` alone (columnsRead): one record object for every row
    const record = (this.record ??= { values, file: this.s.fileIndex, row: 0 });
    record.values = values;
    record.row = view.row;
    record.deferred = fast.deferred;
    record.lazy = lazy;
    record.generation = fast.generation;
    this.s.sink.add(record);
    return true;
  }

  /** Whether a part of the file read elsewhere can follow the rows read so far as if they were one read (see FooterGuard.idle). */
  idle(): boolean {
    return this.footer.idle();
  }

  /** After the last row: the footer held back, for the caller to report. */
  end(): RawRow[] {
    return this.footer.end();
  }

  private found(known: KnownHeader): void {
    this.known = known;
    this.footer = new FooterGuard(known.footerEnabled);
    this.fast = this.s.fast ?? new FastRowReader(this.s.plans, known.mapped, this.s.used, this.s.ctx, new Set([this.repIndex, this.keyIndex].filter((i) => i >= 0)), this.s.used !== null);
  }

  private handle(row: RawRow & { lastLine?: number }, known: KnownHeader): void {
    const { pass, state, plans, ctx, file, fileIndex } = this.s;
    pass.onRead();
    const misshapen = known.shape === null ? null : csvShapeProblem(row, known.shape);
    const coerced = misshapen === null ? coerceRow(row, plans, known.mapped, ctx, this.date1904) : { ok: false as const, problems: [misshapen] };
    if (!coerced.ok) {
      pass.onRejected(file, row, this.repIndex >= 0 ? repRaw(row, known.mapped, this.repIndex) : null, coerced.problems);
      return;
    }
    if (this.keyIndex >= 0) {
      const key = String(coerced.values[this.keyIndex]);
      if (pass.exclude?.has(key)) return;
      const rep = this.repIndex >= 0 ? (coerced.raws[this.repIndex] ?? null) : null;
      const verdict = state.tracker.observe(key, coerced.raws, row.row, fileIndex, state.records, rep);
      if (verdict === "duplicate") {
        pass.onDuplicate(file, row, coerced.raws[this.keyIndex] ?? key, rep);
        return;
      }
    }
    state.records++;
    this.s.sink.add({ values: coerced.values, file: fileIndex, row: row.row });
  }
}

/** Two fields that begin with a visible ASCII character: the row has two filled cells (not a footer line). */
function twoFilled(view: RecordView): boolean {
  let n = 0;
  for (let i = 0; i < view.count; i++) {
    const start = view.starts[i] as number;
    if (start < (view.ends[i] as number)) {
      const b = view.buf[start] as number;
      if (b > 0x20 && b < 0x7f && ++n === 2) return true;
    }
  }
  return false;
}

/** The raw text of every mapped column, as coerceRow gives them (for the duplicate fingerprint). */
function rawsOf(view: RecordView, mapped: readonly MappedColumn[]): string[] {
  return mapped.map((m) => (m.index >= 0 && m.index < view.count ? view.text(m.index) : ""));
}

function repRaw(row: RawRow, mapped: readonly MappedColumn[], repIndex: number): string | null {
  const index = mapped[repIndex]?.index ?? -1;
  return index >= 0 ? rawText(row.cells[index]).trim() || null : null;
}


