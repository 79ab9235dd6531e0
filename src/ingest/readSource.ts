/**
 * One source of the config -> its records, with every row accounted for.
 *
 * In: the source's config, its files, the plan currency and fx rates.
 * Out: records (mapped, coerced, converted to the plan currency), row
 * accounting (read = accepted + rejected + duplicates), and anomalies for
 * every rejected or duplicate row. Unreadable files throw InputError.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { SourceConfig } from "../config/schema.js";
import { InputError } from "../errors.js";
import type { Value } from "../expr/value.js";
import { coerceCell, coerceText, type CoerceOptions, type CoerceResult } from "./coerce.js";
import { convertCurrency } from "./convertCurrency.js";
import { DuplicateTracker } from "./duplicateTracker.js";
import { mapHeader, type MappedColumn } from "./mapHeader.js";
import { rawText, type RawCell, type RawRow } from "./rawRow.js";
import { readCsvRows } from "./readCsvRows.js";
import { readXlsxRows } from "./readXlsxRows.js";
import type { SourceFile } from "./resolveFiles.js";
import type { SourceData, SourceRecord } from "./sourceData.js";

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

export async function readSource(name: string, config: SourceConfig, files: readonly SourceFile[], ctx: ReadSourceContext): Promise<SourceData> {
  const columns = Object.keys(config.columns);
  const specs = columns.map((column) => {
    const spec = config.columns[column] ?? { type: "string" as const };
    const options: CoerceOptions = { type: spec.type, ...(spec.format ? { format: spec.format } : {}), ...(spec.decimal ? { decimal: spec.decimal } : {}), nullValues: config.null_values ?? [] };
    return { name: column, from: spec.from ?? column, options, defaultValue: spec.default === undefined ? undefined : String(spec.default), required: spec.required ?? ctx.required.has(column) };
  });
  const repIndex = columns.indexOf("rep");
  const keyIndex = config.key === undefined ? -1 : columns.indexOf(config.key);
  const currencyIndex = columns.indexOf("currency");
  const moneyIndexes = specs.flatMap((s, i) => (s.options.type === "money" ? [i] : []));

  const records: SourceRecord[] = [];
  const anomalies: Anomaly[] = [];
  const tracker = new DuplicateTracker();
  let read = 0;
  let rejected = 0;
  let duplicates = 0;

  for (const [fileIndex, file] of files.entries()) {
    const rows = isXlsx(file.path) ? readXlsxRows(file.path, file.display, config.sheet === undefined ? {} : { sheet: config.sheet }) : readCsvRows(file.path, file.display, { encoding: config.encoding, delimiter: config.delimiter });
    let mapped: MappedColumn[] | null = null;
    for await (const row of rows) {
      if (mapped === null) {
        if (config.header_row !== undefined ? row.row < config.header_row : isBlank(row.cells)) continue;
        mapped = mapHeader(row.cells, specs.map((s) => ({ name: s.name, from: s.from, hasDefault: s.defaultValue !== undefined })), file.display, row.row);
        continue;
      }
      if (isBlank(row.cells)) continue;
      read++;
      if (ctx.progress && read % PROGRESS_EVERY === 0) ctx.progress(name, read);
      const reject = (column: string | null, value: string | null, message: string): void => {
        rejected++;
        anomalies.push(anomaly({ severity: "error", code: "rejected_row", source: name, file: file.display, row: row.row, column, value, rep: repIndex >= 0 ? repRaw(row, mapped, repIndex) : null, message }));
      };
      const widthProblem = raggedProblem(row, mapped);
      if (widthProblem) {
        reject(null, null, widthProblem);
        continue;
      }
      const values: Value[] = new Array<Value>(specs.length);
      const raws: string[] = new Array<string>(specs.length);
      const problems: { column: string; value: string; message: string }[] = [];
      specs.forEach((spec, i) => {
        const column = mapped?.[i];
        const cell: RawCell | undefined = column && column.index >= 0 ? row.cells[column.index] : undefined;
        raws[i] = rawText(cell);
        let result: CoerceResult = cell === undefined || typeof cell === "string" ? coerceText(cell ?? "", spec.options) : coerceCell(cell, spec.options, false);
        if (result.ok && result.value === null && spec.defaultValue !== undefined) result = coerceText(spec.defaultValue, spec.options);
        const header = column?.header ?? spec.from;
        if (!result.ok) problems.push({ column: header, value: raws[i] ?? "", message: `${header}: "${raws[i]}" is not ${result.expected}` });
        else if (result.value === null && spec.required) problems.push({ column: header, value: raws[i] ?? "", message: `${header} is empty but required` });
        else values[i] = result.value;
      });
      const converted = problems.length === 0 && currencyIndex >= 0 ? convertCurrency(values, currencyIndex, moneyIndexes, ctx) : null;
      if (converted) problems.push({ column: mapped[currencyIndex]?.header ?? "currency", value: raws[currencyIndex] ?? "", message: converted });
      const first = problems[0];
      if (first) {
        reject(first.column, first.value, problems.map((p) => p.message).join("; "));
        continue;
      }
      if (keyIndex >= 0) {
        const verdict = tracker.observe(String(values[keyIndex]), raws, row.row, fileIndex, records.length);
        if (verdict === "duplicate") {
          duplicates++;
          anomalies.push(anomaly({ severity: "warning", code: "duplicate", source: name, file: file.display, row: row.row, column: config.key ?? null, value: raws[keyIndex] ?? null, rep: repIndex >= 0 ? (raws[repIndex] ?? null) : null, message: `an exact copy of an earlier row with ${config.key} "${raws[keyIndex]}"; dropped` }));
          continue;
        }
      }
      records.push({ values, file: fileIndex, row: row.row });
    }
    if (mapped === null) throw new InputError("has no header row (the file is empty)", file.display);
  }

  const dropped = new Set<number>();
  const reclassified = new Set<string>(); // "file:row" of duplicates whose key turned out to conflict
  for (const conflict of tracker.conflicts()) {
    for (const entry of conflict.rows) {
      if (entry.record >= 0) dropped.add(entry.record);
      else {
        duplicates--;
        reclassified.add(`${files[entry.file]?.display}:${entry.row}`);
      }
      rejected++;
      const record = entry.record >= 0 ? records[entry.record] : undefined;
      const rowsText = conflict.rows.map((r) => r.row).join(", ");
      anomalies.push(anomaly({ severity: "error", code: "conflicting_duplicate", source: name, file: files[entry.file]?.display ?? null, row: entry.row, column: config.key ?? null, value: conflict.key, rep: record && repIndex >= 0 ? valueText(record.values[repIndex]) : null, message: `${config.key} "${conflict.key}" appears on rows ${rowsText} with different values; every one of them is rejected until the export is fixed` }));
    }
  }
  const kept = dropped.size === 0 ? records : records.filter((_, i) => !dropped.has(i));
  return {
    name,
    columns,
    files: files.map((f) => f.display),
    records: kept,
    accounting: { read, accepted: kept.length, rejected, duplicates },
    // a duplicate of a key that later conflicted is a rejection now, reported once as such
    anomalies: reclassified.size === 0 ? anomalies : anomalies.filter((a) => !(a.code === "duplicate" && reclassified.has(`${a.file}:${a.row}`))),
  };
}

function isXlsx(path: string): boolean {
  return /\.xls[xm]$/i.test(path);
}

function isBlank(cells: readonly RawCell[]): boolean {
  return cells.every((cell) => rawText(cell).trim() === "");
}

function repRaw(row: RawRow, mapped: MappedColumn[] | null, repIndex: number): string | null {
  const index = mapped?.[repIndex]?.index ?? -1;
  return index >= 0 ? rawText(row.cells[index]).trim() || null : null;
}

function valueText(value: Value | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A row with fewer cells than the header (a field lost), or extra non-empty cells (a delimiter inside a field). */
function raggedProblem(row: RawRow, mapped: MappedColumn[]): string | null {
  const needed = Math.max(...mapped.map((m) => m.index)) + 1;
  if (row.cells.length < needed) return `the row has ${row.cells.length} fields where the header has at least ${needed}; a field is missing or a quote is misplaced`;
  return null;
}
