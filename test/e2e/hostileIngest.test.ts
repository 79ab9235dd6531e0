import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_FILES, fixture, runKpi } from "./support.js";

const DEALS_HEADER = "Deal ID,Owner,Amount,Closed,Stage,Note";

function runWithDeals(deals: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}) {
  const dir = fixture({ ...BASE_FILES, "deals.csv": deals, ...extra });
  const result = runKpi(["run", "--fail-on", "never"], { cwd: dir });
  let json: { anomalies: { code: string; row: number | null; column: string | null; value: string | null; message: string }[]; sources: Record<string, { read: number; accepted: number; rejected: number; duplicates: number }> } | null = null;
  try {
    json = JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8"));
  } catch {
    json = null;
  }
  return { ...result, json };
}

describe("hostile ingest", () => {
  it("refuses a file with an unterminated quote, naming the line where it opened", () => {
    const r = runWithDeals([DEALS_HEADER, 'D1,R001,"100.00",2026-10-05,Closed Won,', 'D2,R001,"100.00,2026-10-06,Closed Won,', "D3,R001,1.00,2026-10-07,Closed Won,"].join("\n"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deals\.csv, row 3: a quoted field opened here is never closed/);
    expect(r.json).toBeNull();
  });

  it("rejects a ragged row (a field missing) and keeps the others", () => {
    const r = runWithDeals([DEALS_HEADER, "D1,R001,100.00,2026-10-05,Closed Won,", "D2,R001,100.00,2026-10-06"].join("\n"));
    expect(r.code).toBe(0);
    expect(r.json?.sources["deals"]).toEqual({ files: ["deals.csv"], read: 2, accepted: 1, rejected: 1, duplicates: 0 });
    expect(r.json?.anomalies.find((a) => a.code === "rejected_row")?.row).toBe(3);
  });

  it("stops with the nearest header suggested when a mapped column is missing", () => {
    const r = runWithDeals([DEALS_HEADER.replace("Amount", "Amont"), "D1,R001,100.00,2026-10-05,Closed Won,"].join("\n"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deals\.csv, row 1, column "Amount": has no column "Amount" \(mapped to "amount"\) \(did you mean "Amont"\?\)/);
  });

  it("stops when a source file is missing", () => {
    const dir = fixture({ ...BASE_FILES });
    const config = (BASE_FILES["kpi.config.yaml"] ?? "").replace("path: deals.csv", "path: nowhere/deals.csv");
    const r = runKpi(["run"], { cwd: fixture({ ...BASE_FILES, "kpi.config.yaml": config }) });
    expect(dir).toBeTruthy();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere\/deals\.csv: file not found/);
  });

  it("says a renamed CSV is not an xlsx", () => {
    const config = (BASE_FILES["kpi.config.yaml"] ?? "").replace("path: deals.csv", "path: deals.xlsx");
    const r = runKpi(["run"], { cwd: fixture({ ...BASE_FILES, "deals.xlsx": BASE_FILES["deals.csv"] ?? "", "kpi.config.yaml": config }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deals\.xlsx: is not an xlsx workbook \(it looks like text \(CSV\?\)\)/);
  });

  it.each([
    ["a wrong type in a money cell", "D1,R001,12.5OO,2026-10-05,Closed Won,", "Amount", "12.5OO"],
    ["an impossible date", "D1,R001,100.00,2026-02-30,Closed Won,", "Closed", "2026-02-30"],
    ["an ambiguous date", "D1,R001,100.00,05/10/2026,Closed Won,", "Closed", "05/10/2026"],
    ["a hex number", "D1,R001,0x1F,2026-10-05,Closed Won,", "Amount", "0x1F"],
    ["an empty rep", "D1,,100.00,2026-10-05,Closed Won,", "Owner", ""],
  ])("rejects %s with file, row, column and raw value", (_what, line, column, value) => {
    const r = runWithDeals([DEALS_HEADER, line, "D2,R001,1.00,2026-10-06,Closed Won,"].join("\n"));
    expect(r.code).toBe(0);
    const rejected = r.json?.anomalies.filter((a) => a.code === "rejected_row") ?? [];
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ row: 2, column, value });
    expect(r.json?.sources["deals"]).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
  });

  it("treats a __proto__ header as an ordinary column name", () => {
    const config = (BASE_FILES["kpi.config.yaml"] ?? "").replace("note: { from: Note, required: false }", "note: { from: __proto__, required: false }");
    const deals = [DEALS_HEADER.replace("Note", "__proto__"), "D1,R001,100.00,2026-10-05,Closed Won,polluted?"].join("\n");
    const dir = fixture({ ...BASE_FILES, "deals.csv": deals, "kpi.config.yaml": config });
    const r = runKpi(["run", "--fail-on", "never"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reports exact and conflicting duplicates and accounts for every row", () => {
    const r = runWithDeals(
      [DEALS_HEADER, "D1,R001,100.00,2026-10-05,Closed Won,", "D1,R001,100.00,2026-10-05,Closed Won,", "D2,R001,5.00,2026-10-05,Closed Won,", "D2,R001,6.00,2026-10-05,Closed Won,", "D3,R001,7.00,2026-10-05,Closed Won,"].join("\n"),
    );
    expect(r.json?.sources["deals"]).toEqual({ files: ["deals.csv"], read: 5, accepted: 2, rejected: 2, duplicates: 1 });
    expect(r.json?.anomalies.filter((a) => a.code === "duplicate").map((a) => a.row)).toEqual([3]);
    expect(r.json?.anomalies.filter((a) => a.code === "conflicting_duplicate").map((a) => a.row)).toEqual([4, 5]);
  });

  it("reads semicolons, a sep= hint line, CRLF and a BOM", () => {
    const text = "\uFEFFsep=;\r\n" + [DEALS_HEADER.replaceAll(",", ";"), "D1;R001;100,00;2026-10-05;Closed Won;"].join("\r\n");
    const config = (BASE_FILES["kpi.config.yaml"] ?? "").replace("amount: { from: Amount, type: money }", 'amount: { from: Amount, type: money, decimal: "," }');
    const dir = fixture({ ...BASE_FILES, "deals.csv": text, "kpi.config.yaml": config });
    const r = runKpi(["run", "-p", "2026-10", "--json", "--fail-on", "never"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sources.deals).toMatchObject({ read: 1, accepted: 1 });
    expect(json.reps.find((x: { rep: string }) => x.rep === "R001").metrics.revenue.actual).toBe("100.00");
  });

  it("numbers rows by the physical line where a record starts, across quoted newlines", () => {
    const r = runWithDeals([DEALS_HEADER, 'D1,R001,100.00,2026-10-05,Closed Won,"two\nlines"', "D2,R001,bad,2026-10-05,Closed Won,"].join("\n"));
    expect(r.json?.anomalies.find((a) => a.code === "rejected_row")?.row).toBe(4);
  });

  it("refuses invalid UTF-8 in a file declared utf-8", () => {
    const bytes = Buffer.concat([Buffer.from(`${DEALS_HEADER}\nD1,R001,100.00,2026-10-05,Closed Won,`), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from("\n")]);
    const config = (BASE_FILES["kpi.config.yaml"] ?? "").replace("path: deals.csv", "path: deals.csv\n    encoding: utf-8");
    const r = runKpi(["run"], { cwd: fixture({ ...BASE_FILES, "deals.csv": bytes, "kpi.config.yaml": config }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deals\.csv: is not valid UTF-8/);
  });
});

describe("look-alike owners", () => {
  it("reports an owner that only looks like a rep, naming the character that differs", () => {
    const r = runWithDeals([DEALS_HEADER, "D1,Li W\u0435i,100.00,2026-10-05,Closed Won,", "D2,R001,1.00,2026-10-06,Closed Won,"].join("\n"));
    const unknown = r.json?.anomalies.find((a) => a.code === "unknown_rep");
    expect(unknown?.message).toMatch(/looks like "Li Wei" but is not: .*U\+0435/);
  });
});
