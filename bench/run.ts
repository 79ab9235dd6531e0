/**
 * `npm run bench`: generates the data if needed, then times `kpi run` and the
 * same aggregation in DuckDB on the same files (each a child process, median
 * of 3, with peak RSS), prints the table and the ratio, and the streaming
 * xlsx read rate of kpi and of exceljs. See bench/README.md for the flags.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DIR, DIST_BENCH_DIR, KPI_BIN, REPO_ROOT } from "./benchPaths.js";
import { BENCH_PERIOD, FILES, countsFor, scaleFolder } from "./benchShape.js";
import type { DuckOutput } from "./duckdbAggregate.js";
import type { ExceljsReadOutput } from "./exceljsRead.js";
import { generate } from "./generate.js";
import { assertGnuTime, measureProcess, median, type ProcessMeasure } from "./measureProcess.js";
import { engineTable, fixed, growthTable, markdownTable, thousands, type EngineRow, type GrowthRow } from "./renderTables.js";
import { writeScaledConfig } from "./scaledConfig.js";
import { verifyResults } from "./verifyResults.js";

/** Issue 7's goals, and the pandas figure from the same machine. */
const GOALS = { ratio: 2.0, peakRssMb: 300, pandasSeconds: 5.9 };

interface Options {
  scales: number[];
  runs: number;
  threads: number;
  verify: boolean;
  xlsx: boolean;
  duckdb: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: "string", default: "1" },
      growth: { type: "boolean", default: false },
      "with-4x": { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      threads: { type: "string", default: "2" },
      verify: { type: "boolean", default: false },
      "skip-xlsx": { type: "boolean", default: false },
      "skip-duckdb": { type: "boolean", default: false },
    },
  });
  const growth = values.growth || values["with-4x"];
  const scales = growth ? [1, 2, ...(values["with-4x"] ? [4] : [])] : [Number(values.scale)];
  return { scales, runs: Number(values.runs), threads: Number(values.threads), verify: values.verify, xlsx: !values["skip-xlsx"], duckdb: !values["skip-duckdb"] };
}

const log = (text: string): void => void process.stderr.write(`${text}\n`);
const say = (text = ""): void => void process.stdout.write(`${text}\n`);

/** Runs a command `runs` times; fails on a non-zero exit. `count` names the run in the log when it is one of a series run elsewhere. */
async function measureRuns(label: string, runs: number, command: string, args: string[], count?: string): Promise<ProcessMeasure[]> {
  const measures: ProcessMeasure[] = [];
  for (let i = 1; i <= runs; i++) {
    const m = await measureProcess(command, args, REPO_ROOT);
    if (m.exitCode !== 0) throw new Error(`${label} exited with ${m.exitCode}:\n${m.stderr}`);
    log(`  ${label} ${count ?? `${i}/${runs}`}: ${fixed(m.seconds, 2)} s, peak RSS ${fixed(m.peakRssMb, 0)} MB`);
    measures.push(m);
  }
  return measures;
}

function summarise(engine: string, measures: readonly ProcessMeasure[]): EngineRow {
  return { engine, seconds: median(measures.map((m) => m.seconds)), cpuSeconds: median(measures.map((m) => m.cpuSeconds)), peakRssMb: median(measures.map((m) => m.peakRssMb)) };
}

/** Reads the files once so the first timed run does not pay for the disk. */
async function warmPageCache(files: readonly string[]): Promise<void> {
  for (const file of files) for await (const _chunk of createReadStream(file, { highWaterMark: 1 << 20 }));
}

async function prepare(scale: number): Promise<{ dir: string; benchConfig: string; xlsxConfig: string }> {
  const dir = path.join(BENCH_DIR, scaleFolder(scale));
  const started = performance.now();
  const { written, manifest } = await generate({ dir, scale, onFile: (name, status) => log(`  ${status} ${path.join(scaleFolder(scale), name)}`) });
  const bytes = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0);
  log(`data ${scale}×: ${written.length ? `generated in ${fixed((performance.now() - started) / 1000, 1)} s` : "reused"}, ${fixed(bytes / 1e6, 0)} MB on disk`);
  if (scale === 1) return { dir, benchConfig: path.join(BENCH_DIR, "kpi.bench.yaml"), xlsxConfig: path.join(BENCH_DIR, "kpi.xlsx.yaml") };
  return { dir, benchConfig: await writeScaledConfig(path.join(BENCH_DIR, "kpi.bench.yaml"), dir), xlsxConfig: await writeScaledConfig(path.join(BENCH_DIR, "kpi.xlsx.yaml"), dir) };
}

const kpiArgs = (config: string, out: string): string[] => [KPI_BIN, "run", "-c", config, "-p", BENCH_PERIOD, "-o", out, "--quiet", "--fail-on", "never"];

interface CsvOutcome {
  growth: GrowthRow;
  mismatches: number;
}

async function benchCsv(scale: number, dir: string, config: string, options: Options, out: string): Promise<CsvOutcome> {
  const counts = countsFor(scale);
  await warmPageCache([FILES.roster, FILES.deals, FILES.activities].map((f) => path.join(dir, f)));
  log(`kpi run on deals + activities${options.duckdb ? ", and DuckDB with " + String(options.threads) + " threads, in turn" : ""} (${scale}×):`);
  // kpi and DuckDB take turns, so that a spell of load on a shared machine falls on both rather than on one engine's runs
  const kpiMeasures: ProcessMeasure[] = [];
  const duckMeasures: ProcessMeasure[] = [];
  for (let i = 0; i < options.runs; i++) {
    kpiMeasures.push(...(await measureRuns("kpi run", 1, process.execPath, kpiArgs(config, out), `${i + 1}/${options.runs}`)));
    if (options.duckdb) duckMeasures.push(...(await measureRuns("DuckDB", 1, process.execPath, [path.join(DIST_BENCH_DIR, "duckdbAggregate.js"), dir, BENCH_PERIOD, String(options.threads)], `${i + 1}/${options.runs}`)));
  }
  const kpi = summarise("kpi run (end to end)", kpiMeasures);
  const duck: EngineRow | null = options.duckdb ? summarise(`DuckDB (read_csv_auto, ${options.threads} threads)`, duckMeasures) : null;
  const duckOutputs = duckMeasures.map((m) => JSON.parse(m.stdout) as DuckOutput);
  const rows = counts.deals + counts.activities;
  say(`\n## ${scale}×: ${thousands(counts.deals)} deals + ${thousands(counts.activities)} activities, period ${BENCH_PERIOD}, median of ${options.runs}\n`);
  say(engineTable(duck ? [kpi, duck] : [kpi]));
  say(`\nkpi reads ${thousands(rows / kpi.seconds)} rows/s end to end.`);
  if (duck) {
    const querySeconds = median(duckOutputs.map((o) => o.query_seconds));
    say(`kpi / DuckDB = ${fixed(kpi.seconds / duck.seconds, 2)} (both as processes); DuckDB's query alone took ${fixed(querySeconds, 2)} s in-process, kpi / that = ${fixed(kpi.seconds / querySeconds, 2)}.`);
    const turns = kpiMeasures.map((m, i) => fixed(m.seconds / (duckMeasures[i]?.seconds ?? Number.NaN), 2));
    say(`Turn by turn (each kpi run over the DuckDB run right after it): ${turns.join(", ")}.`);
  }
  let mismatches = 0;
  if (options.verify && duckOutputs[0]) mismatches = await verify(out, duckOutputs[0]);
  return { growth: { scale, rows, kpi, duckdb: duck }, mismatches };
}

async function verify(out: string, duck: DuckOutput): Promise<number> {
  const mismatches = verifyResults(await readFile(path.join(out, "results.json"), "utf8"), duck);
  if (mismatches.length === 0) say(`verify: kpi and DuckDB agree on every metric of all ${duck.reps.length} reps.`);
  else {
    say(`verify: ${mismatches.length} differences between kpi and DuckDB; the first ones:`);
    say(markdownTable(["rep", "metric", "kpi", "DuckDB"], mismatches.slice(0, 10).map((m) => [m.rep, m.metric, String(m.kpi), String(m.duckdb)])));
  }
  return mismatches.length;
}

/** kpi's cost that does not grow with rows (start-up, config, roster, writing reports), from the same config on a 0.001× file. */
async function kpiXlsxBaseline(options: Options, out: string): Promise<{ seconds: number; rows: number }> {
  const scale = 0.001;
  const dir = path.join(BENCH_DIR, scaleFolder(scale));
  await generate({ dir, scale });
  const config = await writeScaledConfig(path.join(BENCH_DIR, "kpi.xlsx.yaml"), dir);
  const measures = await measureRuns("kpi run xlsx, 0.001×", options.runs, process.execPath, kpiArgs(config, out));
  return { seconds: median(measures.map((m) => m.seconds)), rows: countsFor(scale).payments };
}

async function benchXlsx(scale: number, dir: string, config: string, options: Options, out: string): Promise<void> {
  const rows = countsFor(scale).payments;
  const file = path.join(dir, FILES.payments);
  await warmPageCache([file]);
  log(`xlsx read rate (${thousands(rows)} rows):`);
  const kpi = summarise("kpi run (payments.xlsx only)", await measureRuns("kpi run xlsx", options.runs, process.execPath, kpiArgs(config, out)));
  const base = await kpiXlsxBaseline(options, out);
  const netSeconds = kpi.seconds - base.seconds;
  const measures = await measureRuns("exceljs", options.runs, process.execPath, [path.join(DIST_BENCH_DIR, "exceljsRead.js"), file]);
  const outputs = measures.map((m) => JSON.parse(m.stdout) as ExceljsReadOutput);
  if (outputs[0]?.rows !== rows) throw new Error(`exceljs read ${outputs[0]?.rows} rows, expected ${rows}`);
  const exceljs = summarise("exceljs WorkbookReader (streaming)", measures);
  const inProcess = median(outputs.map((o) => o.seconds));
  say(`\n## Streaming xlsx read: payments.xlsx, ${thousands(rows)} rows, median of ${options.runs}\n`);
  say(
    markdownTable(
      ["reader", "seconds", "rows/s", "peak RSS MB"],
      [
        [kpi.engine, fixed(kpi.seconds, 2), thousands(rows / kpi.seconds), fixed(kpi.peakRssMb, 0)],
        [`kpi, net of its fixed cost (${fixed(base.seconds, 2)} s on ${thousands(base.rows)} rows)`, fixed(netSeconds, 2), netSeconds > 0 ? thousands((rows - base.rows) / netSeconds) : "-", "-"],
        [exceljs.engine, fixed(exceljs.seconds, 2), thousands(rows / exceljs.seconds), fixed(exceljs.peakRssMb, 0)],
        ["exceljs, reading only (in-process)", fixed(inProcess, 2), thousands(rows / inProcess), "-"],
      ],
    ),
  );
}

function closingNote(row: GrowthRow): string {
  const { kpi, duckdb } = row;
  const parts = [`kpi peak RSS ${fixed(kpi.peakRssMb, 0)} MB (goal ≤ ${GOALS.peakRssMb}: ${kpi.peakRssMb <= GOALS.peakRssMb ? "met" : "not met"})`];
  parts.push(`kpi ${fixed(kpi.seconds, 2)} s vs pandas ${GOALS.pandasSeconds} s (${kpi.seconds < GOALS.pandasSeconds ? "faster" : "slower"})`);
  if (duckdb) {
    const ratio = kpi.seconds / duckdb.seconds;
    parts.unshift(`kpi / DuckDB ${fixed(ratio, 2)} (goal ≤ ${fixed(GOALS.ratio, 1)}: ${ratio <= GOALS.ratio ? "met" : "not met"})`);
  }
  return `Closing note (${row.scale}×): ${parts.join("; ")}.`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  assertGnuTime();
  const load = os.loadavg().map((l) => fixed(l, 2)).join(" ");
  say(`# kpi bench: ${os.cpus().length} CPUs, ${fixed(os.totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, load average ${load}`);
  if ((os.loadavg()[0] ?? 0) > os.cpus().length / 2) say(`(the machine is busy: timings will be slower and noisier than on an idle machine)`);
  const out = await mkdtemp(path.join(os.tmpdir(), "kpi-bench-out-"));
  const growth: GrowthRow[] = [];
  let mismatches = 0;
  try {
    for (const [i, scale] of options.scales.entries()) {
      const { dir, benchConfig, xlsxConfig } = await prepare(scale);
      const outcome = await benchCsv(scale, dir, benchConfig, options, out);
      growth.push(outcome.growth);
      mismatches += outcome.mismatches;
      if (i === 0 && options.xlsx) await benchXlsx(scale, dir, xlsxConfig, options, path.join(out, "xlsx"));
    }
    if (growth.length > 1) say(`\n## How cost grows with rows\n\n${growthTable(growth)}`);
    if (growth[0]) say(`\n${closingNote(growth[0])}`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  if (mismatches > 0) process.exitCode = 1;
}

await main();
