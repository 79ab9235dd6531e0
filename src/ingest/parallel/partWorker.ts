/**
 * The worker thread's entry: reads one part of a file (see filePart.ts),
 * hashes whole files, or calls a module's function, and posts the result. Nothing here knows what the sink
 * is.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { planColumns } from "../coerceRow.js";
import { Irregular, scanCsvFile } from "../csvBytes/scanCsvFile.js";
import { DuplicateTracker } from "../duplicateTracker.js";
import { FileScan } from "../fileScan.js";
import { sha256FileSync } from "../fileSha256.js";
import type { FastRowReader } from "../csvBytes/fastRowReader.js";
import { PassRecorder } from "../passRecorder.js";
import type { BuiltSink, CallResult, CallTask, HashResult, HashTask, PartProgress, PartResult, PartTask, TaskFailed, ThreadTask } from "./filePart.js";
import type { ReaderThreadData } from "./readerPool.js";

/**
 * The sink of each source read here, built for its first part and emptied
 * before each part (and once the part is packed, to free its memory): the
 * functions compiled from its metrics' expressions stay the same, so the code
 * optimised around them in the first part serves the next (building it again
 * cost up to tens of milliseconds a part). A thread serves one run, in which
 * a source's sink is always built from the same spec.
 */
const sinks = new Map<string, BuiltSink>();

async function sinkFor(task: PartTask): Promise<BuiltSink> {
  const key = JSON.stringify([task.sinkModule, task.source]);
  let built = sinks.get(key);
  if (built === undefined) {
    const { buildPortableSink } = (await import(task.sinkModule)) as { buildPortableSink: (spec: unknown) => BuiltSink };
    sinks.set(key, (built = buildPortableSink(task.sinkSpec)));
  } else built.sink.reset(); // empty already, unless the part before ended in an error
  return built;
}

/**
 * The byte reader of each source's latest file read here, kept for its next
 * part (the parts of two sources come in turn): its memos of what each
 * distinct text reads as are then learnt once per thread, not once per part.
 * A reader depends only on the source, the file and its header, which the
 * key names; one per source bounds the memory of a source with many files.
 */
const readers = new Map<string, { key: string; reader: FastRowReader }>();

async function readPart(task: PartTask, onProgress: (rows: number) => void): Promise<PartResult> {
  const built = await sinkFor(task);
  const ctx = { currency: task.currency, fx: task.fx, required: new Set(task.required) };
  const plans = planColumns(task.config, ctx.required);
  const recorder = new PassRecorder(task.source, task.config, (_source, rows) => onProgress(rows));
  const key = readerKey(task);
  const kept = readers.get(task.source);
  const rows = new FileScan({
    config: task.config, plans, ctx, sink: built.sink, pass: recorder.pass, state: { tracker: new DuplicateTracker(), records: 0 },
    file: task.file, fileIndex: task.fileIndex, csv: true, used: built.sink.columnsRead?.() ?? null, known: task.known,
    fast: kept?.key === key ? kept.reader : undefined,
  });
  if (rows.fast !== null) readers.set(task.source, { key, reader: rows.fast });
  try {
    const end = scanCsvFile(task.file.path, task.delimiter, task.range, (view) => {
      if (!rows.tryFast(view)) rows.offer({ row: view.row, lastLine: view.lastLine, cells: view.cells() });
    });
    const idle = rows.idle();
    const packed = built.pack();
    built.sink.reset(); // what it gathered is in `packed` now: let it go before the next part, which may be another source's
    return {
      kind: "done", read: recorder.read, rejected: recorder.rejected, duplicates: recorder.duplicates, anomalies: recorder.anomalies, packed, end, footer: rows.end(), idle,
      rejectedNamingLines: recorder.rejectedNamingLines > 0,
    };
  } catch (error) {
    if (error instanceof Irregular) return { kind: "irregular", reason: error.message };
    throw error;
  }
}

function readerKey(task: PartTask): string {
  return JSON.stringify([task.source, task.file.path, task.fileIndex, task.known.mapped]);
}

/** The SHA-256 of each file, in order. */
function hashFiles(task: HashTask): HashResult {
  const buf = Buffer.allocUnsafe(1024 * 1024);
  return { kind: "hashed", sha256: task.paths.map((path) => sha256FileSync(path, buf)) };
}

/** Calls the function a task names: its module is loaded on the first call. */
async function call(task: CallTask): Promise<CallResult> {
  const module = (await import(task.module)) as Record<string, unknown>;
  const fn = module[task.name];
  if (typeof fn !== "function") throw new Error(`internal: ${task.module} exports no function ${task.name}`);
  return { kind: "called", value: await (fn as (...args: unknown[]) => unknown)(...task.args) };
}

/** Do a task and post its result, or what went wrong: every task gets exactly one answer. */
async function answer(port: MessagePort, task: ThreadTask): Promise<void> {
  const failed = (error: unknown): TaskFailed => {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as NodeJS.ErrnoException).code;
    return { kind: "failed", name: e.name, message: e.message, stack: e.stack, code: typeof code === "string" ? code : undefined, cause: e.cause instanceof Error ? e.cause.message : undefined };
  };
  let result: PartResult | HashResult | CallResult;
  try {
    if (task.kind === "hash") result = hashFiles(task);
    else if (task.kind === "call") result = await call(task);
    else result = await readPart(task, (rows) => port.postMessage({ kind: "progress", rows } satisfies PartProgress));
  } catch (error) {
    result = failed(error);
  }
  try {
    port.postMessage(result);
  } catch (error) {
    port.postMessage(failed(error)); // a result that cannot be cloned
  }
}

if (parentPort) {
  const port = parentPort;
  // the sink's modules load while the main thread is still busy with the config and the roster
  const preloaded = Promise.all(((workerData as ReaderThreadData | null)?.preload ?? []).map((url) => import(url))).then(
    () => undefined,
    () => undefined, // a module that fails to load fails the part that needs it, with its own error
  );
  // tasks are done one after the other, in the order they came
  let previous: Promise<void> = preloaded;
  port.on("message", (task: ThreadTask) => {
    previous = previous.then(() => answer(port, task));
  });
}
