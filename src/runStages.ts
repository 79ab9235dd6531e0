/**
 * The stages of a run after its config is loaded: ingest -> engine ->
 * anomalies -> commission. Everything after ingest is pure. Loaded by
 * `computeRun` once the reader threads are starting (see pipeline.ts).
 */
import { compareAnomalies } from "./anomalies/anomaly.js";
import { computeCommission } from "./commission/computeCommission.js";
import { repsNeedingReview } from "./commission/needsReview.js";
import type { LoadedConfig } from "./config/loadConfig.js";
import { defaultPeriod } from "./engine/defaultPeriod.js";
import { evaluateRun, periodActuals } from "./engine/evaluateRun.js";
import { previousPeriod, type Period } from "./engine/period.js";
import { detectAnomalies } from "./anomalies/detectAnomalies.js";
import { InputError } from "./errors.js";
import { readHeldSources, streamRecordSources, type Ingested, type Progress } from "./ingest/ingestAll.js";
import type { SourceData } from "./ingest/sourceData.js";
import { ROSTER } from "./config/scopes.js";
import { portableAggregator } from "./engine/portableAggregator.js";
import { buildRoster } from "./engine/roster.js";
import { monthKeysOf } from "./engine/monthKeys.js";
import type { SourceAggregator } from "./engine/sourceAggregator.js";
import type { ReaderPool } from "./ingest/parallel/readerPool.js";
import type { RunOutcome } from "./runOutcome.js";
import { VERSION } from "./version.js";

/**
 * Read, evaluate and collect. `pool` (the reader threads, if any) is handed to
 * `takeThreads` with the outcome, or closed (not waited for: stopping takes
 * tens of milliseconds).
 */
export async function runStages(loaded: LoadedConfig, requested: Period | null, progress: Progress | undefined, pool: ReaderPool | undefined, takeThreads?: (threads: ReaderPool) => void): Promise<RunOutcome> {
  const close = (): void => void pool?.close().catch(() => undefined);
  let outcome: RunOutcome;
  try {
    outcome = await evaluateStages(loaded, requested, progress, pool);
  } catch (error) {
    close();
    throw error;
  }
  if (pool !== undefined && takeThreads !== undefined) takeThreads(pool);
  else close();
  return outcome;
}

async function evaluateStages(loaded: LoadedConfig, requested: Period | null, progress: Progress | undefined, pool: ReaderPool | undefined): Promise<RunOutcome> {
  const { config } = loaded;
  const { held, aggregates, sources, files } = await ingestWith(loaded, requested, progress, pool);
  const period = requested ?? defaultPeriod(config, aggregates);
  if (!period) throw new InputError("no record has a date in the columns the metrics use, so there is no period to report; give one with -p", loaded.file);
  const engine = evaluateRun({ config, held, aggregates, period });
  // the previous period of the same grain, from the same accumulated inputs (for change.NAME)
  const previous = config.anomalies ? periodActuals({ config, held, aggregates, period: previousPeriod(period) }) : null;
  const detected = detectAnomalies({ config, current: engine, previous, aggregates });
  const ingestAnomalies = [...sources.values()].flatMap((source) => source.anomalies);
  const found = [...ingestAnomalies, ...engine.anomalies, ...detected.anomalies];
  const needsReview = repsNeedingReview(found, engine.reps.map((r) => r.rep), config.sources[ROSTER]?.match ?? []);
  const commission = computeCommission({ config, engine, aggregates, needsReview });
  // a base metric without a target is already reported when it is also on the scorecard
  const seen = new Set(found.map((a) => `${a.code}\u0000${a.rep}\u0000${a.metric}`));
  const extra = commission.anomalies.filter((a) => !seen.has(`${a.code}\u0000${a.rep}\u0000${a.metric}`));
  const anomalies = [...found, ...extra].sort(compareAnomalies);
  // the large files' fingerprints were worked out by a reader thread while the run was scored
  const ingested: Ingested = { sources, held, files: await files };
  return { loaded, ingested, period, engine, commission: commission.result, changes: detected.changes, anomalies, version: VERSION };
}


/** Read the roster and targets whole, then stream every record source into its aggregator. */
async function ingestWith(loaded: LoadedConfig, requested: Period | null, progress: Progress | undefined, pool: ReaderPool | undefined) {
  const { config } = loaded;
  // the roster first: every other source's records are matched to reps as they stream in
  const held = await readHeldSources(loaded, progress);
  const reps = buildRoster(held.held.get(ROSTER) ?? emptyRoster());
  const matchColumns = config.sources[ROSTER]?.match ?? [];
  // with -p the months that matter are known before reading: accumulate only those (and the previous period's)
  const keepMonths = requested === null ? null : new Set([...monthKeysOf(requested), ...monthKeysOf(previousPeriod(requested))]);
  const aggregators = new Map<string, SourceAggregator>();
  const streamed = await streamRecordSources(
    loaded,
    (name, columns, files) => {
      const aggregator = portableAggregator(name, columns, files, config, reps, matchColumns, keepMonths);
      aggregators.set(name, aggregator);
      return aggregator;
    },
    progress,
    pool,
  );
  const sources = new Map(
    Object.keys(config.sources).flatMap((name) => {
      const summary = held.held.get(name) ?? streamed.sources.get(name);
      return summary ? [[name, summary] as const] : [];
    }),
  );
  const files = streamed.files.then((streamedFiles) => [...held.files, ...streamedFiles]);
  files.catch(() => undefined); // awaited once the run is scored
  // in config order, whatever order the sources finished in
  const aggregates = new Map([...streamed.sources.keys()].flatMap((name) => {
    const aggregator = aggregators.get(name);
    return aggregator ? [[name, aggregator.result()] as const] : [];
  }));
  return { held: held.held, aggregates, sources, files };
}

function emptyRoster(): SourceData {
  return { name: ROSTER, columns: [], files: [], accounting: { read: 0, accepted: 0, rejected: 0, duplicates: 0 }, anomalies: [], records: [] };
}
