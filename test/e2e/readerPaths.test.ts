/**
 * Every way a CSV source can be read gives the same results, byte for byte
 * in results.json: csv-parse (the straightforward path, KPI_READER=csv-parse),
 * the byte scanner on one thread (KPI_THREADS=1), and the byte scanner on two
 * threads with each file cut in parts (KPI_THREADS=2, KPI_PART_MIN_BYTES=1, so
 * even these small files are cut).
 *
 * The data is the bench generator's at scale 0.01: 10,000 deals and 50,000
 * activities, plus planted rows that leave the plain path one way or another
 * (quoted and escaped text, a line break inside a field, a blank line, an
 * impossible date, an unknown owner, money written with grouping, a currency
 * symbol, a sign, zero, a CRLF line end); and, in a second folder, a stray
 * quote that makes the byte scanner give the whole source back to csv-parse.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import { writeScaledConfig } from "../../bench/scaledConfig.js";
import { ROOT, runKpi } from "./support.js";

const PLANTED_DEALS = [
  'D9000001,R0001,"Acme, ""East"" Ltd",Closed Won,1200.50,CNY,2026-09-01,2026-10-03,public',
  'D9000002,R0002,"Two\nLines",Closed Won,99.99,CNY,2026-09-02,2026-10-04,public',
  "",
  "D9000003,R0003,Bad Date Co,Closed Won,10.00,CNY,2026-13-01,2026-10-05,public",
  "D9000004,R9999,Nobody Co,Closed Won,5.00,CNY,2026-09-01,2026-10-06,public",
  'D9000005,R0004,Grouped Co,Closed Won,"1,234.50",CNY,2026-09-03,2026-10-07,public',
  "D9000006,R0005,Yen Co,Closed Won,¥300,CNY,2026-09-04,2026-10-08,public",
  "D9000007,R0006,Refund Co,Closed Won,-15.25,CNY,2026-09-05,2026-10-09,public",
  "D9000008,R0007,Zero Co,Closed Won,0.00,CNY,2026-09-06,2026-10-10,public",
  "D9000009,R0008,Dollar Co,Closed Won,100.00,USD,2026-09-07,2026-10-11,public", // no fx rate for USD in the bench config: rejected
  "D9000010,R0009,Blank Currency Co,Closed Won,100.00,,2026-09-08,2026-10-12,public", // the default currency
];

interface Folder {
  dir: string;
  config: string;
}

async function benchFolder(plantStrayQuote: boolean): Promise<Folder> {
  const dir = await mkdtemp(join(tmpdir(), "kpi-reader-paths-"));
  await generate({ dir, scale: 0.01 });
  appendFileSync(join(dir, "deals.csv"), `${PLANTED_DEALS.join("\n")}\n`);
  appendFileSync(join(dir, "activities.csv"), "A9000001,R0001,visit,2026-10-07,true,CRLF Co,\r\n");
  if (plantStrayQuote) appendFileSync(join(dir, "activities.csv"), 'A9000002,R0002,visit,2026-10-08,true,Cust "Q" Ltd,\n');
  const config = await writeScaledConfig(join(ROOT, "bench", "kpi.bench.yaml"), dir);
  return { dir, config };
}

const WAYS = {
  "csv-parse": { KPI_READER: "csv-parse" },
  "byte scanner, one thread": { KPI_THREADS: "1" },
  "byte scanner, two threads, files in parts": { KPI_THREADS: "2", KPI_PART_MIN_BYTES: "1" },
} as const;

function resultsOf(folder: Folder, env: Record<string, string>, period: string[]): string {
  const out = join(folder.dir, `out-${Object.values(env).join("-")}-${period.join("")}`);
  const run = runKpi(["run", "-c", folder.config, ...period, "-o", out, "--quiet", "--fail-on", "never"], { cwd: folder.dir, env });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return readFileSync(join(out, "results.json"), "utf8");
}

describe("csv-parse, the byte scanner and the byte scanner in parts agree", () => {
  let plain: Folder;
  let stray: Folder;

  beforeAll(async () => {
    plain = await benchFolder(false);
    stray = await benchFolder(true);
  }, 120_000);
  afterAll(() => {
    for (const folder of [plain, stray]) if (folder) rmSync(folder.dir, { recursive: true, force: true });
  });

  it.each([[["-p", "2026-10"]], [[]]])("on 60,000 rows with planted oddities (period %j)", (period) => {
    const [straightforward, ...others] = Object.values(WAYS).map((env) => resultsOf(plain, env, period));
    for (const other of others) expect(other).toBe(straightforward);

    // the plants did reach the comparison: the impossible date is rejected at its line, after a record spanning two lines and a blank line
    const results = JSON.parse(straightforward ?? "{}") as { anomalies: { code: string; row: number | null; rep: string | null }[] };
    const dealsLines = readFileSync(join(plain.dir, "deals.csv"), "utf8").split("\n");
    const badDateLine = dealsLines.findIndex((line) => line.startsWith("D9000003")) + 1;
    // the header and 10,000 rows are lines 1–10,001; D9000001 is 10,002; the two-line record 10,003–10,004; the blank line 10,005
    expect(badDateLine).toBe(10_006);
    expect(results.anomalies).toContainEqual(expect.objectContaining({ code: "rejected_row", row: badDateLine }));
    expect(results.anomalies).toContainEqual(expect.objectContaining({ code: "unknown_rep", rep: "R9999" }));
    expect(results.anomalies).toContainEqual(expect.objectContaining({ code: "rejected_row", row: badDateLine + 6 })); // the USD row
  }, 120_000);

  it("writes the workbooks on the reader threads byte for byte as one thread writes them, and their errors as it does", () => {
    // with reader threads, report.xlsx, commissions.xlsx and anomalies.xlsx are rendered and written on them (their models
    // built here); every output is the same file either way
    const outputs = (env: Record<string, string>, name: string): { out: string; run: ReturnType<typeof runKpi> } => {
      const out = join(plain.dir, `out-files-${name}`);
      return { out, run: runKpi(["run", "-c", plain.config, "-p", "2026-10", "-o", out, "--quiet", "--fail-on", "never"], { cwd: plain.dir, env }) };
    };
    const one = outputs(WAYS["byte scanner, one thread"], "one");
    const two = outputs(WAYS["byte scanner, two threads, files in parts"], "two");
    expect([one.run.code, two.run.code]).toEqual([0, 0]);
    for (const file of ["report.xlsx", "commissions.xlsx", "anomalies.xlsx", "commissions.csv", "results.json", "report.html"]) {
      expect(readFileSync(join(two.out, file)).equals(readFileSync(join(one.out, file))), file).toBe(true);
    }
    // a folder where report.xlsx goes: refused on the thread as here, exit 1, the same message
    const refused = (env: Record<string, string>, name: string): ReturnType<typeof runKpi> => {
      const out = join(plain.dir, `out-refused-${name}`);
      mkdirSync(join(out, "report.xlsx"), { recursive: true });
      return runKpi(["run", "-c", plain.config, "-p", "2026-10", "-o", out, "--quiet", "--fail-on", "never"], { cwd: plain.dir, env });
    };
    const here = refused(WAYS["byte scanner, one thread"], "one");
    const onThread = refused(WAYS["byte scanner, two threads, files in parts"], "two");
    expect([here.code, onThread.code]).toEqual([1, 1]);
    expect(here.stderr).toMatch(/report\.xlsx": it is a folder \(EISDIR\)/);
    expect(onThread.stderr.replace(/out-refused-two/g, "out-refused-one")).toBe(here.stderr);
  }, 120_000);

  it("gives a source with a stray quote back to csv-parse, with the same results", () => {
    const [straightforward, ...others] = Object.values(WAYS).map((env) => resultsOf(stray, env, ["-p", "2026-10"]));
    for (const other of others) expect(other).toBe(straightforward);
    expect(straightforward).not.toBe(resultsOf(plain, WAYS["csv-parse"], ["-p", "2026-10"])); // the stray-quote row is a valid visit: one more
  }, 120_000);
});
