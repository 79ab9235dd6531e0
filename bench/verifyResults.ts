/**
 * `--verify`: kpi's per-rep metrics (results.json) against DuckDB's for the
 * same month. Money is compared as decimal strings, counts exactly, the
 * average cycle to 1e-9. A rep kpi reports no records for counts as zero.
 */
import type { DuckOutput, DuckRepRow } from "./duckdbAggregate.js";

type KpiActual = string | number | null;

interface KpiResults {
  reps: { rep: string; metrics: Record<string, { actual: KpiActual } | undefined> }[];
}

export interface Mismatch {
  rep: string;
  metric: string;
  kpi: KpiActual;
  duckdb: KpiActual;
}

const METRICS = ["won_revenue", "won_deals", "customers_won", "sales_cycle", "visits"] as const;

function same(metric: (typeof METRICS)[number], kpi: KpiActual, duck: KpiActual): boolean {
  if (metric === "sales_cycle") {
    if (kpi === null || duck === null) return kpi === duck;
    return Math.abs(Number(kpi) - Number(duck)) <= 1e-9;
  }
  if (metric === "won_revenue") return (kpi ?? "0.00") === duck;
  return (kpi ?? 0) === duck;
}

/** Every difference, with the reps that only one side has reported as such. */
export function verifyResults(resultsJson: string, duck: DuckOutput): Mismatch[] {
  const kpi = JSON.parse(resultsJson) as KpiResults;
  const duckByRep = new Map<string, DuckRepRow>(duck.reps.map((r) => [r.rep, r]));
  const mismatches: Mismatch[] = [];
  for (const rep of kpi.reps) {
    const theirs = duckByRep.get(rep.rep);
    duckByRep.delete(rep.rep);
    for (const metric of METRICS) {
      const mine = rep.metrics[metric]?.actual ?? null;
      const other = theirs ? theirs[metric] : null;
      if (!theirs || !same(metric, mine, other)) mismatches.push({ rep: rep.rep, metric, kpi: mine, duckdb: other });
    }
  }
  for (const rep of duckByRep.keys()) mismatches.push({ rep, metric: "(rep)", kpi: null, duckdb: "only in DuckDB" });
  return mismatches;
}
