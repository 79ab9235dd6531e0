/** `kpi run`: compute the period, write the outputs, print the ranking and the anomaly summary. */
import { SEVERITY_ORDER, type Severity } from "../../anomalies/anomaly.js";
import { AnomaliesFound } from "../../errors.js";
import type { ReaderPool } from "../../ingest/parallel/readerPool.js";
import { computeRun } from "../../pipeline.js";
import { useColor, write, type CommandIO } from "../io.js";
import { progressLine } from "../progress.js";

export type FailOn = Severity | "never";

export interface RunCommandOptions {
  config: string;
  period?: string | undefined;
  out: string;
  failOn: FailOn;
  json: boolean;
  quiet: boolean;
}

/** The modules that write and print: loaded while the sources are read (this thread mostly waits then), not before; the terminal report (chalk, cli-table3) only when something is printed. */
async function outputModules(quiet: boolean) {
  const [outputs, terminal, json, onThread] = await Promise.all([
    import("../../writeOutputs.js"), quiet ? null : import("../../report/terminalReport.js"), import("../../report/resultsJson.js"), import("../../report/workbookOnThread.js"),
  ]);
  return { writeOutputs: outputs.writeOutputs, terminal, resultsJson: json.resultsJson, writeWorkbookOn: onThread.writeWorkbookOn };
}

export async function runCommand(options: RunCommandOptions, io: CommandIO): Promise<void> {
  const progress = options.quiet ? null : progressLine(io);
  let loading: ReturnType<typeof outputModules> | null = null;
  const onProgress = (source: string, rows: number): void => {
    if (loading === null) {
      loading = outputModules(options.quiet);
      loading.catch(() => undefined); // awaited below, after the run
    }
    progress?.update(source, rows);
  };
  // a large run's reader threads, idle once it is computed, render and write the workbooks while this thread writes the rest
  const taken: { threads: ReaderPool | null } = { threads: null };
  const { outcome, modules, written } = await (async () => {
    try {
      const outcome = await computeRun({ config: options.config, cwd: io.cwd, period: options.period, progress: onProgress, takeThreads: (threads) => (taken.threads = threads) }).finally(() => progress?.done());
      const modules = await (loading ?? outputModules(options.quiet));
      const workbooks = taken.threads === null ? undefined : modules.writeWorkbookOn(taken.threads);
      return { outcome, modules, written: await modules.writeOutputs(outcome, options.out, io.cwd, workbooks) };
    } finally {
      void taken.threads?.close().catch(() => undefined); // not waited for: the process exits
    }
  })();
  const { terminal, resultsJson } = modules;
  if (options.json) await write(io.stdout, resultsJson(outcome));
  else if (terminal !== null) await write(io.stdout, terminal.renderRanking(outcome, { color: useColor(io.stdout, io.env) }));
  if (terminal !== null) {
    await write(io.stderr, terminal.renderAnomalySummary(outcome.anomalies, { color: useColor(io.stderr, io.env) }));
    await write(io.stderr, `Wrote ${written.join(", ")}\n`);
  }
  if (options.failOn !== "never") {
    const threshold = SEVERITY_ORDER[options.failOn];
    const found = outcome.anomalies.filter((a) => SEVERITY_ORDER[a.severity] <= threshold).length;
    if (found > 0) throw new AnomaliesFound(found, options.failOn);
  }
}
