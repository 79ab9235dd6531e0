/**
 * The output stage: the run's files, each written to a temporary file and
 * renamed into place. Refuses an output folder that would overwrite an input.
 */
import { mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { InputError } from "./errors.js";
import { outputClash } from "./outputGuard.js";
import { anomaliesSheet } from "./report/anomaliesSheet.js";
import { minorUnits } from "./commission/minorUnits.js";
import { commissionsSheet, commissionsWorkbook } from "./report/commissionsWorkbook.js";
import { renderHtmlReport } from "./report/html/renderHtmlReport.js";
import { reportWorkbook } from "./report/reportWorkbook.js";
import { writeCsv } from "./report/writeCsv.js";
import { resultsJson } from "./report/resultsJson.js";
import { writeFileAtomic } from "./report/atomicWrite.js";
import { writeWorkbook } from "./report/writeWorkbook.js";
import type { RunOutcome } from "./runOutcome.js";
import type { WorkbookWriter } from "./report/workbookOnThread.js";

export const OUTPUT_FILES = ["report.xlsx", "commissions.xlsx", "commissions.csv", "anomalies.xlsx", "results.json", "report.html"] as const;

type OutputFile = (typeof OUTPUT_FILES)[number];

/** Built before the others: the workbooks (rendered on a thread when there are some) and the largest files (at 1,000 reps the page and the JSON are 2 and 2.7 MB; the others, tens of kB). */
const BUILT_FIRST: readonly OutputFile[] = ["report.xlsx", "commissions.xlsx", "anomalies.xlsx", "report.html", "results.json"];

/** Writes every output into `outDir`; the workbooks through `workbooks` (here, by default; see workbookOnThread.ts). */
export async function writeOutputs(outcome: RunOutcome, outDir: string, cwd: string, workbooks: WorkbookWriter = writeWorkbook): Promise<string[]> {
  const dir = resolve(cwd, outDir);
  const targets = OUTPUT_FILES.map((name) => join(dir, name));
  const clash = outputClash(targets, outcome.loaded, outcome.ingested.files.map((f) => f.path));
  if (clash) throw new InputError(`refusing to write there: ${clash}; choose another output folder with -o`, outDir);
  await ensureFolder(dir, outDir);
  const { currency } = outcome.loaded.config;
  const writes: Record<OutputFile, () => Promise<void>> = {
    "report.xlsx": () => workbooks(reportWorkbook(outcome), join(dir, "report.xlsx")),
    "commissions.xlsx": () => workbooks(commissionsWorkbook(outcome), join(dir, "commissions.xlsx")),
    "commissions.csv": () => writeCsv(commissionsSheet(outcome), join(dir, "commissions.csv")),
    "anomalies.xlsx": () => workbooks({ currency, minorUnits: minorUnits(currency), sheets: [anomaliesSheet(outcome.anomalies)] }, join(dir, "anomalies.xlsx")),
    "results.json": () => writeFileAtomic(join(dir, "results.json"), resultsJson(outcome)),
    "report.html": () => writeFileAtomic(join(dir, "report.html"), renderHtmlReport(outcome)),
  };
  // each file is built here in turn, its compression and disk writes (and a workbook's rendering, on a thread) going on
  // while the next one is built: the workbooks and the largest files first, so that little is left once the last is built
  const started = new Map<OutputFile, Promise<void>>();
  for (const name of [...BUILT_FIRST, ...OUTPUT_FILES.filter((n) => !BUILT_FIRST.includes(n))]) started.set(name, (async () => writes[name]())());
  const settled = await Promise.allSettled(OUTPUT_FILES.map((name) => started.get(name)));
  // the first failure in the order of OUTPUT_FILES, whichever failed first
  for (const outcomeOfWrite of settled) if (outcomeOfWrite.status === "rejected") throw outcomeOfWrite.reason;
  return targets;
}

/**
 * Create the output folder and its missing parents one level at a time
 * (Node 20's recursive mkdir never returns on some special file systems, /proc).
 */
async function ensureFolder(dir: string, shown: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) throw new InputError(`cannot create the output folder: ${at} is a file`, shown);
      break;
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || dirname(at) === at) throw new InputError(`cannot use the output folder: ${(error as Error).message}`, shown);
      missing.unshift(at);
    }
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new InputError(`cannot create the output folder: ${(error as Error).message}`, shown);
    }
  }
}
