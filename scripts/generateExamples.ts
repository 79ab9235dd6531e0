/**
 * Writes the bundled example data (examples/data, examples/zh/data, the
 * examples README and planted.json) from a seeded generator. Deterministic:
 * no Math.random, no clock, no time zone; the same bytes on every run.
 *
 *   npm run build && npm run examples          # into ./examples
 *   node dist/scripts/generateExamples.js DIR  # somewhere else
 *
 * The configs (kpi.config.yaml, examples/zh/kpi.config.yaml) are written by
 * hand and are not touched.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildRoster, rosterCsv, PLANTED } from "./examples/roster.js";
import { buildBooks } from "./examples/accounts.js";
import { generateDeals, numberDeals } from "./examples/deals.js";
import { plantDeals, renderDeals, DEALS_FILE, type Planted } from "./examples/planted.js";
import { activitiesCsv } from "./examples/activities.js";
import { buildPayments, paymentsXlsx } from "./examples/payments.js";
import { targetsCsv } from "./examples/targets.js";
import { zhFiles } from "./examples/zh.js";
import { plantedJson, readme } from "./examples/readme.js";

/** Every file the generator writes, relative to its output folder. */
export const GENERATED_FILES = [
  "README.md",
  "planted.json",
  "data/roster.csv",
  "data/deals.csv",
  "data/activities.csv",
  "data/payments.xlsx",
  "data/targets.csv",
  "zh/data/roster.csv",
  "zh/data/deals.csv",
  "zh/data/activities.csv",
] as const;

const lines = (text: string | Buffer): number => text.toString("utf8").split("\n").filter((l) => l.length > 0).length - 1;

/** Everything the generator writes, as bytes, keyed by path relative to the output folder. */
export async function buildExamples(): Promise<Map<string, Buffer>> {
  const reps = buildRoster();
  const books = buildBooks(reps);
  const deals = generateDeals(reps, books);
  plantDeals(deals, reps, books);
  numberDeals(deals);
  const { text: dealsText, planted: rowPlants } = renderDeals(deals);
  const activities = activitiesCsv(reps, books);
  const payments = buildPayments(deals, reps);
  const targets = targetsCsv(reps);
  const zh = zhFiles();

  const periodPlants: Planted[] = [
    { code: "outlier", file: DEALS_FILE, row: null, column: null, value: null, rep: PLANTED.outlier, what: "won_revenue in 2026-10 far above the other reps on the same scorecard (a 2,360,000.00 tender)" },
    { code: "period_end_share", file: DEALS_FILE, row: null, column: null, value: null, rep: PLANTED.periodEnd, what: "most of 2026-10's won revenue closed on 29–31 October" },
    { code: "change", file: "data/activities.csv", row: null, column: null, value: null, rep: PLANTED.onLeave, what: "visits far below September's: two weeks of leave in October" },
    { code: "rule", file: "data/activities.csv", row: null, column: null, value: null, rep: PLANTED.visitsUpWinsDown, what: "visits up against September while the win rate falls (the \"Conversion down while visits up\" rule)" },
  ];
  const planted = [...rowPlants, ...periodPlants];

  const files = new Map<string, Buffer>();
  files.set("data/roster.csv", Buffer.from(rosterCsv(reps), "utf8"));
  files.set("data/deals.csv", Buffer.from(dealsText, "utf8"));
  files.set("data/activities.csv", Buffer.from(activities, "utf8"));
  files.set("data/payments.xlsx", await paymentsXlsx(payments));
  files.set("data/targets.csv", Buffer.from(targets, "utf8"));
  for (const [name, bytes] of Object.entries(zh)) files.set(`zh/data/${name}`, bytes);
  files.set("planted.json", Buffer.from(plantedJson(planted), "utf8"));
  files.set(
    "README.md",
    Buffer.from(
      readme(planted, {
        reps: reps.length,
        deals: lines(dealsText),
        activities: lines(activities),
        payments: payments.length,
        targets: lines(targets),
        zhDeals: lines(zh["deals.csv"] ?? ""),
        zhActivities: lines(zh["activities.csv"] ?? ""),
      }),
      "utf8",
    ),
  );
  return files;
}

/** Write the example files into `outDir` (creating folders as needed). */
export async function generateExamples(outDir: string): Promise<void> {
  const files = await buildExamples();
  for (const name of GENERATED_FILES) {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`generator produced no ${name}`);
    const target = path.join(outDir, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) {
  const outDir = path.resolve(process.argv[2] ?? "examples");
  generateExamples(outDir).then(
    () => process.stderr.write(`examples written to ${outDir}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
