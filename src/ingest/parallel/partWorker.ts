/**
 * The worker thread's entry: reads one part of a file (see filePart.ts) and
 * posts the result. Nothing here knows what the sink is.
 */
import { parentPort } from "node:worker_threads";
import { planColumns } from "../coerceRow.js";
import { Irregular, scanCsvFile } from "../csvBytes/scanCsvFile.js";
import { DuplicateTracker } from "../duplicateTracker.js";
import { FileScan } from "../fileScan.js";
import { PassRecorder } from "../passRecorder.js";
import type { BuiltSink, PartProgress, PartResult, PartTask } from "./filePart.js";

async function readPart(task: PartTask, onProgress: (rows: number) => void): Promise<PartResult> {
  const { buildPortableSink } = (await import(task.sinkModule)) as { buildPortableSink: (spec: unknown) => BuiltSink };
  const built = buildPortableSink(task.sinkSpec);
  const ctx = { currency: task.currency, fx: task.fx, required: new Set(task.required) };
  const plans = planColumns(task.config, ctx.required);
  const recorder = new PassRecorder(task.source, task.config, (_source, rows) => onProgress(rows));
  const rows = new FileScan({
    config: task.config, plans, ctx, sink: built.sink, pass: recorder.pass, state: { tracker: new DuplicateTracker(), records: 0 },
    file: task.file, fileIndex: task.fileIndex, csv: true, used: built.sink.columnsRead?.() ?? null, known: task.known,
  });
  try {
    const end = scanCsvFile(task.file.path, task.delimiter, task.range, (view) => {
      if (!rows.tryFast(view)) rows.offer({ row: view.row, lastLine: view.lastLine, cells: view.cells() });
    });
    const idle = rows.idle();
    return { kind: "done", read: recorder.read, rejected: recorder.rejected, duplicates: recorder.duplicates, anomalies: recorder.anomalies, packed: built.pack(), end, footer: rows.end(), idle };
  } catch (error) {
    if (error instanceof Irregular) return { kind: "irregular", reason: error.message };
    throw error;
  }
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (task: PartTask) => {
    readPart(task, (rows) => port.postMessage({ kind: "progress", rows } satisfies PartProgress)).then(
      (result) => port.postMessage(result),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ kind: "failed", name: e.name, message: e.message, stack: e.stack } satisfies PartResult);
      },
    );
  });
}
