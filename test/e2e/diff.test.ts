import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, ROOT, fixture, runKpi } from "./support.js";

/**
 * Four reps, October 2026, target 100,000 each; commission on revenue
 * attainment, marginal: 0–0.5 at 0%, 0.5–1.0 at 4%, above at 6%.
 *   R001 130,000: 50,000×0 + 50,000×4% + 30,000×6% = 3,800.00
 *   R002  80,000: 50,000×0 + 30,000×4%              = 1,200.00
 *   R003  40,000: 40,000×0                          =     0.00
 *   R004 100,000: 50,000×0 + 50,000×4%              = 2,000.00   total 7,000.00
 */
const config = (options: { midRate?: string; tierA?: number } = {}) => `version: 1
currency: CNY
sources:
  deals:
    path: deals.csv
    key: id
    columns: { id: "Deal ID", rep: Owner, amount: { from: Amount, type: money }, closed: { from: Closed, type: date }, stage: Stage }
  roster: { path: roster.csv, match: [name], columns: { rep: Rep, name: Name, team: Team, hired: { from: Hired, type: date } } }
metrics:
  revenue: { source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: sum, value: amount }
targets:
  revenue: 100000
scorecards:
  - name: standard
    dimensions:
      result: { weight: 1, metrics: { revenue: 1 } }
tiers:
  - { name: A, min: ${options.tierA ?? 100} }
  - { name: B, min: 60 }
  - { name: C }
commission:
  plans:
    - name: standard
      components:
        - name: Revenue commission
          type: tiered
          base: revenue
          tiers:
            - { upto: 0.5, rate: 0 }
            - { upto: 1.0, rate: ${options.midRate ?? "0.04"} }
            - { rate: 0.06 }
`;

const FILES = {
  "roster.csv": "Rep,Name,Team,Hired\nR001,Li Wei,East,2024-01-01\nR002,Wang Fang,East,2024-01-01\nR003,Zhang Min,West,2024-01-01\nR004,Chen Jing,West,2024-01-01\n",
  "deals.csv": [
    "Deal ID,Owner,Amount,Closed,Stage",
    'D1,Li Wei,"130,000.00",2026-10-05,Closed Won',
    'D2,R002,"80,000.00",2026-10-20,Closed Won',
    'D3,R003,"40,000.00",2026-10-22,Closed Won',
    'D4,Chen Jing,"100,000.00",2026-10-31,Closed Won',
    'D5,R001,"1.00",2026-11-02,Closed Lost',
  ].join("\n") + "\n",
  "kpi.config.yaml": config(),
};

describe("kpi diff", () => {
  it("finds no changes between a config and itself, in every format", () => {
    const dir = fixture(FILES);
    const text = runKpi(["diff", "kpi.config.yaml"], { cwd: dir });
    expect(text).toMatchObject({ code: 0, stdout: "kpi diff · 2026-10 · kpi.config.yaml → kpi.config.yaml\nNo changes: the same ranks, tiers, scores and payouts for all 4 reps.\n" });
    const markdown = runKpi(["diff", "kpi.config.yaml", "--format", "markdown"], { cwd: dir });
    expect(markdown.stdout).toContain("**No changes**");
    expect(markdown.stdout).not.toContain("|");
    const json = JSON.parse(runKpi(["diff", "kpi.config.yaml", "--format", "json"], { cwd: dir }).stdout);
    expect(json).toMatchObject({ period: "2026-10", reps_compared: 4, reps_changed: 0, reps: [], tier_changes: [], total_payout_delta: "0.00", total_payout_delta_percent: 0 });
    expect(json.base.total_payout).toBe("7000.00");
  });

  it("after raising one commission rate, shows exactly the reps and amounts the arithmetic says", () => {
    // 4% -> 5% on the 0.5–1.0 slice: +50,000×1% for R001 and R004, +30,000×1% for R002, R003 earns nothing there
    const dir = fixture({ ...FILES, "base.yaml": config(), "kpi.config.yaml": config({ midRate: "0.05" }) });
    const result = runKpi(["diff", "base.yaml", "--format", "json"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.reps.map((r: { rep: string; base: { payout: string }; head: { payout: string }; payout_delta: string }) => [r.rep, r.base.payout, r.head.payout, r.payout_delta])).toEqual([
      ["R001", "3800.00", "4300.00", "500.00"],
      ["R004", "2000.00", "2500.00", "500.00"], // ties R001 on the change: rep id decides
      ["R002", "1200.00", "1500.00", "300.00"],
    ]);
    // 7,000.00 -> 8,300.00: +1,300.00 = +18.571428…%
    expect(json).toMatchObject({ total_payout_delta: "1300.00", reps_changed: 3, tier_changes: [], base: { total_payout: "7000.00" }, head: { total_payout: "8300.00" } });
    expect(json.total_payout_delta_percent).toBeCloseTo(18.5714286, 6);

    const markdown = runKpi(["diff", "base.yaml", "--format", "markdown"], { cwd: dir }).stdout;
    expect(markdown).toContain("**Total payout: +1,300.00 CNY (+18.57%), from 7,000.00 to 8,300.00.** 3 of 4 reps change.");
    expect(markdown).toContain("| R001 | Li Wei | East | 1 | A | 130.00 | 3,800.00 → 4,300.00 | +500.00 |");
    expect(markdown).not.toContain("| R003 |");
  });

  it("lists reps who change tier", () => {
    // A from 100 to 130: R004 (score 100) drops to B; R001 (130) stays A
    const dir = fixture({ ...FILES, "base.yaml": config(), "kpi.config.yaml": config({ tierA: 130 }) });
    const text = runKpi(["diff", "base.yaml"], { cwd: dir }).stdout;
    expect(text).toContain("Total payout: +0.00 CNY (+0.00%), from 7,000.00 to 7,000.00");
    expect(text).toContain("Tier changes:\n  R004  Chen Jing  A → B\n");
    const json = JSON.parse(runKpi(["diff", "base.yaml", "--format", "json"], { cwd: dir }).stdout);
    expect(json.tier_changes).toEqual([{ rep: "R004", name: "Chen Jing", from: "A", to: "B" }]);
  });

  it("runs both configs on the period of -p, or else on the head run's default period", () => {
    const dir = fixture({ ...FILES, "base.yaml": config().replace("currency: CNY", "currency: CNY\nperiod: quarter") });
    // the base config alone would default to a quarter; the head's default month is used for both
    expect(JSON.parse(runKpi(["diff", "base.yaml", "--format", "json"], { cwd: dir }).stdout).period).toBe("2026-10");
    expect(JSON.parse(runKpi(["diff", "base.yaml", "-p", "2026-Q4", "--format", "json"], { cwd: dir }).stdout).period).toBe("2026-Q4");
  });

  it.each([
    ["an invalid base config, naming it", { "base.yaml": "version: 2\n" }, ["diff", "base.yaml"], 1, "base.yaml:1:10"],
    ["a missing base config", {}, ["diff", "nope.yaml"], 1, "nope.yaml: config file not found"],
    ["a bad period", {}, ["diff", "kpi.config.yaml", "-p", "2026-13"], 2, "-p 2026-13 is not a period"],
    ["a bad format", {}, ["diff", "kpi.config.yaml", "--format", "html"], 2, "argument 'html' is invalid"],
    ["no base config", {}, ["diff"], 2, "missing required argument"],
  ])("exits with its code on %s", (_what, files, args, code, message) => {
    const result = runKpi(args, { cwd: fixture({ ...FILES, ...files }) });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });
});

describe("examples/ci/kpi-config.yml", () => {
  interface Step {
    name?: string;
    run?: string;
    env?: Record<string, string>;
  }
  const workflow = parse(readFileSync(join(ROOT, "examples/ci/kpi-config.yml"), "utf8")) as { env: Record<string, string>; jobs: { kpi: { steps: Step[] } } };
  const step = (name: string) => workflow.jobs.kpi.steps.find((s) => s.name === name)?.run ?? "";
  /** Run a step's shell script as the workflow would, with `npx kpi` being the kpi under test. */
  const runStep = (script: string, cwd: string, env: Record<string, string>) =>
    spawnSync("bash", ["-e", "-c", script.replaceAll("npx kpi", `"${process.execPath}" "${BIN}"`)], { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", ...workflow.env, ...env } });

  it("validates, then writes the markdown diff of the base branch's config against the pull request's", () => {
    const dir = fixture(FILES);
    // no global or system git config (signing, hooks): HOME is the fixture
    const env = { PATH: process.env["PATH"] ?? "", HOME: dir, GIT_CONFIG_NOSYSTEM: "1" };
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=ci", "-c", "user.email=ci@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: dir, encoding: "utf8", env }).trim();
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    const base = git("rev-parse", "HEAD");
    writeFileSync(join(dir, "kpi.config.yaml"), config({ midRate: "0.05" })); // the pull request raises one rate
    const summary = join(dir, "summary.md");

    const validate = runStep(step("Validate the config"), dir, {});
    expect(validate.status, validate.stderr).toBe(0);
    const diff = runStep(step("Diff against the base branch"), dir, { BASE_REF: base, GITHUB_STEP_SUMMARY: summary });
    expect(diff.status, diff.stderr).toBe(0);
    const markdown = readFileSync(join(dir, "kpi-diff.md"), "utf8");
    expect(markdown).toContain("`./kpi.base.yaml` → `kpi.config.yaml`");
    expect(markdown).toContain("**Total payout: +1,300.00 CNY (+18.57%), from 7,000.00 to 8,300.00.** 3 of 4 reps change.");
    expect(readFileSync(summary, "utf8")).toBe(markdown);
  });

  it("fails the check with annotations when the config is invalid", () => {
    const dir = fixture({ ...FILES, "kpi.config.yaml": config().replace("metrics: { revenue: 1 }", "metrics: { revenu: 1 }") });
    const validate = runStep(step("Validate the config"), dir, {});
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/^::error file=kpi\.config\.yaml,line=\d+,col=\d+::unknown metric "revenu"/);
  });
});
