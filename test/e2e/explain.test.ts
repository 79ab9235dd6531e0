import { describe, expect, it } from "vitest";
import { BASE_FILES, fixture, runKpi } from "./support.js";

describe("kpi explain", () => {
  const dir = fixture(BASE_FILES);
  const results = JSON.parse(runKpi(["run", "--json", "--quiet"], { cwd: dir }).stdout);

  it("gives the same numbers as results.json", () => {
    const run = runKpi(["explain", "R001", "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const e = JSON.parse(run.stdout);
    const r = results.reps.find((x: { rep: string }) => x.rep === "R001");
    expect([e.score, e.tier, e.rank]).toEqual([r.score, r.tier, r.rank]);
    expect(e.dimensions).toEqual(r.dimensions);
    const revenue = e.metrics.find((m: { metric: string }) => m.metric === "revenue");
    expect([revenue.actual, revenue.target, revenue.targetSource, revenue.attainment, revenue.records]).toEqual([
      r.metrics.revenue.actual, r.metrics.revenue.target, r.metrics.revenue.target_source, r.metrics.revenue.attainment, r.metrics.revenue.records,
    ]);
    expect(e.scorecard.name).toBe(r.scorecard);
  });

  it("reads on a terminal: the scorecard, each metric's actual, target and points", () => {
    const run = runKpi(["explain", "Li Wei"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("R001 Li Wei");
    expect(run.stdout).toMatch(/actual 130,000\.00 from 1 record — sum of amount over deals, where stage == "Closed Won", dated by closed/);
    expect(run.stdout).toMatch(/target 100,000\.00 \(targets\.csv row 2 \(2026-Q4\) ÷ 3\) · attainment 130\.0%/);
  });

  it("suggests the nearest ids for a rep that does not exist (exit 2)", () => {
    const run = runKpi(["explain", "R01"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no rep "R01" in 2026-10; did you mean "R001"/);
  });
});
