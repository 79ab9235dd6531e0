/**
 * Writes the bench data once into a cache folder: roster.csv, deals.csv,
 * activities.csv and payments.xlsx, plus manifest.json. Deterministic (seeded
 * PRNG, integer calendar days, no clock), streamed (no file is ever held
 * whole), and a file that already matches the manifest is left alone.
 *
 *   npm run build && node dist/bench/generate.js [--scale 1] [--out DIR] [--seed N]
 */
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { ACTIVITIES_HEADER, DEALS_HEADER, ROSTER_HEADER, activityLine, dealLine, rosterLines } from "./benchCsv.js";
import { BENCH_DIR } from "./benchPaths.js";
import { DEFAULT_SEED, FILES, GENERATOR_VERSION, countsFor, scaleFolder, type FileKind } from "./benchShape.js";
import { isUpToDate, readManifest, writeManifest, type Manifest } from "./manifest.js";
import { writePaymentsXlsx } from "./paymentsXlsx.js";
import { buildSalesWorld, type SalesWorld } from "./salesWorld.js";
import { writeLinesFile } from "./writeLinesFile.js";

export interface GenerateOptions {
  dir: string;
  scale: number;
  seed?: number;
  /** told about each file as it is written or reused */
  onFile?: (name: string, status: "written" | "reused", rows: number) => void;
}

export interface GenerateResult {
  manifest: Manifest;
  written: string[];
  reused: string[];
}

type Writer = (file: string, world: SalesWorld, seed: number, rows: number) => Promise<void>;

const WRITERS: Record<FileKind, Writer> = {
  roster: (file, world) => {
    const lines = rosterLines(world);
    return writeLinesFile(file, ROSTER_HEADER, lines.length, (i) => lines[i] ?? "");
  },
  deals: (file, world, seed, rows) => writeLinesFile(file, DEALS_HEADER, rows, dealLine(world, seed, rows)),
  activities: (file, world, seed, rows) => writeLinesFile(file, ACTIVITIES_HEADER, rows, activityLine(world, seed, rows)),
  payments: writePaymentsXlsx,
};

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { dir, scale } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const counts = countsFor(scale);
  const rowsOf: Record<FileKind, number> = { roster: counts.reps, deals: counts.deals, activities: counts.activities, payments: counts.payments };
  await mkdir(dir, { recursive: true });
  const wanted = { generator: GENERATOR_VERSION, seed, scale };
  const found = await readManifest(dir);
  const previous = found && found.generator === wanted.generator && found.seed === seed && found.scale === scale ? found : null;
  const manifest: Manifest = { ...wanted, files: {} };
  const world = buildSalesWorld(seed);
  const written: string[] = [];
  const reused: string[] = [];
  for (const kind of Object.keys(FILES) as FileKind[]) {
    const name = FILES[kind];
    const rows = rowsOf[kind];
    const file = path.join(dir, name);
    if (await isUpToDate(dir, previous, wanted, name, rows)) {
      reused.push(name);
    } else {
      await rm(file, { force: true });
      await WRITERS[kind](file, world, seed, rows);
      written.push(name);
    }
    manifest.files[name] = { rows, bytes: (await stat(file)).size };
    // Written after every file, so an interrupted run keeps what it finished.
    await writeManifest(dir, { ...manifest, files: { ...(previous?.files ?? {}), ...manifest.files } });
    options.onFile?.(name, written.includes(name) ? "written" : "reused", rows);
  }
  await writeManifest(dir, manifest);
  return { manifest, written, reused };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "1" }, out: { type: "string" }, seed: { type: "string" } } });
  const scale = Number(values.scale);
  const dir = values.out ?? path.join(BENCH_DIR, scaleFolder(scale));
  const started = performance.now();
  await generate({
    dir,
    scale,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    onFile: (name, status, rows) => process.stdout.write(`${status === "written" ? "wrote " : "reused"} ${name} (${rows.toLocaleString("en-US")} rows)\n`),
  });
  process.stdout.write(`${dir}: ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
