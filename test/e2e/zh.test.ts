import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runKpi } from "./support.js";

describe("the Chinese example (GBK CSV, Chinese headers)", () => {
  const out = mkdtempSync(join(tmpdir(), "kpi-zh-"));
  const run = runKpi(["run", "-c", "examples/zh/kpi.config.yaml", "-o", out, "--fail-on", "never"], { cwd: ROOT });

  it("runs and prints Chinese names", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/[\u4e00-\u9fff]{2,}/);
  });

  it("reads every deal row: ¥ amounts and 2026/10/5 dates are accepted", () => {
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    const deals = Object.entries(results.sources as Record<string, { read: number; accepted: number; rejected: number }>).find(([name]) => name.includes("deal"));
    expect(deals?.[1].read).toBeGreaterThan(500);
    expect(deals?.[1].rejected).toBe(0);
    expect(results.reps.length).toBeGreaterThan(10);
    expect(results.reps.some((r: { name: string }) => /[\u4e00-\u9fff]/.test(r.name))).toBe(true);
  });

  it("writes commissions.csv that Excel opens as UTF-8 (BOM) with Chinese names", () => {
    const csv = readFileSync(join(out, "commissions.csv"));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toMatch(/[\u4e00-\u9fff]/);
  });
});
