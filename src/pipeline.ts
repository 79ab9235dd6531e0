/**
 * A run, in order: load the config -> ingest -> engine -> anomalies ->
 * commission (the stages after the config are in runStages.ts). Writing
 * outputs is the separate last step (`writeOutputs`), so `explain` and `diff`
 * reuse this.
 *
 * Start-up order matters on large exports: as soon as the config shows a file
 * large enough for reader threads, they are started, and only then does this
 * thread load the modules of the later stages; both load side by side, and
 * the threads are ready when the first part is cut.
 */
import { loadConfig } from "./config/loadConfig.js";
import { PORTABLE_AGGREGATOR_MODULE } from "./engine/portableAggregatorModule.js";
import { parsePeriod, type Period } from "./engine/period.js";
import { UsageError } from "./errors.js";
import type { ReaderPool } from "./ingest/parallel/readerPool.js";
import { readerPoolFor } from "./ingest/parallel/readerPoolFor.js";
import type { RunOutcome } from "./runOutcome.js";

export interface RunOptions {
  config: string;
  cwd: string;
  /** `2026-10`, `2026-Q4` or `2026`; default: the latest complete period in the data */
  period?: string | undefined;
  /** read the sources relative to this folder instead of the config's own (diff: the same data for both configs) */
  dataDir?: string | undefined;
  /** rows read so far per source, for a progress line */
  progress?: (source: string, rowsRead: number) => void;
  /**
   * Given the run's reader threads, if it had any, once it is computed: the
   * caller then owns them (`kpi run` writes its workbooks on them) and closes
   * them. Without it, or when the run fails, they are closed here.
   */
  takeThreads?: (threads: ReaderPool) => void;
}

export function parsePeriodOption(text: string): Period {
  const period = parsePeriod(text.trim());
  if (!period) throw new UsageError(`-p ${text} is not a period; write a month (2026-10), a quarter (2026-Q4) or a year (2026)`);
  return period;
}

export async function computeRun(options: RunOptions): Promise<RunOutcome> {
  const requested = options.period === undefined ? null : parsePeriodOption(options.period);
  const loaded = await loadConfig(options.config, options.cwd, options.dataDir);
  const pool = await readerPoolFor(loaded, [PORTABLE_AGGREGATOR_MODULE]);
  let stages: typeof import("./runStages.js");
  try {
    stages = await import("./runStages.js");
  } catch (error) {
    await pool?.close();
    throw error;
  }
  return stages.runStages(loaded, requested, options.progress, pool, options.takeThreads);
}
