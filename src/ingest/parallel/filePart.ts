/**
 * One part of a large CSV file, as a worker thread reads it: the rows of a
 * byte range, with the header already found, into a sink built from plain
 * data. What crosses between threads is plain data on both ways.
 */
import type { Anomaly } from "../../anomalies/anomaly.js";
import type { SourceConfig } from "../../config/schema.js";
import type { RawRow } from "../rawRow.js";
import type { RecordSink } from "../readSource.js";
import type { SourceFile } from "../resolveFiles.js";
import type { KnownHeader } from "../fileScan.js";
import type { ByteRange, ScanEnd } from "../csvBytes/scanCsvFile.js";

/** A sink that can be built again on another thread: the module that builds it, and what it is built from. */
export interface PortableSink {
  /** URL of a module exporting `buildPortableSink(spec)` */
  module: string;
  /** structured-cloneable */
  spec: unknown;
  /**
   * Takes back what a part's sink gathered (`pack()` of the built sink), in
   * file order. The part numbered its rows from line 1: `lineShift` added to
   * a row number there gives its line in the file.
   */
  absorb(packed: unknown, lineShift: number): void;
  /**
   * How many times the usual smallest part (MIN_PART_BYTES) a part must be to
   * be worth packing and merging; default 1. A sink whose packed aggregates
   * are large asks for fewer, larger parts; Infinity, for one part per thread.
   */
  partScale?: number | undefined;
}

/** What `buildPortableSink` returns. */
export interface BuiltSink {
  sink: RecordSink;
  pack(): unknown;
}

export interface PartTask {
  kind: "part";
  source: string;
  config: SourceConfig;
  currency: string;
  fx: Readonly<Record<string, string | number>>;
  required: string[];
  file: SourceFile;
  fileIndex: number;
  delimiter: string;
  known: KnownHeader;
  /** `range.line` is 1: a part numbers its rows from its own start (nobody counts the lines before it; see readFileInParts) */
  range: ByteRange;
  sinkModule: string;
  sinkSpec: unknown;
}

/** The SHA-256 of whole files, one after the other (a thread with no part left to read does this while the run is scored). */
export interface HashTask {
  kind: "hash";
  paths: string[];
}

export type HashResult = { kind: "hashed"; sha256: string[] } | TaskFailed;

/**
 * A function of a module called on a thread with plain-data arguments, once
 * the threads have nothing left to read (the outputs: see
 * report/workbookOnThread.ts). The thread loads the module once.
 */
export interface CallTask {
  kind: "call";
  /** URL of the module */
  module: string;
  /** the exported function, which may return a promise */
  name: string;
  args: unknown[];
}

export type CallResult = { kind: "called"; value: unknown } | TaskFailed;

/** Anything a reader thread is asked to do. */
export type ThreadTask = PartTask | HashTask | CallTask;

/** A task that threw: the error, as plain data. */
export interface TaskFailed {
  kind: "failed";
  name: string;
  message: string;
  stack: string | undefined;
  /** a system error's code (`ENOENT`, `EACCES`): the file could not be read (or written) */
  code?: string | undefined;
  /** the message of the error's cause, if it has one */
  cause?: string | undefined;
}

/** A reader thread's word while it reads a part: rows read so far in it (every 20,000), for the progress line. */
export interface PartProgress {
  kind: "progress";
  rows: number;
}

export type PartResult =
  | {
      kind: "done";
      read: number;
      rejected: number;
      duplicates: number;
      anomalies: Anomaly[];
      packed: unknown;
      end: ScanEnd;
      /** the footer held back at the end of the range, and whether nothing was pending there */
      footer: RawRow[];
      idle: boolean;
      /** a rejected record's message names its lines (see PassRecorder.rejectedNamingLines): the part is read again where its lines are known */
      rejectedNamingLines: boolean;
    }
  | { kind: "irregular"; reason: string }
  | TaskFailed;
