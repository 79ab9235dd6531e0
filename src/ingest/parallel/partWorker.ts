/**
 * The worker thread's entry: reads one part of a file (see filePart.ts) and
 * posts the result. Nothing here knows what the sink is.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { planColumns } from "../coerceRow.js";
import { Irregular, scanCsvFile } from "../csvBytes/scanCsvFile.js";
import { DuplicateTracker } from "../duplicateTracker.js";
import { FileScan } from "../fileScan.js";
import { PassRecorder } from "../passRecorder.js";
import type { BuiltSink, PartResult, PartTask, PoolTask } from "./filePart.js";

async function readPart(task: PartTask): Promise<PartResult> {
  const { buildPortableSink } = (await import(task.sinkModule)) as { buildPortableSink: (spec: unknown) => BuiltSink };
  const built = buildPortableSink(task.sinkSpec);
  const ctx = { currency: task.currency, fx: task.fx, required: new Set(task.required) };
  const plans = planColumns(task.config, ctx.required);
  const recorder = new PassRecorder(task.source, task.config);
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

/** Line breaks in bytes [from, to) of a file: LF, CRLF and a lone CR count one each. */
export function lineBreaksBetween(path: string, from: number, to: number): number {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
  let breaks = 0;
  let carriedCr = false;
  try {
    for (let at = from; at < to; ) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
      if (got === 0) break;
      if (carriedCr && buf[0] !== 0x0a) breaks++; // a CR that ended the previous read was a lone CR
      carriedCr = false;
      for (let i = buf.indexOf(0x0a); i >= 0 && i < got; i = buf.indexOf(0x0a, i + 1)) breaks++;
      for (let i = buf.indexOf(0x0d); i >= 0 && i < got; i = buf.indexOf(0x0d, i + 1)) {
        if (i + 1 < got) {
          if (buf[i + 1] !== 0x0a) breaks++;
        } else carriedCr = true;
      }
      at += got;
    }
  } finally {
    closeSync(fd);
  }
  return carriedCr ? breaks + 1 : breaks;
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (task: PoolTask) => {
    if (task.kind === "count") {
      port.postMessage(lineBreaksBetween(task.path, task.from, task.to));
      return;
    }
    readPart(task).then(
      (result) => port.postMessage(result),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ kind: "failed", name: e.name, message: e.message, stack: e.stack } satisfies PartResult);
      },
    );
  });
}
