/**
 * Targets as sales ops keeps them: a sheet of exceptions to the config's
 * defaults, at whatever grain the target was agreed (a year, a quarter, a month).
 */
import type { Rep } from "./roster.js";
import { d } from "./calendar.js";
import { csvText } from "./text.js";

export const TARGETS_HEADER = ["Rep", "Metric", "Period", "Target"] as const;

export function targetsCsv(reps: readonly Rep[]): string {
  const rows: string[][] = [];
  const active = reps.filter((r) => r.left === null);
  for (const rep of active) {
    const n = Number(rep.id.slice(1));
    if (rep.role === "key_account") {
      // Key accounts sign an annual quota (spread evenly over the months) …
      rows.push([rep.id, "won_revenue", "2026", String(6_600_000 + (n % 4) * 600_000)]);
      // … and a yearly win-rate goal (a ratio: used as is for any month of 2026).
      rows.push([rep.id, "win_rate", "2026", n % 2 === 0 ? "0.4" : "0.42"]);
    }
    if (rep.role === "account_exec" && rep.team === "East" && rep.hired < d("2026-01-01")) {
      // East raised its Q4 quota: 1,350,000 for the quarter, 450,000 a month.
      rows.push([rep.id, "won_revenue", "2026-Q4", "1350000"]);
    }
  }
  // Month-specific agreements.
  rows.push(["R014", "won_revenue", "2026-10", "420000"]);
  rows.push(["R038", "won_revenue", "2026-10", "150000"]);
  rows.push(["R038", "visits", "2026-10", "18"]);
  rows.push(["R039", "visits", "2026-10", "18"]);
  rows.push(["R037", "visits", "2026-Q4", "48"]);
  rows.push(["R022", "sales_cycle", "2026-Q4", "40"]);
  rows.sort((a, b) => (a.join("|") < b.join("|") ? -1 : 1));
  return csvText(TARGETS_HEADER, rows, "\n");
}
