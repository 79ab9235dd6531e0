import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runKpi } from "./support.js";

const FILES = ["kpi.config.yaml", "kpi.config.schema.json", "data/roster.csv", "data/deals.csv", "data/activities.csv", "data/targets.csv"];

/** Every file under `dir`, relative with "/", sorted. */
function tree(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? tree(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

describe("kpi init", () => {
  it("writes a starter config and sample exports into DIR, and `kpi run` there works at once", () => {
    const cwd = fixture({});
    const init = runKpi(["init", "demo"], { cwd });
    expect(init.code, init.stderr).toBe(0);
    expect(tree(join(cwd, "demo"))).toEqual([...FILES].sort());
    for (const file of FILES) expect(init.stderr).toContain(`demo/${file}`);
    expect(init.stderr).toMatch(/Next: cd demo && kpi run\n$/);

    const dir = join(cwd, "demo");
    expect(runKpi(["validate"], { cwd: dir })).toMatchObject({ code: 0 });
    const run = runKpi(["run"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0); // no anomaly at error level: exit 0
    const results = JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8"));
    expect(results.period).toBe("2026-06"); // the data runs to 2026-06-30
    expect(results.reps).toHaveLength(12);
    expect(results.reps.every((r: { score: number | null }) => r.score !== null)).toBe(true);
    expect(results.commission.grand_total).toMatch(/^\d+\.\d{2}$/);
  });

  it("writes the same bytes every time (no clock, no randomness), into the current folder by default", () => {
    const a = fixture({});
    const b = fixture({});
    expect(runKpi(["init"], { cwd: a, env: { TZ: "Pacific/Kiritimati" } }).code).toBe(0);
    expect(runKpi(["init", "."], { cwd: b, env: { TZ: "America/Adak" } }).code).toBe(0);
    for (const file of FILES) expect(readFileSync(join(a, file)), file).toEqual(readFileSync(join(b, file)));
    const deals = readFileSync(join(a, "data/deals.csv"), "utf8").trimEnd().split("\n");
    expect(deals.length - 1).toBeGreaterThanOrEqual(100); // a few hundred rows, not a toy
    expect(deals.slice(1).every((line) => /,2026-\d\d-\d\d,2026-\d\d-\d\d$/.test(line))).toBe(true);
  });

  it("refuses to overwrite an existing file, naming it and writing nothing", () => {
    const cwd = fixture({ "demo/data/deals.csv": "mine\n" });
    const result = runKpi(["init", "demo"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("demo/data/deals.csv: already exists");
    expect(tree(join(cwd, "demo"))).toEqual(["data/deals.csv"]);
    expect(readFileSync(join(cwd, "demo/data/deals.csv"), "utf8")).toBe("mine\n");
  });

  it("refuses a DIR that is a file", () => {
    const cwd = fixture({ notes: "x" });
    expect(runKpi(["init", "notes"], { cwd })).toMatchObject({ code: 1, stderr: expect.stringContaining("notes: is a file, not a folder") });
  });

  it("writes into an existing folder that holds other files", () => {
    const cwd = fixture({});
    mkdirSync(join(cwd, "repo"));
    writeFileSync(join(cwd, "repo", "README.md"), "hello\n");
    expect(runKpi(["init", "repo"], { cwd }).code).toBe(0);
    expect(tree(join(cwd, "repo"))).toEqual(["README.md", ...FILES].sort());
  });
});
