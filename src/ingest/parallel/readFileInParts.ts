/**
 * A large UTF-8 CSV file read on several threads: this thread finds the
 * header, the data is cut into byte ranges at line breaks, and each range is
 * read by a worker into its own copy of the sink; the parts are then handed
 * back in file order, which gives what one read would have given.
 *
 * A cut can land inside a quoted field that holds a line break. The part
 * before it then does not end exactly at the cut (the reader of that part,
 * which started at a true record boundary, runs past it); such a read is
 * thrown away and the file is read on this thread instead. So is one whose
 * part ends while a possible footer is being held back.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { SourceConfig } from "../../config/schema.js";
import type { ColumnPlan } from "../coerceRow.js";
import { Irregular, scanCsvFile } from "../csvBytes/scanCsvFile.js";
import type { FileScan } from "../fileScan.js";
import type { RawRow } from "../rawRow.js";
import type { CsvDialect } from "../readCsvRows.js";
import type { Pass, ReadSourceContext, RecordSink } from "../readSource.js";
import type { SourceFile } from "../resolveFiles.js";
import { readInParts, readerSettings } from "../readerSettings.js";
import { lineBreaksBetween } from "../csvBytes/lineBreaks.js";
import type { PartResult, PortableSink } from "./filePart.js";
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
 * Reads the file in parts. Returns the footer rows held back at its end, or
 * null when the file must be read on this thread after all (nothing of it has
 * reached the sink or the pass then, except the header, which `rows` has).
 */
export async function readFileInParts(job: FileInParts): Promise<RawRow[] | null> {
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
  const { start, line } = data;
  const cuts = cutsAtLineBreaks(file.path, start, size, readerSettings().threads);
  if (cuts.length < 3) return null;
  // each part starts as soon as the line it starts on is known; the line breaks before it are counted here, meanwhile
  const parts: Promise<PartResult>[] = [];
  const partRows: number[] = [];
  const progress = job.ctx.progress;
  const onProgress = (part: number) => (rows: number): void => {
    partRows[part] = rows;
    progress?.(job.source, partRows.reduce((sum, n) => sum + (n ?? 0), 0));
  };
  let partLine = line;
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (i > 0) partLine += lineBreaksBetween(file.path, cuts[i - 1] as number, cuts[i] as number);
    parts.push(
      job.pool.readPart({
        source: job.source, config: job.config, currency: job.ctx.currency, fx: job.ctx.fx, required: [...job.ctx.required], file, fileIndex: job.fileIndex,
        delimiter: dialect.delimiter, known, sinkModule: job.portable.module, sinkSpec: job.portable.spec,
        range: { start: cuts[i] as number, end: cuts[i + 1] as number, line: partLine, partial: i + 2 < cuts.length },
      }, onProgress(i)),
    );
  }
  const results = await Promise.all(parts);
  for (const result of results) {
    if (result.kind === "irregular") throw new Irregular(result.reason);
    if (result.kind === "failed") throw Object.assign(new Error(result.message), { name: result.name, stack: result.stack });
  }
  const done = results.filter((r): r is Extract<PartResult, { kind: "done" }> => r.kind === "done");
  const seamless = done.every((r, i) => i === done.length - 1 || (r.end.offset === cuts[i + 1] && r.idle));
  if (!seamless) return null;
  for (const part of done) {
    job.pass.onPart(part);
    job.portable.absorb(part.packed);
  }
  return done[done.length - 1]?.footer ?? [];
}

/** Offsets that cut [start, end) into about `parts` ranges, each cut just after a line feed; start and end included. */
function cutsAtLineBreaks(path: string, start: number, end: number, parts: number): number[] {
  const cuts = [start];
  const fd = openSync(path, "r");
  const window = Buffer.allocUnsafe(64 * 1024);
  try {
    for (let i = 1; i < parts; i++) {
      const aim = start + Math.floor(((end - start) * i) / parts);
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
