import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Planted } from "../../scripts/examples/planted.js";
import { ROOT, runKpi } from "./support.js";

interface JsonAnomaly {
  severity: string;
  code: string;
  rep: string | null;
  file: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
}

const planted: Planted[] = JSON.parse(readFileSync(join(ROOT, "examples", "planted.json"), "utf8")).planted;

describe("anomalies on the bundled example", () => {
  const out = mkdtempSync(join(tmpdir(), "kpi-anomalies-"));
  const run = runKpi(["run", "-o", out, "--quiet", "--fail-on", "never"], { cwd: ROOT });
  const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
  const anomalies: JsonAnomaly[] = results.anomalies;

  it("exits 0 with --fail-on never", () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it.each(planted.map((p) => [p.code, p.rep, p.row, p] as const))("finds the planted %s for %s (row %s) exactly once", (_code, _rep, _row, p) => {
    const hits = anomalies.filter((a) => a.code === p.code && (a.rep === p.rep || a.rep === p.rep.split(" ")[0]) && (p.row === null || (a.row === p.row && (a.file ?? "").endsWith(p.file))));
    expect(hits, JSON.stringify(p)).toHaveLength(1);
    if (p.column !== null) expect(hits[0]?.column).toBe(p.column);
    if (p.value !== null && p.code === "rejected_row") expect(hits[0]?.value).toBe(p.value);
  });

  it("accounts for every row: read = accepted + rejected + duplicates, and every rejected row is listed", () => {
    for (const [name, s] of Object.entries(results.sources as Record<string, { read: number; accepted: number; rejected: number; duplicates: number }>)) {
      expect(s.read, name).toBe(s.accepted + s.rejected + s.duplicates);
      const listed = anomalies.filter((a) => (a.code === "rejected_row" || a.code === "conflicting_duplicate") && a.file !== null && results.sources[name].files.includes(a.file));
      expect(listed.length, name).toBe(s.rejected);
      expect(anomalies.filter((a) => a.code === "duplicate" && results.sources[name].files.includes(a.file)).length, name).toBe(s.duplicates);
    }
  });

  it("writes anomalies.xlsx sorted by severity, with the SPEC's columns first", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "anomalies.xlsx"));
    const sheet = wb.getWorksheet("Anomalies");
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 9)).toEqual(["Severity", "Code", "Rep", "Metric", "Source", "Row", "Column", "Value", "Message"]);
    const severities: string[] = [];
    sheet?.eachRow((row, n) => n > 1 && severities.push(String(row.getCell(1).value)));
    const order = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(severities.map((s) => order[s])).toEqual([...severities.map((s) => order[s])].sort());
    expect(severities.length).toBe(anomalies.length);
  });

  it("marks reps touched by an error as needing review", () => {
    const review = results.reps.filter((r: { payout: { needs_review: boolean } }) => r.payout.needs_review).map((r: { rep: string }) => r.rep).sort();
    expect(review).toEqual(expect.arrayContaining(["R016", "R019"])); // He Ping and Gao Yan's rejected rows
  });
});

describe("--fail-on", () => {
  it("exits 3 with --fail-on warning and still writes every output", () => {
    const out = mkdtempSync(join(tmpdir(), "kpi-failon-"));
    const run = runKpi(["run", "-o", out, "--quiet", "--fail-on", "warning"], { cwd: ROOT });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/anomalies at or above "warning" found/);
    for (const file of ["report.xlsx", "commissions.xlsx", "commissions.csv", "anomalies.xlsx", "results.json"]) expect(existsSync(join(out, file)), file).toBe(true);
  });

  it("exits 3 by default (errors are planted) and 0 with never", () => {
    expect(runKpi(["run", "-o", mkdtempSync(join(tmpdir(), "kpi-")), "--quiet"], { cwd: ROOT }).code).toBe(3);
  });
});

describe("an explicit period", () => {
  it("gives byte-identical results to the default period it names (only its months are accumulated)", () => {
    const a = mkdtempSync(join(tmpdir(), "kpi-p-"));
    const b = mkdtempSync(join(tmpdir(), "kpi-p-"));
    expect(runKpi(["run", "-o", a, "--quiet", "--fail-on", "never"], { cwd: ROOT }).code).toBe(0);
    expect(runKpi(["run", "-p", "2026-10", "-o", b, "--quiet", "--fail-on", "never"], { cwd: ROOT }).code).toBe(0);
    expect(readFileSync(join(b, "results.json"))).toEqual(readFileSync(join(a, "results.json")));
  });
});
