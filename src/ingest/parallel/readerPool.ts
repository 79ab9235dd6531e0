/**
 * Reader threads for a whole run: started as soon as the run knows it has a
 * large file (they boot while the roster is read), kept for every part of
 * every source, and stopped when the sources are read.
 *
 * A part goes to a thread the moment it is asked for: to the thread with the
 * fewest bytes still to read. A thread reads its parts one after the other,
 * so it never waits for this thread to hand it the next one (this thread may
 * be busy reading a small source, or merging the parts of another).
 */
import { Worker } from "node:worker_threads";
import type { PartProgress, PartResult, PartTask } from "./filePart.js";

interface Waiting {
  bytes: number;
  onProgress: (rows: number) => void;
  resolve: (result: PartResult) => void;
  reject: (error: Error) => void;
}

interface ReaderThread {
  worker: Worker;
  /** its parts, in the order it reads them: the first is being read */
  parts: Waiting[];
  /** bytes of its parts not yet read */
  bytes: number;
  /** why it stopped, once it has */
  stopped: Error | null;
}

/** What a reader thread is told when it starts. */
export interface ReaderThreadData {
  /** module URLs to load at once, so that the first part does not wait for them */
  preload: string[];
}

export class ReaderPool {
  private readonly threads: ReaderThread[];

  constructor(threads: number, preload: readonly string[] = []) {
    const workerData: ReaderThreadData = { preload: [...preload] };
    this.threads = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL("./partWorker.js", import.meta.url), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      worker.unref(); // a finished run exits even if a thread is still idle
      const thread: ReaderThread = { worker, parts: [], bytes: 0, stopped: null };
      worker.on("message", (message: PartResult | PartProgress) => this.heard(thread, message));
      worker.on("error", (error: Error) => this.failed(thread, error));
      worker.on("exit", (code) => this.failed(thread, new Error(`internal: a reader thread stopped (exit code ${code})`)));
      return thread;
    });
  }

  /** Read a part on the thread with the least left to read; `onProgress` hears the rows it has read so far. */
  readPart(task: PartTask, onProgress: (rows: number) => void = () => undefined): Promise<PartResult> {
    const running = this.threads.filter((t) => t.stopped === null);
    const bytes = task.range.end - task.range.start;
    return new Promise((resolve, reject) => {
      const thread = running.reduce<ReaderThread | null>((least, t) => (least === null || t.bytes < least.bytes ? t : least), null);
      if (thread === null) return reject(this.threads[0]?.stopped ?? new Error("internal: no reader thread"));
      thread.parts.push({ bytes, onProgress, resolve, reject });
      thread.bytes += bytes;
      thread.worker.postMessage(task);
    });
  }

  /** Stop every thread. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private heard(thread: ReaderThread, message: PartResult | PartProgress): void {
    const part = thread.parts[0];
    if (part === undefined) return;
    if (message.kind === "progress") {
      part.onProgress(message.rows);
      return;
    }
    thread.parts.shift();
    thread.bytes -= part.bytes;
    part.resolve(message);
  }

  private failed(thread: ReaderThread, error: Error): void {
    thread.stopped ??= error;
    for (const part of thread.parts.splice(0)) part.reject(error);
    thread.bytes = 0;
  }
}
