import type { Anomaly } from "../anomalies/anomaly.js";
import type { Value } from "../expr/value.js";

/** One accepted record: its values in the order of the source's columns, and where it came from. */
export interface SourceRecord {
  values: Value[];
  /** index into SourceData.files */
  file: number;
  /** 1-based line (CSV) or sheet row (xlsx) where the record starts */
  row: number;
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
