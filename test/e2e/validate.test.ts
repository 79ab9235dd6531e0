import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, fixture, runKpi } from "./support.js";

/** A valid config over small data. Line numbers in the cases below refer to this text. */
const CONFIG = `version: 1
currency: CNY
sources:
  deals:
    path: deals.csv
    key: id
    columns:
      id: "Deal ID"
      rep: Owner
      amount: { from: Amount, type: money }
      closed: { from: Closed, type: date }
      stage: Stage
  roster:
    path: roster.csv
    match: [name]
    columns: { rep: Rep, name: Name, team: Team, role: Role, hired: { from: Hired, type: date } }
metrics:
  revenue: { source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: sum, value: amount }
  deals_won: { source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: count }
  avg_deal: { formula: revenue / deals_won }
targets:
  revenue: 100000
  deals_won: 2
scorecards:
  - name: new_hire
    applies_to: tenure_months < 3
    dimensions:
      result: { weight: 1, metrics: { deals_won: 1 } }
  - name: standard
    dimensions:
      result: { weight: 1, metrics: { revenue: 70, deals_won: 30 } }
tiers:
  - { name: A, min: 100 }
  - { name: B, min: 80 }
  - { name: C }
`;

const DATA = {
  "roster.csv": "Rep,Name,Team,Role,Hired\nR001,Li Wei,East,account_exec,2024-01-01\n",
  "deals.csv": 'Deal ID,Owner,Amount,Closed,Stage\nD1,Li Wei,"130,000.00",2026-10-05,Closed Won\n',
};

/** `text` with line `line` (1-based) replaced by `replacement` (which may hold several lines, or none). */
function edit(text: string, line: number, replacement: string | null): string {
  const lines = text.split("\n");
  lines.splice(line - 1, 1, ...(replacement === null ? [] : [replacement]));
  return lines.join("\n");
}

const withLine = (line: number, replacement: string | null) => edit(CONFIG, line, replacement);

const GITHUB_LINE = /^::error file=(.+),line=(\d+),col=(\d+)::(.+)$/;

// One case per class of semantic error: the config, then where and what kpi must say.
const EDITS = {
  unknownSource: `  revenue: { source: deal, where: 'stage == "Closed Won"', date: closed, aggregate: sum, value: amount }`,
  unknownColumn: `  revenue: { source: deals, where: 'stag == "Closed Won"', date: closed, aggregate: sum, value: amount }`,
  unknownMetric: "      result: { weight: 1, metrics: { revenu: 70, deals_won: 30 } }",
  cycle: "  a: { formula: b + 1 }\n  b: { formula: a + 1 }",
  zeroWeight: "      result: { weight: 0, metrics: { revenue: 70, deals_won: 30 } }",
  unsortedTiers: "  - { name: B, min: 120 }",
  badOperator: `  deals_won: { source: deals, where: 'stage === "Closed Won"', date: closed, aggregate: count }`,
  unfinished: `  deals_won: { source: deals, where: 'stage == ', date: closed, aggregate: count }`,
};

const ALL_AT_ONCE: [number, string | null][] = [[34, EDITS.unsortedTiers], [31, EDITS.unknownMetric], [26, null], [20, EDITS.cycle], [19, EDITS.badOperator], [18, EDITS.unknownSource]];

const CASES: [string, string, string][] = [
  ["an unknown source", withLine(18, EDITS.unknownSource), `18:22 unknown source "deal" (did you mean "deals"?)`],
  ["an unknown column in where, at the name", withLine(18, EDITS.unknownColumn), `18:37 unknown name "stag" (did you mean "stage"?)`],
  ["an unknown metric on a scorecard", withLine(31, EDITS.unknownMetric), `31:39 unknown metric "revenu" (did you mean "revenue"?)`],
  ["a cycle of formulas", withLine(20, EDITS.cycle), "20:17 formula metrics form a cycle: a -> b -> a"],
  ["a non-positive weight", withLine(31, EDITS.zeroWeight), "31:25 weights must be positive; 0 is not"],
  ["unsorted tiers", withLine(34, EDITS.unsortedTiers), "34:21 tiers must be in descending order of min: 120 comes after 100"],
  ["two scorecards without applies_to", withLine(26, null), `25:11 only the last scorecard may omit "applies_to"`],
  ["an expression that does not parse, at the operator", withLine(19, EDITS.badOperator), `19:45 expression does not parse: write "==" instead of "==="`],
  ["an unfinished expression, at its end", withLine(19, EDITS.unfinished), `19:48 expression does not parse: expected an expression after "=="`],
];

describe("kpi validate", () => {
  it("accepts a valid config with its sources, exit 0, nothing on stdout", () => {
    const result = runKpi(["validate"], { cwd: fixture({ ...DATA, "kpi.config.yaml": CONFIG }) });
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toBe("kpi.config.yaml: valid (sources open, columns found)\n");
  });

  it("finds a header below a title that fills more than one read (64 KiB) of the file", () => {
    // two title lines of 40,000 characters each: the header starts 80 KB in, past the first read
    const title = `Exported by CRM,${"x".repeat(40_000)}\n`;
    const result = runKpi(["validate"], { cwd: fixture({ ...DATA, "deals.csv": title + title + DATA["deals.csv"], "kpi.config.yaml": CONFIG }) });
    expect(result).toMatchObject({ code: 0, stdout: "" });
  });

  it.each(CASES)("reports %s at its line and column, exit 1", (_what, text, expected) => {
    const result = runKpi(["validate", "--no-data"], { cwd: fixture({ "kpi.config.yaml": text }) });
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toContainEqual(expect.stringMatching(new RegExp(`^kpi\\.config\\.yaml:${escapeRegExp(expected)}`)));
  });

  it("lists every error at once, each as a ::error line GitHub parses", () => {
    // six cases on distinct lines, edited bottom-up so the line numbers above each edit hold
    let text = CONFIG;
    for (const [line, replacement] of ALL_AT_ONCE) text = edit(text, line, replacement);
    const result = runKpi(["validate", "--no-data", "--format", "github"], { cwd: fixture({ "kpi.config.yaml": text }) });
    expect(result.code).toBe(1);
    const found = result.stdout.trimEnd().split("\n").map((line) => {
      const match = GITHUB_LINE.exec(line);
      expect(match, line).not.toBeNull();
      return `${match?.[1]}:${match?.[2]}:${match?.[3]}`;
    });
    // the cycle line moved the scorecards down one; removing applies_to moved the rest back up
    expect(found).toEqual(["18:22", "19:45", "20:17", "26:11", "31:39", "34:21"].map((at) => `kpi.config.yaml:${at}`));
  });

  it("prints JSON with --format json", () => {
    const result = runKpi(["validate", "--no-data", "--format", "json"], { cwd: fixture({ "kpi.config.yaml": withLine(34, EDITS.unsortedTiers) }) });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.valid).toBe(false);
    expect(json.issues).toEqual([
      { code: "semantic", message: "tiers must be in descending order of min: 120 comes after 100", file: "kpi.config.yaml", line: 34, col: 21, expected: "a min below 100" },
    ]);
    const ok = runKpi(["validate", "--no-data", "--format", "json"], { cwd: fixture({ "kpi.config.yaml": CONFIG }) });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ valid: true, issues: [] });
  });

  it.each([
    ["an unknown format", ["validate", "--format", "xml"]],
    ["an unknown flag", ["validate", "--nope"]],
  ])("exits 2 on %s", (_what, args) => {
    const result = runKpi(args, { cwd: fixture({ "kpi.config.yaml": CONFIG }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: /);
  });

  it("exits 1 naming the file when the config is missing", () => {
    const result = runKpi(["validate", "-c", "nope.yaml"], { cwd: fixture({}) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nope.yaml: config file not found");
  });

  it("finds a missing mapped column in the data, suggesting the nearest header", () => {
    const dir = fixture({ ...DATA, "kpi.config.yaml": withLine(12, "      stage: Stag") });
    const result = runKpi(["validate"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^kpi\.config\.yaml:12:14 source "deals": deals\.csv.*has no column "Stag".*\(did you mean "Stage"\?\)/);
    const github = runKpi(["validate", "--format", "github"], { cwd: dir });
    expect(github.stdout).toMatch(/^::error file=kpi\.config\.yaml,line=12,col=14::source "deals": /);
  });

  it("does not open the sources with --no-data", () => {
    // the data files are missing altogether: only --no-data can pass
    const dir = fixture({ "kpi.config.yaml": CONFIG });
    expect(runKpi(["validate", "--no-data"], { cwd: dir })).toMatchObject({ code: 0, stderr: "kpi.config.yaml: valid\n" });
    const withData = runKpi(["validate"], { cwd: dir });
    expect(withData.code).toBe(1);
    expect(withData.stdout).toContain('source "deals"');
  });

  it("accepts the bundled example config", () => {
    expect(runKpi(["validate", "--no-data"], { cwd: ROOT }).code).toBe(0);
  });
});

describe("kpi validate --no-data, what it loads", () => {
  /** Which source modules each file of the bundle holds (dist/kpi/meta.json, esbuild's metafile), by the file's URL. */
  function bundledModules(): Map<string, string[]> {
    const meta = JSON.parse(readFileSync(join(ROOT, "dist/kpi/meta.json"), "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    return new Map(Object.entries(meta.outputs).map(([file, output]) => [pathToFileURL(join(ROOT, file)).href, Object.keys(output.inputs)]));
  }

  /**
   * Every module a `kpi` process loads (ES modules through a loader hook,
   * CommonJS through the require cache): a file of the bundle stands for the
   * modules it holds (as `dist/src/...` and `node_modules/...` paths);
   * anything loaded outside the bundle as its URL.
   */
  function modulesLoaded(args: readonly string[]): string[] {
    const log = join(tmpdir(), `kpi-modules-${process.pid}-${Math.floor(performance.now() * 1000)}.log`);
    try {
      const hook = join(ROOT, "test/e2e/hooks/recordModules.mjs");
      const result = spawnSync(process.execPath, ["--import", pathToFileURL(hook).href, BIN, ...args], { cwd: ROOT, env: { PATH: process.env["PATH"] ?? "", KPI_TEST_MODULE_LOG: log }, encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      const bundled = bundledModules();
      // ESM lines are URLs, CommonJS lines paths: both as URLs
      const loaded = readFileSync(log, "utf8").split("\n").filter((l) => l !== "").map((l) => (l.startsWith("cjs ") ? pathToFileURL(l.slice(4)).href : l.replace(/^esm /, "")));
      return loaded.flatMap((url) => bundled.get(url) ?? [url]);
    } finally {
      rmSync(log, { force: true });
    }
  }
  const from = (modules: string[], pkg: string) => modules.filter((m) => m.includes(`node_modules/${pkg}/`));

  it("loads no exceljs, and nothing that reads or writes data", () => {
    const modules = modulesLoaded(["validate", "--no-data"]);
    expect(modules).toContain("dist/src/cli/commands/validate.js"); // the recorder and the metafile work
    expect(modules).toContain("node_modules/zod/v4/core/core.js");
    expect(modules.filter((m) => m.includes("zod/v4/locales/") && !m.endsWith("/en.js"))).toEqual([]); // zod's other locales are left out of the bundle
    for (const pkg of ["exceljs", "jszip", "yauzl", "saxes", "csv-parse", "iconv-lite", "cli-table3", "chalk"]) expect(from(modules, pkg), pkg).toEqual([]);
    expect(modules.filter((m) => m.includes("dist/src/ingest/"))).toEqual([]);
    expect(modules.filter((m) => m.includes("dist/src/report/"))).toEqual([]);
  });

  it("loads the readers when the data is checked (the recorder sees them)", () => {
    // the bundled config reads CSV files and examples/data/payments.xlsx
    const modules = modulesLoaded(["validate"]);
    expect(modules).toContain("dist/src/ingest/readXlsxRows.js");
    expect(from(modules, "csv-parse").length).toBeGreaterThan(0);
  });

  it("loads no iconv-lite for data that is all UTF-8 (its code tables are for other encodings)", () => {
    const dir = fixture({ ...DATA, "kpi.config.yaml": CONFIG });
    const modules = modulesLoaded(["validate", "-c", join(dir, "kpi.config.yaml")]);
    expect(modules).toContain("dist/src/ingest/readCsvRows.js"); // the data was read
    expect(from(modules, "iconv-lite")).toEqual([]);
  });

  it("runs the bundle: no module of dist/src, and no package but fdir's optional picomatch, is loaded on its own", () => {
    const loaded = modulesLoaded(["validate"]);
    expect(loaded).toContain("dist/src/ingest/readXlsxRows.js"); // mapped from a file of the bundle
    expect(loaded.filter((m) => m.startsWith("file:") && m.includes("/dist/src/"))).toEqual([]);
    // fdir (under tinyglobby, for the config's glob) requires picomatch inside a try/catch, which a bundler leaves to run time
    const packages = new Set(loaded.filter((m) => m.startsWith("file:") && m.includes("/node_modules/")).map((m) => m.split("/node_modules/")[1]?.split("/")[0]));
    expect([...packages].filter((name) => name !== "picomatch")).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
