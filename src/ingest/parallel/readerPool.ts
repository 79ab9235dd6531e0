/**
 * Reader threads: started on first use, kept for every task of a source (a
 * thread costs a module load to start), and stopped when the source is read
 * (their heaps go with them). Tasks queue; each goes to the next free thread.
 */
import { Worker } from "node:worker_threads";
import type { PartProgress, PartResult, PartTask } from "./filePart.js";

interface Waiting {
  task: PartTask;
  onProgress: (rows: number) => void;
  resolve: (result: PartResult) => void;
  reject: (error: Error) => void;
}

export class ReaderPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Waiting[] = [];
  private readonly all: Worker[] = [];

  constructor(private readonly threads: number) {}

  /** Read a part on the next free thread; `onProgress` hears the rows it has read so far. */
  readPart(task: PartTask, onProgress: (rows: number) => void = () => undefined): Promise<PartResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  /** Stop every thread (idle ones at once). */
  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
    this.all.length = 0;
    this.idle.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.all.length < this.threads ? this.start() : null);
      if (worker === null) return;
      const next = this.queue.shift() as Waiting;
      const onMessage = (result: PartResult | PartProgress): void => {
        if (result.kind === "progress") {
          next.onProgress(result.rows);
          return;
        }
        worker.off("message", onMessage);
        worker.off("error", onError);
        this.idle.push(worker);
        next.resolve(result);
        this.dispatch();
      };
      const onError = (error: Error): void => {
        worker.off("message", onMessage);
        next.reject(error);
      };
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.postMessage(next.task);
    }
  }

  private start(): Worker {
    const worker = new Worker(new URL("./partWorker.js", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    worker.unref(); // a finished run exits even if a thread is still idle
    this.all.push(worker);
    return worker;
  }
}
