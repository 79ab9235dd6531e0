/**
 * Reader threads, in-process: the built pipeline (dist/, since a worker
 * thread cannot load the TypeScript sources) reads a file in parts on two
 * threads, reports the rows of the parts as they are read (the progress
 * line), and gives the same results as one thread.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { RunOptions } from "../../src/pipeline.js";
import type { WorkbookModel } from "../../src/report/workbookModel.js";
import type { RunOutcome } from "../../src/runOutcome.js";
import { ROOT } from "./support.js";

type ComputeRun = (options: RunOptions) => Promise<RunOutcome>;
type ResultsJson = (outcome: RunOutcome) => string;

const dist = (path: string): string => pathToFileURL(join(ROOT, "dist", path)).href;

const ROWS = 60_000;
const dir = mkdtempSync(join(tmpdir(), "kpi-reader-threads-"));

function writeWorld(options: { deals?: string; dealsKeyed?: boolean; activities?: string } = {}): string {
  writeFileSync(join(dir, "roster.csv"), "Rep,Name,Team,Role,Hired\nR1,Ann,East,ae,2024-01-01\nR2,Bo,West,ae,2024-01-01\n");
  const lines = ["Id,Owner,Type,Date"];
  // row i: owner R1 or R2 in turn, a visit on every third row, dated 1..28 October
  for (let i = 0; i < ROWS; i++) lines.push(`A${i},R${(i % 2) + 1},${i % 3 === 0 ? "visit" : "call"},2026-10-${String((i % 28) + 1).padStart(2, "0")}`);
  writeFileSync(join(dir, "activities.csv"), options.activities ?? `${lines.join("\n")}\n`);
  const deals = ["Deal,Owner,Amount,Closed"];
  // deal i: owner R1 on even rows, 10.01 each, closed on 1..28 October
  for (let i = 0; i < ROWS; i++) deals.push(`D${i},R${(i % 2) + 1},10.01,2026-10-${String((i % 28) + 1).padStart(2, "0")}`);
  writeFileSync(join(dir, "deals.csv"), options.deals ?? `${deals.join("\n")}\n`);
  const config = join(dir, "kpi.config.yaml");
  writeFileSync(
    config,
    [
      "version: 1",
      "name: reader threads",
      "currency: CNY",
      "period: month",
      "sources:",
      "  roster: { path: roster.csv, key: rep, columns: { rep: Rep, name: Name, team: Team, role: Role, hired: { from: Hired, type: date } } }",
      `  deals: { path: deals.csv, ${options.dealsKeyed ? "key: id, " : ""}columns: { id: Deal, rep: Owner, amount: { from: Amount, type: money }, closed: { from: Closed, type: date } } }`,
      "  activities: { path: activities.csv, columns: { id: Id, rep: Owner, type: Type, at: { from: Date, type: date } } }",
      "metrics:",
      '  visits: { source: activities, where: \'type == "visit"\', date: at, aggregate: count, unit: count }',
      "  revenue: { source: deals, date: closed, aggregate: sum, value: amount, unit: money }",
      "targets: { visits: 100, revenue: 1000 }",
      "scorecards: [{ name: standard, dimensions: { process: { weight: 100, metrics: { visits: 50, revenue: 50 } } } }]",
      "",
    ].join("\n"),
  );
  return config;
}

async function run(config: string, env: Record<string, string>): Promise<{ json: string; progress: number[]; dealsProgress: number[]; fingerprints: string[][] }> {
  const { computeRun } = (await import(dist("src/pipeline.js"))) as { computeRun: ComputeRun };
  const { resultsJson } = (await import(dist("src/report/resultsJson.js"))) as { resultsJson: ResultsJson };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const progress: number[] = [];
  const dealsProgress: number[] = [];
  try {
    const outcome = await computeRun({ config, cwd: dir, period: "2026-10", progress: (source, rows) => (source === "activities" ? progress : dealsProgress).push(rows) });
    return { json: resultsJson(outcome), progress, dealsProgress, fingerprints: outcome.ingested.files.map((f) => [f.display, f.sha256]) };
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** Progress of a file of ROWS rows read in four parts of about ROWS / 4 rows each, reported as each is merged. */
function expectFourParts(progress: readonly number[]): void {
  expect(progress).toHaveLength(4);
  expect(progress.at(-1)).toBe(ROWS);
  progress.forEach((rows, i) => expect(rows - (progress[i - 1] ?? 0)).toBeGreaterThan(ROWS / 4 - 500)); // cuts land at the next line break
}

describe("reader threads", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("read a file in parts, report progress as the parts read, and agree with one thread", async () => {
    const config = writeWorld();
    const parts = await run(config, { KPI_THREADS: "4", KPI_PART_MIN_BYTES: "1" });
    const single = await run(config, { KPI_THREADS: "1" });
    expect(parts.json).toBe(single.json);
    // four threads (a small file is cut in one part per thread): four parts of about 60,000 / 4 = 15,000 rows, too few for
    // a thread's own count (every 20,000 rows); the line moves as each part is merged, in file order, and ends at every row
    expectFourParts(parts.progress);
    expectFourParts(parts.dealsProgress);
    // one thread reports at 20,000, 40,000 and 60,000
    expect(single.progress).toEqual([20_000, 40_000, 60_000]);
    // 60,000 rows, a visit on every third: 20,000 visits, half each
    const results = JSON.parse(parts.json) as { reps: { rep: string; metrics: { visits: { actual: number } } }[] };
    expect(results.reps.map((r) => [r.rep, r.metrics.visits.actual])).toEqual([
      ["R1", 10_000],
      ["R2", 10_000],
    ]);
    // both sources went through the threads side by side: 30,000 deals each at 10.01 = 300,300.00
    const revenue = JSON.parse(parts.json) as { reps: { rep: string; metrics: { revenue: { actual: string } } }[] };
    expect(revenue.reps.map((r) => r.metrics.revenue.actual)).toEqual(["300300.00", "300300.00"]);
    // the files read in parts are hashed by a reader thread, the roster here: every fingerprint is the file's SHA-256
    const sha256 = (name: string): string => createHash("sha256").update(readFileSync(join(dir, name))).digest("hex");
    expect(parts.fingerprints).toEqual([["roster.csv", sha256("roster.csv")], ["deals.csv", sha256("deals.csv")], ["activities.csv", sha256("activities.csv")]]);
    expect(single.fingerprints).toEqual(parts.fingerprints);
  }, 120_000);

  it("read a keyed source on this thread while another is read in parts, with the results of one thread", async () => {
    // deals has a key: judged for duplicates across the whole file, so read here, synchronously, while the threads read activities
    const config = writeWorld({ dealsKeyed: true });
    const parts = await run(config, { KPI_THREADS: "4", KPI_PART_MIN_BYTES: "1" });
    const single = await run(config, { KPI_THREADS: "1" });
    expect(parts.json).toBe(single.json);
    expectFourParts(parts.progress); // activities in parts
    expect(parts.dealsProgress).toEqual([20_000, 40_000, 60_000]); // deals in one read
    const results = JSON.parse(parts.json) as { reps: { metrics: { revenue: { actual: string }; visits: { actual: number } } }[] };
    expect(results.reps.map((r) => [r.metrics.revenue.actual, r.metrics.visits.actual])).toEqual([
      ["300300.00", 10_000],
      ["300300.00", 10_000],
    ]);
  }, 120_000);

  it("go on reading on this thread from the first part whose cut falls inside a quoted line break", async () => {
    // the first half of the rows is plain; after that every row holds a note with a line break inside quotes, so a cut
    // (just after a line feed) there lands inside a note about every other time: the part before it runs past the cut
    const lines = ["Id,Owner,Type,Date,Note"];
    for (let i = 0; i < ROWS; i++) lines.push(`A${i},R${(i % 2) + 1},${i % 3 === 0 ? "visit" : "call"},2026-10-01,${i < ROWS / 2 ? "plain" : '"call\nback"'}`);
    const config = writeWorld({ activities: `${lines.join("\n")}\n` });
    const parts = await run(config, { KPI_THREADS: "4", KPI_PART_MIN_BYTES: "1" });
    const single = await run(config, { KPI_THREADS: "1" });
    expect(parts.json).toBe(single.json);
    // the first part (plain rows only) was merged; the second ran past its cut, so from it on the file was read here,
    // which reports its count every 20,000 rows
    const [merged, ...here] = parts.progress;
    expect(merged).toBeGreaterThan(ROWS / 4 - 500);
    expect(merged).toBeLessThan(20_000);
    expect(here).toEqual([20_000, 40_000, 60_000]);
  }, 120_000);

  it("number the rows of later parts as lines of the file: rejected rows, an unknown rep, a footer and records over two lines", async () => {
    // rows numbered from each part's own start are shifted as the parts are merged: every anomaly names the line one
    // thread names. Data row i is on line i + 2 (the header is line 1), one more after each record over two lines:
    // 22,000 (a bad date, with a line break in its type: the message names no line) and 37,000 (3 fields where the
    // header has 4: rejected, and its message names both lines)
    const lines = ["Id,Owner,Type,Date"];
    for (let i = 0; i < ROWS; i++) {
      const date = [5, 20_005, 22_000, 50_005].includes(i) ? "2026-13-01" : `2026-10-${String((i % 28) + 1).padStart(2, "0")}`;
      if (i === 37_000) lines.push(`A${i},R1,"call\nback"`);
      else lines.push(`A${i},${i === 47_000 || i === 55_000 ? "R9" : `R${(i % 2) + 1}`},${i === 22_000 ? '"call\nback"' : i % 3 === 0 ? "visit" : "call"},${date}`);
    }
    const config = writeWorld({ activities: `${lines.join("\n")}\n\nGrand total\n` });
    const parts = await run(config, { KPI_THREADS: "4", KPI_PART_MIN_BYTES: "1" });
    const single = await run(config, { KPI_THREADS: "1" });
    expect(parts.json).toBe(single.json);
    const anomalies = (JSON.parse(parts.json) as { anomalies: { code: string; row: number | null; message: string }[] }).anomalies;
    const rowsOf = (code: string): (number | null)[] => anomalies.filter((a) => a.code === code).map((a) => a.row).sort((a, b) => (a ?? 0) - (b ?? 0));
    // the bad dates: 5 + 2, 20,005 + 2, 22,000 + 2, and 50,005 + 4 (after both records over two lines)
    expect(rowsOf("rejected_row")).toEqual([7, 20_007, 22_002, 37_003, 50_009]);
    expect(anomalies.find((a) => a.row === 37_003)?.message).toMatch(/runs from line 37003 to line 37004/);
    // R9 first at data row 47,000: line 47,004
    expect(anomalies.find((a) => a.code === "unknown_rep")?.message).toMatch(/first at row 47004\)/);
    // the footer: a blank line after the last data row (line 60,003), then "Grand total" on line 60,005
    expect(anomalies.find((a) => a.code === "footer")?.message).toMatch(/^row 60005 /);
    // the second part (its bad date over two lines names no line) was merged; the third held the record whose message
    // names lines: read again on this thread from its start, and this thread reports its count every 20,000 rows
    const [first = 0, second = 0, ...here] = parts.progress;
    expect([first, second - first].every((rows) => rows > ROWS / 4 - 500 && rows < 20_000)).toBe(true);
    expect(here).toEqual([40_000, 60_000]);
  }, 120_000);

  it("report the first failing source in config order, whichever failed first", async () => {
    // activities fails at once, on its header; deals (first in the config) only once its parts are read: a file that is not text
    const config = writeWorld();
    writeFileSync(join(dir, "activities.csv"), "Nothing,Here\n1,2\n");
    const deals = `Deal,Owner,Amount,Closed\n${"D1,R1,10.00,2026-10-01\n".repeat(ROWS)}`;
    writeFileSync(join(dir, "deals.csv"), Buffer.concat([Buffer.from(deals), Buffer.from([0xff, 0xfe, 0x00, 0x2c, 0x0a])]));
    const failure = await run(config, { KPI_THREADS: "2", KPI_PART_MIN_BYTES: "1" }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String(failure)).toMatch(/deals\.csv/);
    expect(String(failure)).not.toMatch(/activities\.csv/);
  }, 120_000);
  it("write a workbook on a reader thread, byte for byte as here, and give an output error back as one (exit 1)", async () => {
    type Writer = (model: WorkbookModel, path: string) => Promise<void>;
    const { ReaderPool } = (await import(dist("src/ingest/parallel/readerPool.js"))) as { ReaderPool: new (threads: number) => { close(): Promise<void> } };
    const { writeWorkbookOn } = (await import(dist("src/report/workbookOnThread.js"))) as { writeWorkbookOn: (pool: unknown) => Writer };
    const { writeWorkbook } = (await import(dist("src/report/writeWorkbook.js"))) as { writeWorkbook: Writer };
    const { OutputError } = (await import(dist("src/errors.js"))) as { OutputError: new () => Error };
    const model: WorkbookModel = { currency: "CNY", minorUnits: 2, sheets: [{ name: "Sheet", columns: [{ header: "Rep", format: "text" }, { header: "Payout", format: "money" }], rows: [["R1", { money: "1234.50" }], ["=cmd", null]] }] };
    const pool = new ReaderPool(1);
    try {
      await writeWorkbookOn(pool)(model, join(dir, "thread.xlsx"));
      await writeWorkbook(model, join(dir, "here.xlsx"));
      expect(readFileSync(join(dir, "thread.xlsx")).equals(readFileSync(join(dir, "here.xlsx")))).toBe(true);
      // a folder in the way: the thread's OutputWriteError comes back as an OutputError with its message
      mkdirSync(join(dir, "taken.xlsx"));
      const refused = await writeWorkbookOn(pool)(model, join(dir, "taken.xlsx")).then(
        () => null,
        (error: unknown) => error as Error,
      );
      expect(refused).toBeInstanceOf(OutputError);
      expect(refused?.message).toBe(`cannot write "${join(dir, "taken.xlsx")}": it is a folder (EISDIR)`);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("hash files on a reader thread, in order, and give a file that cannot be read its system error code", async () => {
    const { ReaderPool } = (await import(dist("src/ingest/parallel/readerPool.js"))) as {
      ReaderPool: new (threads: number) => {
        hashFiles(paths: readonly string[]): Promise<string[]>;
        hashFile(path: string): Promise<string>;
        call(module: string, name: string, args: unknown[]): Promise<unknown>;
        close(): Promise<void>;
      };
    };
    const pool = new ReaderPool(1);
    try {
      writeFileSync(join(dir, "a.txt"), "alpha\n");
      writeFileSync(join(dir, "b.txt"), "");
      const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
      // asked for early (as readFileInParts does once a file's parts are handed out), a file is hashed once
      const early = pool.hashFile(join(dir, "a.txt"));
      expect(pool.hashFile(join(dir, "a.txt"))).toBe(early);
      expect(await pool.hashFiles([join(dir, "a.txt"), join(dir, "b.txt")])).toEqual([sha256("alpha\n"), sha256("")]);
      const missing = await pool.hashFiles([join(dir, "a.txt"), join(dir, "gone.txt")]).then(
        () => null,
        (error: unknown) => error as NodeJS.ErrnoException,
      );
      expect(missing?.code).toBe("ENOENT");
      expect(missing?.message).toMatch(/gone\.txt/);
      // a task that cannot be cloned to the thread fails alone: the thread stays free for the next one
      const uncloneable = await pool.call("file:///nowhere.js", "f", [() => 1]).then(
        () => null,
        (error: unknown) => error as Error,
      );
      expect(uncloneable?.name).toBe("DataCloneError");
      writeFileSync(join(dir, "c.txt"), "gamma\n");
      expect(await pool.hashFiles([join(dir, "c.txt")])).toEqual([sha256("gamma\n")]); // not hashed before: the thread does it
    } finally {
      await pool.close();
    }
  }, 60_000);
});
