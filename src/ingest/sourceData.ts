import type { Anomaly } from "../anomalies/anomaly.js";
import type { Value } from "../expr/value.js";
import { decFromUnits } from "../money.js";

/** One accepted record: its values in the order of the source's columns, and where it came from. */
export interface SourceRecord {
  values: Value[];
  /** index into SourceData.files */
  file: number;
  /** 1-based line (CSV) or sheet row (xlsx) where the record starts */
  row: number;
  /** a money value read as a plain decimal whose Dec is built only when something reads it (its slot in `values` is empty until then) */
  deferred?: DeferredMoney | undefined;
  /** text values read only when something asks, and only while the record is being added (see LazyCells) */
  lazy?: LazyCells | undefined;
  /** which row of `lazy` this record is */
  generation?: number | undefined;
}

/** A slot of `SourceRecord.values` not read yet (a deferred or lazy value): `valueAt` fills it on first use. */
export const EMPTY_SLOT = undefined as unknown as Value;

/** Where a record's unread text values still are: valid only until the reader moves on to the next row. */
export interface LazyCells {
  value(index: number, generation: number): Value;
}

/** `27500.53` as 2750053 units at scale 2 (units has at most 15 digits: exact in a double). */
export interface DeferredMoney {
  index: number;
  units: number;
  scale: number;
}

/** The record's value at `index` as integer units, while it is a deferred money value not yet built as a decimal; undefined otherwise. */
export function deferredUnits(record: SourceRecord, index: number): DeferredMoney | undefined {
  const deferred = record.deferred;
  return deferred !== undefined && deferred.index === index && record.values[index] === undefined ? deferred : undefined;
}

/** A record's value, building a deferred money value on first use. */
export function valueAt(record: SourceRecord, index: number): Value {
  const value = record.values[index];
  if (value !== undefined) return value;
  const deferred = record.deferred;
  if (deferred !== undefined && deferred.index === index) {
    const built = decFromUnits(deferred.units, deferred.scale);
    record.values[index] = built;
    return built;
  }
  if (record.lazy === undefined) return null;
  const read = record.lazy.value(index, record.generation ?? -1);
  record.values[index] = read;
  return read;
}

/** read = accepted + rejected + duplicates, always. */
export interface RowAccounting {
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

/** What reading one source tells about it: its shape, files, row accounting and the rows it rejected or dropped. */
export interface SourceSummary {
  name: string;
  /** the config's column names, in config order: the index of a value in SourceRecord.values */
  columns: string[];
  /** the files read, as shown to users */
  files: string[];
  accounting: RowAccounting;
  anomalies: Anomaly[];
}

/** A small source held whole (the roster, the targets file). */
export interface SourceData extends SourceSummary {
  records: SourceRecord[];
}
