/**
 * 2,000,000 keyed rows through the built CLI with the V8 heap capped at 256 MB:
 * duplicates are judged with a compact table, not one Map entry per key. Slow
 * today (the CSV path is being optimised), so the timeouts are generous; no
 * assertion is about time.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityId, csvRow, repId, REPS, writeLargeActivities, type LargeActivities, type RepTally } from "../support/largeActivities.js";
import { BIN } from "./support.js";

const ROWS = 2_000_000;
const TIMEOUT_MS = 300_000;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function runCapped(args: readonly string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-old-space-size=256", BIN, ...args], {
      cwd,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "" },
      stdio: ["ignore", "ignore", "pipe"],
      timeout: TIMEOUT_MS - 10_000,
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

interface Metric {
  actual: number;
  records: number;
}
interface Results {
  period: string;
  reps: { rep: string; metrics: Record<string, Metric> }[];
  sources: Record<string, { read: number; accepted: number; rejected: number; duplicates: number }>;
  anomalies: { code: string; source: string | null; row: number | null; value: string | null; rep: string | null }[];
}

/**
 * The October numbers in closed form (see test/support/largeActivities.ts).
 * Rep r (0-based) owns rows i = 50q + r, q = 0 … 39,999: 40,000 rows.
 *   October: q mod 5 ≠ 4                         → 40,000 × 4/5 = 32,000 rows
 *   visits:  also (q mod 50) ≤ r; per 50 q's, the values v = 0 … r with v mod 5 ≠ 4
 *            → 800 × ((r + 1) − ⌊(r + 1)/5⌋)
 *   minutes: r + 1 per row                      → 32,000 × (r + 1)
 * Then the plants, each in October:
 *   row 1,000,000 (r 0, q 20,000, visit) overwritten by a dropped copy   → R01 −1 activity, −1 visit, −1 minute
 *   row 1,999,907 (r 7, q 39,998, call) overwritten by a dropped copy    → R08 −1 activity, −8 minutes
 *   row 1,200,017 (r 17, q 24,000, visit) overwritten by the conflicting copy of row 800,027,
 *     which is rejected                                                  → R18 −1 activity, −1 visit, −18 minutes
 *   row 800,027 (r 27, q 16,000, visit) rejected with its conflicting copy → R28 −1 activity, −1 visit, −28 minutes
 */
function closedForm(r: number): RepTally {
  const base = { activities: 32_000, visits: 800 * (r + 1 - Math.floor((r + 1) / 5)), minutes: 32_000 * (r + 1) };
  const lost: Record<number, RepTally> = {
    0: { activities: 1, visits: 1, minutes: 1 },
    7: { activities: 1, visits: 0, minutes: 8 },
    17: { activities: 1, visits: 1, minutes: 18 },
    27: { activities: 1, visits: 1, minutes: 28 },
  };
  const l = lost[r] ?? { activities: 0, visits: 0, minutes: 0 };
  return { activities: base.activities - l.activities, visits: base.visits - l.visits, minutes: base.minutes - l.minutes };
}

describe(`a ${ROWS.toLocaleString("en")}-row keyed source under --max-old-space-size=256`, () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-large-"));
  let world: LargeActivities;
  let outcome: Outcome;
  let json: Results | null = null;

  beforeAll(async () => {
    world = await writeLargeActivities(dir, ROWS);
    outcome = await runCapped(["run", "-c", join(dir, "kpi.config.yaml"), "-p", "2026-10", "-o", join(dir, "out"), "--quiet", "--fail-on", "never"], dir);
    try {
      json = JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8")) as Results;
    } catch {
      json = null;
    }
  }, TIMEOUT_MS);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("plants where the closed-form arithmetic says, and tallies what it says", () => {
    expect(world.duplicates).toEqual([{ at: 1_000_000, of: 10 }, { at: 1_999_907, of: 1_500_003 }]);
    expect(world.conflict).toEqual({ at: 1_200_017, of: 800_027 });
    for (let r = 0; r < REPS; r++) expect(world.october.get(repId(r)), repId(r)).toEqual(closedForm(r));
    // spot checks of the formula itself: R01 800 − 1 visits; R50 800 × (50 − 10) = 32,000 visits
    expect(closedForm(0)).toEqual({ activities: 31_999, visits: 799, minutes: 31_999 });
    expect(closedForm(27)).toEqual({ activities: 31_999, visits: 18_399, minutes: 895_972 });
    expect(closedForm(49)).toEqual({ activities: 32_000, visits: 32_000, minutes: 1_600_000 });
  });

  it("exits 0 and writes results.json", () => {
    expect({ code: outcome.code, signal: outcome.signal, stderr: outcome.code === 0 ? "" : outcome.stderr }).toEqual({ code: 0, signal: null, stderr: "" });
    expect(json?.period).toBe("2026-10");
  });

  it("accounts for every row: 2,000,000 read = 1,999,996 accepted + 2 rejected + 2 duplicates", () => {
    expect(json?.sources["activities"]).toEqual({ files: ["activities.csv"], read: ROWS, accepted: ROWS - 4, rejected: 2, duplicates: 2 });
    expect(world.accounting).toEqual({ read: ROWS, accepted: ROWS - 4, rejected: 2, duplicates: 2 });
  });

  it("gives every rep the generator's October counts", () => {
    const got = new Map((json?.reps ?? []).map((rep) => [rep.rep, { activities: rep.metrics["activities"]?.actual, visits: rep.metrics["visits"]?.actual, minutes: rep.metrics["minutes"]?.actual }]));
    expect(got.size).toBe(REPS);
    for (const [rep, want] of world.october) expect(got.get(rep), rep).toEqual(want);
  });

  it("reports the two planted exact copies as duplicates", () => {
    const duplicates = (json?.anomalies ?? []).filter((a) => a.code === "duplicate" && a.source === "activities").sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    expect(duplicates.map((a) => [a.row, a.value, a.rep])).toEqual([
      [csvRow(1_000_000), activityId(10), "R11"], // row 1,000,002 copies row 12: A0000011
      [csvRow(1_999_907), activityId(1_500_003), "R04"], // row 1,999,909 copies row 1,500,005: A1500004
    ]);
  });

  it("rejects both rows of the conflicting id", () => {
    const conflicts = (json?.anomalies ?? []).filter((a) => a.code === "conflicting_duplicate").sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    // A0800028 on row 800,029 (minutes 28) and row 1,200,019 (minutes 128)
    expect(conflicts.map((a) => [a.row, a.value, a.rep])).toEqual([
      [csvRow(800_027), activityId(800_027), "R28"],
      [csvRow(1_200_017), activityId(800_027), "R28"],
    ]);
  });
});
