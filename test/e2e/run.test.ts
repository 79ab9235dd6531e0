import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BASE_FILES, fixture, runKpi } from "./support.js";

async function sheetRows(path: string, sheet: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("kpi run", () => {
  const dir = fixture(BASE_FILES);
  const result = runKpi(["run"], { cwd: dir });

  it("prints the ranking and exits 0 when nothing needs review", () => {
    expect(result.stderr).toContain("No anomalies");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│\s+1 │ R003 │ Zhang Min/);
  });

  it("writes results.json with the SPEC's numbers", () => {
    const json = JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8"));
    expect(json.period).toBe("2026-10"); // latest date 2026-11-02: the last complete month is October
    const r001 = json.reps.find((r: { rep: string }) => r.rep === "R001");
    // target: Q4 row 300,000 / 3 = 100,000 for October; actual 130,000 -> 1.3
    expect(r001.metrics.revenue).toEqual({ actual: "130000.00", target: "100000.00", target_source: "targets.csv row 2 (2026-Q4) ÷ 3", attainment: 1.3, capped: 1.3, records: 1 });
    // score = 0.7 × 1.3 + 0.3 × (1 / 2) = 1.06 -> 106
    expect(r001.score).toBeCloseTo(106, 10);
    const r002 = json.reps.find((r: { rep: string }) => r.rep === "R002");
    // hired 2026-10-12: prorated default 100,000 × 20/31 = 64,516.13 (shown); actual 50,000 (¥ symbol ignored)
    expect(r002.metrics.revenue.target).toBe("64516.13");
    expect(r002.metrics.revenue.actual).toBe("50000.00");
    expect(json.reps.map((r: { rep: string; rank: number }) => [r.rep, r.rank])).toEqual([["R003", 1], ["R001", 2], ["R002", 3]]);
    expect(json.sources.deals).toEqual({ files: ["deals.csv"], read: 4, accepted: 4, rejected: 0, duplicates: 0 });
  });

  it("writes report.xlsx whose Ranking sheet holds the same numbers", async () => {
    const rows = await sheetRows(join(dir, "out", "report.xlsx"), "Ranking");
    expect(rows[0]?.slice(0, 8)).toEqual(["Rank", "Rep", "Name", "Team", "Region", "Scorecard", "Tier", "Score"]);
    expect(rows[1]?.slice(0, 8)).toEqual([1, "R003", "Zhang Min", "West", undefined, "standard", "A", 120]); // no region column: an empty cell
    expect(rows[2]?.[7]).toBe(106);
  });

  it("keeps formula-looking text inert and writes no formula", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "out", "report.xlsx"));
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))));
  });

  it("writes the Run sheet with row accounting", async () => {
    const rows = await sheetRows(join(dir, "out", "report.xlsx"), "Run");
    expect(rows.find((r) => r[0] === "Source deals")?.slice(3)).toEqual([4, 4, 0, 0]);
    expect(rows.find((r) => r[0] === "Period")?.[1]).toBe("2026-10");
  });

  it("gives byte-identical results.json under far-apart time zones", () => {
    const a = fixture(BASE_FILES);
    const b = fixture(BASE_FILES);
    expect(runKpi(["run", "--quiet"], { cwd: a, env: { TZ: "Pacific/Kiritimati" } }).code).toBe(0);
    expect(runKpi(["run", "--quiet"], { cwd: b, env: { TZ: "America/Adak" } }).code).toBe(0);
    expect(readFileSync(join(a, "out", "results.json"))).toEqual(readFileSync(join(b, "out", "results.json")));
  });

  it("prints results.json with --json", () => {
    const json = runKpi(["run", "--json", "-o", "out2"], { cwd: dir });
    expect(JSON.parse(json.stdout).period).toBe("2026-10");
  });

  it("takes an explicit period", () => {
    const q = runKpi(["run", "-p", "2026-Q4", "--json", "-o", "outq"], { cwd: dir });
    expect(JSON.parse(q.stdout).period).toBe("2026-Q4");
  });
});

describe("exit codes", () => {
  it.each([
    [["run", "--bogus"], 2],
    [["run", "-p", "2026-13"], 2],
    [["run", "--fail-on", "sometimes"], 2],
    [["run", "-c", "missing.yaml"], 1],
    [["nope"], 2],
  ])("kpi %j exits %d", (args, code) => {
    const dir = fixture(BASE_FILES);
    const result = runKpi(args, { cwd: dir });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it("writes nothing when the config is invalid (exit 1)", () => {
    const dir = fixture({ ...BASE_FILES, "kpi.config.yaml": (BASE_FILES["kpi.config.yaml"] ?? "").replace("aggregate: sum", "aggregate: total") });
    const result = runKpi(["run"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/kpi\.config\.yaml:\d+:\d+ invalid value at metrics\.revenue\.aggregate/);
  });
});
