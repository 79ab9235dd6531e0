/**
 * The cost per row of reading one source into its aggregator, on this thread
 * alone, warm: the best of several rounds over the same file. For comparing
 * two builds of the reader and aggregator without the noise of threads,
 * start-up and outputs (the machine is shared: run each side several times,
 * in turns, and compare the best).
 *
 *   npm run build && node dist/bench/rowCost.js [deals|activities] [rounds] [scale folder]
 *
 * Reads bench/.cache/s0.2 by default (run `npm run bench -- --scale 0.2` once to make it).
 */
import path from "node:path";
import { loadConfig } from "../src/config/loadConfig.js";
import { monthKeysOf } from "../src/engine/monthKeys.js";
import { parsePeriod, previousPeriod } from "../src/engine/period.js";
import { portableAggregator } from "../src/engine/portableAggregator.js";
import { buildRoster } from "../src/engine/roster.js";
import { readHeldSources, requiredColumns } from "../src/ingest/ingestAll.js";
import { readSource } from "../src/ingest/readSource.js";
import { resolveFiles } from "../src/ingest/resolveFiles.js";
import { BENCH_DIR } from "./benchPaths.js";
import { BENCH_PERIOD } from "./benchShape.js";

const [source = "activities", roundsText = "5", folder = "s0.2"] = process.argv.slice(2);
const rounds = Number(roundsText);
const loaded = await loadConfig(path.join(BENCH_DIR, ".cache", folder, "kpi.bench.yaml"), process.cwd());
const { config } = loaded;
const spec = config.sources[source];
if (!spec) throw new Error(`the bench config has no source ${source}`);
const roster = (await readHeldSources(loaded)).held.get("roster");
if (!roster) throw new Error("the bench config has no roster");
const reps = buildRoster(roster);
const period = parsePeriod(BENCH_PERIOD);
if (!period) throw new Error(`bad bench period ${BENCH_PERIOD}`);
const keep = new Set([...monthKeysOf(period), ...monthKeysOf(previousPeriod(period))]);
const files = await resolveFiles(spec.path, loaded.baseDir);

let best = Number.POSITIVE_INFINITY;
let rows = 0;
for (let round = 0; round < rounds; round++) {
  const aggregator = portableAggregator(source, Object.keys(spec.columns), files.map((f) => f.display), config, reps, [], keep);
  const started = performance.now();
  const summary = await readSource(source, spec, files, { currency: config.currency, fx: config.fx ?? {}, required: requiredColumns(config, source) }, aggregator);
  best = Math.min(best, performance.now() - started);
  rows = summary.accounting.read;
}
process.stdout.write(`${source}: ${rows} rows, best of ${rounds} rounds ${best.toFixed(0)} ms = ${((best / rows) * 1000).toFixed(3)} µs per row\n`);
