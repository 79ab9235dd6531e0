/**
 * Runs one command as a child process under GNU time and reports its wall
 * time (measured here, around the spawn), CPU time and peak RSS (time's %M,
 * the child's max resident set). stdout is kept (the DuckDB script prints its
 * results there); stderr is kept for error messages.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const GNU_TIME = "/usr/bin/time";

export interface ProcessMeasure {
  seconds: number;
  /** user + system CPU seconds of the child */
  cpuSeconds: number;
  peakRssMb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function assertGnuTime(): void {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} not found: install GNU time (Debian/Ubuntu: apt-get install time)`);
}

export async function measureProcess(command: string, args: readonly string[], cwd: string): Promise<ProcessMeasure> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "kpi-bench-time-"));
  const timeFile = path.join(scratch, "time.txt");
  try {
    const started = performance.now();
    const { exitCode, stdout, stderr } = await run(GNU_TIME, ["-o", timeFile, "-f", "%U %S %M", command, ...args], cwd);
    const seconds = (performance.now() - started) / 1000;
    // GNU time writes "Command exited with non-zero status N" above the format line on failure.
    const last = (await readFile(timeFile, "utf8")).trim().split("\n").pop() ?? "";
    const [user, system, maxRssKb] = last.split(" ").map(Number);
    return { seconds, cpuSeconds: (user ?? 0) + (system ?? 0), peakRssMb: (maxRssKb ?? 0) / 1024, exitCode, stdout, stderr };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[], cwd: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => resolve({ exitCode: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
