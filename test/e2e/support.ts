/** Spawning the built CLI on fixtures written into temporary folders. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "bin", "kpi.js");

export interface KpiResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runKpi(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): KpiResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding these files (text or bytes), paths relative to it. */
export function fixture(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "kpi-e2e-"));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** The small world most e2e tests start from: 3 reps, a few deals, a targets file. */
export const BASE_FILES: Record<string, string> = {
  "roster.csv": ["Rep,Name,Team,Role,Hired", "R001,Li Wei,East,account_exec,2024-01-01", "R002,Wang Fang,East,account_exec,2026-10-12", "R003,Zhang Min,West,key_account,2025-03-01"].join("\n") + "\n",
  "deals.csv": [
    "Deal ID,Owner,Amount,Closed,Stage,Note",
    'D1,Li Wei,"130,000.00",2026-10-05,Closed Won,',
    'D2,R002,"¥50,000",2026/10/20,Closed Won,',
    'D3,R003,"200,000.00",2026-10-22,Closed Won,=HYPERLINK("http://x")',
    'D4,R001,"1.00",2026-11-02,Closed Lost,',
  ].join("\n") + "\n",
  "targets.csv": "Rep,Metric,Period,Target\nR001,revenue,2026-Q4,300000\n",
  "kpi.config.yaml": `version: 1
name: E2E
currency: CNY
sources:
  deals:
    path: deals.csv
    key: id
    columns: { id: "Deal ID", rep: Owner, amount: { from: Amount, type: money }, closed: { from: Closed, type: date }, stage: Stage, note: { from: Note, required: false } }
  roster: { path: roster.csv, match: [name], columns: { rep: Rep, name: Name, team: Team, role: Role, hired: { from: Hired, type: date } } }
  targets: { path: targets.csv, columns: { rep: Rep, metric: Metric, period: Period, target: { from: Target, type: number } } }
metrics:
  revenue: { source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: sum, value: amount }
  deals_won: { source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: count }
targets:
  revenue: { default: 100000, prorate: true }
  deals_won: 2
scorecards:
  - name: standard
    dimensions:
      result: { weight: 1, metrics: { revenue: 70, deals_won: 30 } }
tiers:
  - { name: A, min: 100 }
  - { name: B }
ranking: { tie_break: [revenue], within: [team] }
awards: [{ name: Top seller, by: revenue }]
`,
};
