/**
 * The bench aggregation in DuckDB, as a process of its own so the runner
 * measures it the same way as `kpi run`: per rep, for one month, won revenue,
 * won deals, distinct customers won and average cycle (Closed Won deals by
 * close date) and valid visits (activities of type visit with valid = true).
 * Prints JSON: the query's own seconds and one row per roster rep.
 *
 *   node dist/bench/duckdbAggregate.js DATA_DIR 2026-10 [threads]
 */
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { daysInMonth } from "../src/dates/calendarDate.js";

export interface DuckRepRow {
  rep: string;
  /** decimal string, 2 places */
  won_revenue: string;
  won_deals: number;
  customers_won: number;
  sales_cycle: number | null;
  visits: number;
}

export interface DuckOutput {
  /** from opening the database to the last row read, inside this process */
  query_seconds: number;
  threads: number;
  reps: DuckRepRow[];
}

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export function aggregationSql(dir: string, period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) throw new Error(`period must be YYYY-MM, got ${period}`);
  const [year, month] = [Number(match[1]), Number(match[2])];
  const from = literal(`${period}-01`);
  const to = literal(`${period}-${String(daysInMonth(year, month)).padStart(2, "0")}`);
  const file = (name: string) => literal(path.join(dir, name));
  return `
    WITH won AS (
      SELECT "Owner ID" AS rep, sum("Amount") AS won_revenue, count(*) AS won_deals,
             count(DISTINCT "Customer") AS customers_won, avg("Close Date" - "Created Date") AS sales_cycle
      FROM read_csv_auto(${file("deals.csv")}, types = {'Amount': 'DECIMAL(18,2)'})
      WHERE "Stage" = 'Closed Won' AND "Close Date" BETWEEN DATE ${from} AND DATE ${to}
      GROUP BY ALL
    ), visits AS (
      SELECT "Owner ID" AS rep, count(*) AS visits
      FROM read_csv_auto(${file("activities.csv")})
      WHERE "Type" = 'visit' AND "Valid" AND "Date" BETWEEN DATE ${from} AND DATE ${to}
      GROUP BY ALL
    )
    SELECT r."Rep ID" AS rep,
           CAST(coalesce(w.won_revenue, 0) AS VARCHAR) AS won_revenue,
           CAST(coalesce(w.won_deals, 0) AS INTEGER) AS won_deals,
           CAST(coalesce(w.customers_won, 0) AS INTEGER) AS customers_won,
           w.sales_cycle,
           CAST(coalesce(v.visits, 0) AS INTEGER) AS visits
    FROM read_csv_auto(${file("roster.csv")}) r
    LEFT JOIN won w ON w.rep = r."Rep ID"
    LEFT JOIN visits v ON v.rep = r."Rep ID"
    ORDER BY rep`;
}

export async function duckdbAggregate(dir: string, period: string, threads: number): Promise<DuckOutput> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`SET threads = ${Math.floor(threads)}`);
  const reader = await connection.runAndReadAll(aggregationSql(dir, period));
  const reps = reader.getRowObjectsJson() as unknown as DuckRepRow[];
  const query_seconds = (performance.now() - started) / 1000;
  connection.closeSync();
  instance.closeSync();
  return { query_seconds, threads, reps };
}

const [dir, period, threads] = process.argv.slice(2);
if (dir !== undefined && period !== undefined) {
  const output = await duckdbAggregate(dir, period, Number(threads ?? 2));
  process.stdout.write(`${JSON.stringify(output)}\n`);
}
