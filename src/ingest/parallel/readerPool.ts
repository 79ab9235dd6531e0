/**
 * Reader threads: started on first use, kept for every task of a source (a
 * thread costs a module load to start), and stopped when the source is read
 * (their heaps go with them). Tasks queue; each goes to the next free thread.
 */
import { Worker } from "node:worker_threads";
import type { PartResult, PoolTask } from "./filePart.js";

interface Waiting {
  task: PoolTask;
  resolve: (result: PartResult | number) => void;
  reject: (error: Error) => void;
}

export class ReaderPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Waiting[] = [];
  private readonly all: Worker[] = [];

  constructor(private readonly threads: number) {}

  /** The line breaks in a byte range of a file (LF, CRLF and a lone CR count one each). */
  countLines(path: string, from: number, to: number): Promise<number> {
    return this.run({ kind: "count", path, from, to }) as Promise<number>;
  }

  readPart(task: Extract<PoolTask, { kind: "part" }>): Promise<PartResult> {
    return this.run(task) as Promise<PartResult>;
  }

  /** Stop every thread (idle ones at once). */
  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
    this.all.length = 0;
    this.idle.length = 0;
  }

  private run(task: PoolTask): Promise<PartResult | number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.all.length < this.threads ? this.start() : null);
      if (worker === null) return;
      const next = this.queue.shift() as Waiting;
      const onMessage = (result: PartResult | number): void => {
        worker.off("error", onError);
        this.idle.push(worker);
        next.resolve(result);
        this.dispatch();
      };
      const onError = (error: Error): void => {
        worker.off("message", onMessage);
        next.reject(error);
      };
      worker.once("message", onMessage);
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
