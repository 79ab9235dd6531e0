/**
 * Reader threads for a whole run: started as soon as the run knows it has a
 * large file (they boot while the roster is read), kept for every part of
 * every source and for hashing the files read, then stopped once the run is
 * computed, or handed to `kpi run`, which writes its workbooks on them (see
 * RunOptions.takeThreads).
 *
 * Tasks (parts to read, files to hash, functions to call) wait in one queue,
 * and a thread takes the next one when it has finished its own: the next part
 * of the source it read last, if there is one, else the first part, else the
 * first hash or call (see `nextTaskFor`): a thread that happens to read quickly reads more parts, and the
 * threads run out of work at about the same time (parts shrink toward the
 * end of a file for that). A thread never waits long for its next task: this
 * thread hands it on as soon as it hears the last one is done, between its
 * own steps (which are short: a small source is read in chunks, a part is
 * merged in milliseconds).
 */
import { Worker } from "node:worker_threads";
import type { CallResult, HashResult, PartProgress, PartResult, PartTask, TaskFailed, ThreadTask } from "./filePart.js";

type Answer = PartResult | HashResult | CallResult;

interface Waiting {
  task: ThreadTask;
  onProgress: (rows: number) => void;
  resolve: (result: Answer) => void;
  reject: (error: Error) => void;
}

interface ReaderThread {
  worker: Worker;
  /** the task it is doing, if any */
  busy: Waiting | null;
  /** why it stopped, once it has */
  stopped: Error | null;
  /** the source of the last part it read */
  lastSource: string | null;
}

/** What a reader thread is told when it starts. */
export interface ReaderThreadData {
  /** module URLs to load at once, so that the first part does not wait for them */
  preload: string[];
}

export class ReaderPool {
  private readonly threads: ReaderThread[];
  private readonly queue: Waiting[] = [];
  private readonly hashes = new Map<string, Promise<string>>();

  constructor(threads: number, preload: readonly string[] = []) {
    const workerData: ReaderThreadData = { preload: [...preload] };
    this.threads = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL("./partWorker.js", import.meta.url), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      worker.unref(); // a finished run exits even if a thread is still idle
      const thread: ReaderThread = { worker, busy: null, stopped: null, lastSource: null };
      worker.on("message", (message: Answer | PartProgress) => this.heard(thread, message));
      worker.on("error", (error: Error) => this.failed(thread, error));
      worker.on("exit", (code) => this.failed(thread, new Error(`internal: a reader thread stopped (exit code ${code})`)));
      return thread;
    });
  }

  /** Read a part on the first thread free for it; `onProgress` hears the rows it has read so far. */
  async readPart(task: PartTask, onProgress: (rows: number) => void = () => undefined): Promise<PartResult> {
    const result = await this.enqueue(task, onProgress);
    if (result.kind === "hashed" || result.kind === "called") throw new Error("internal: a part was answered with another task's result");
    return result;
  }

  /**
   * The SHA-256 of each file, in order. Each file is hashed once per pool, on
   * a thread with no part left to take (see `nextTaskFor`): asked for as soon
   * as a file's parts are all handed out, the hash of a large file is then
   * worked out by the first thread to run out of parts, while the other
   * threads read the last ones and this thread scores the run.
   */
  async hashFiles(paths: readonly string[]): Promise<string[]> {
    return Promise.all(paths.map((path) => this.hashFile(path)));
  }

  /** The SHA-256 of one file, asked for once (a rejected promise is kept too: the file could not be read). */
  hashFile(path: string): Promise<string> {
    let hashing = this.hashes.get(path);
    if (hashing === undefined) {
      hashing = this.enqueue({ kind: "hash", paths: [path] }, () => undefined).then((result) => {
        if (result.kind === "failed") throw taskError(result);
        if (result.kind !== "hashed" || result.sha256.length !== 1) throw new Error("internal: a hash was answered with a part");
        return result.sha256[0] as string;
      });
      hashing.catch(() => undefined); // handled by whoever awaits it; a file asked for early may never be (its source failed)
      this.hashes.set(path, hashing);
    }
    return hashing;
  }

  /**
   * Calls `name` of the module at `module` (a URL) on a thread, with `args`
   * cloned to it, once no part is left to take (see `nextTaskFor`); resolves
   * to what it returned. An error it threw comes back as an Error with its
   * name, message, stack, system error `code` and `cause` (the message).
   */
  async call(module: string, name: string, args: unknown[]): Promise<unknown> {
    const result = await this.enqueue({ kind: "call", module, name, args }, () => undefined);
    if (result.kind === "failed") throw taskError(result);
    if (result.kind !== "called") throw new Error("internal: a call was answered with another task's result");
    return result.value;
  }

  private enqueue(task: ThreadTask, onProgress: (rows: number) => void): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  /** Stop every thread. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  /** Hand queued tasks to idle threads; when no thread is left, fail what is queued. */
  private dispatch(): void {
    for (const thread of this.threads) {
      while (this.queue.length > 0 && thread.stopped === null && thread.busy === null) {
        const next = this.takeFor(thread);
        try {
          thread.worker.postMessage(next.task);
          thread.busy = next;
        } catch (error) {
          next.reject(error instanceof Error ? error : new Error(String(error))); // a task that cannot be cloned: the thread takes the next
        }
      }
    }
    if (this.threads.every((t) => t.stopped !== null)) {
      const error = this.threads[0]?.stopped ?? new Error("internal: no reader thread");
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
    }
  }

  /**
   * The next task for a thread: the first part of the source it read last, if
   * one is queued, else the first part, else the first hash. A thread then
   * stays on one source while it has parts: the code V8 optimised for that
   * source's columns and metrics is not thrown away and compiled again at
   * every switch. Hashes wait for every part: the run needs them only once
   * it is scored.
   */
  private takeFor(thread: ReaderThread): Waiting {
    const [next] = this.queue.splice(nextTaskFor(this.queue.map((w) => w.task), thread.lastSource), 1) as [Waiting];
    if (next.task.kind === "part") thread.lastSource = next.task.source;
    return next;
  }

  private heard(thread: ReaderThread, message: Answer | PartProgress): void {
    const done = thread.busy;
    if (done === null) return;
    if (message.kind === "progress") {
      done.onProgress(message.rows);
      return;
    }
    thread.busy = null;
    this.dispatch(); // the next task first: the thread works on while this result is merged
    done.resolve(message);
  }

  private failed(thread: ReaderThread, error: Error): void {
    thread.stopped ??= error;
    const lost = thread.busy;
    thread.busy = null;
    lost?.reject(error);
    this.dispatch();
  }
}

/** An error a task threw on its thread, as an Error here. */
function taskError(failed: TaskFailed): Error {
  return Object.assign(new Error(failed.message, failed.cause === undefined ? undefined : { cause: new Error(failed.cause) }), { name: failed.name, stack: failed.stack, code: failed.code });
}

/** Where in the queue the next task of a thread is: the first part of `lastSource` (the source it read last), else the first part, else the first task (a hash or a call). */
export function nextTaskFor(queue: readonly ThreadTask[], lastSource: string | null): number {
  const same = lastSource === null ? -1 : queue.findIndex((task) => task.kind === "part" && task.source === lastSource);
  if (same >= 0) return same;
  const part = queue.findIndex((task) => task.kind === "part");
  return part < 0 ? 0 : part;
}
