/**
 * A large keyed source for end-to-end tests: activities.csv with `rows` data
 * rows keyed by "Activity ID", a roster of 50 reps and a config scoring
 * October 2026, written into `dir`. Deterministic (every field is arithmetic
 * on the row index) and streamed to disk in ~1 MB chunks.
 *
 * Row i (0-based; CSV row i + 2) of the plain data:
 *   id       A + (i + 1) in 7 digits             A0000001, A0000002, …
 *   rep      R01 … R50, r = i mod 50             each rep owns every 50th row
 *   date     with q = ⌊i / 50⌋: 2026-09 when q mod 5 = 4, else 2026-10; day 1 + (q mod 28)
 *   type     visit when (q mod 50) ≤ r, else call
 *   minutes  r + 1
 *
 * Three rows are overwritten with planted ones (so the file keeps `rows` rows):
 *   two exact copies of earlier rows (duplicates: dropped, one warning each) and
 *   one copy of an earlier row with different minutes (a conflict: both rows
 *   with that id are rejected). The row a plant overwrites is lost.
 *
 * The expected October numbers are tallied here row by row, independently of
 * kpi; the test checks the tally against closed-form arithmetic too.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeLinesFile } from "../../bench/writeLinesFile.js";

export const REPS = 50;
export const ACTIVITIES_HEADER = "Activity ID,Owner ID,Type,Date,Duration min\n";

export interface RepTally {
  activities: number;
  visits: number;
  minutes: number;
}

export interface Plant {
  /** 0-based data row index it overwrites */
  at: number;
  /** 0-based index of the row it copies */
  of: number;
}

export interface LargeActivities {
  rows: number;
  /** exact copies: dropped as duplicates */
  duplicates: Plant[];
  /** a copy with different minutes: both rows rejected */
  conflict: Plant;
  accounting: { read: number; accepted: number; rejected: number; duplicates: number };
  /** October 2026, per rep id, over accepted rows */
  october: Map<string, RepTally>;
}

export const repId = (r: number): string => `R${String(r + 1).padStart(2, "0")}`;
export const activityId = (i: number): string => `A${String(i + 1).padStart(7, "0")}`;
/** CSV row number (the header is row 1) of data row i. */
export const csvRow = (i: number): number => i + 2;

interface Fields {
  r: number;
  october: boolean;
  visit: boolean;
  minutes: number;
}

function fieldsOf(i: number): Fields {
  const r = i % REPS;
  const q = Math.floor(i / REPS);
  return { r, october: q % 5 !== 4, visit: q % 50 <= r, minutes: r + 1 };
}

function plainLine(i: number, minutesDelta = 0): string {
  const f = fieldsOf(i);
  const q = Math.floor(i / REPS);
  const day = String(1 + (q % 28)).padStart(2, "0");
  return `${activityId(i)},${repId(f.r)},${f.visit ? "visit" : "call"},2026-${f.october ? "10" : "09"}-${day},${f.minutes + minutesDelta}\n`;
}

/** Where the plants go: for 2,000,000 rows, duplicates at 1,000,000 (of 10) and 1,999,907 (of 1,500,003), the conflict at 1,200,017 (of 800,027). */
export function plantsFor(rows: number): { duplicates: Plant[]; conflict: Plant } {
  if (rows % 100 !== 0 || rows < 1000) throw new Error("rows must be a multiple of 100, at least 1,000");
  return {
    duplicates: [
      { at: rows / 2, of: 10 },
      { at: rows - 93, of: (3 * rows) / 4 + 3 },
    ],
    conflict: { at: (3 * rows) / 5 + 17, of: (2 * rows) / 5 + 27 },
  };
}

export const LARGE_CONFIG = `version: 1
name: Large keyed source
currency: CNY
period: month
sources:
  activities:
    path: activities.csv
    key: id
    columns:
      id: "Activity ID"
      rep: "Owner ID"
      type: "Type"
      at: { from: "Date", type: date }
      minutes: { from: "Duration min", type: integer }
  roster:
    path: roster.csv
    key: rep
    columns: { rep: "Rep ID", name: "Name", team: "Team", role: "Role", hired: { from: "Hired Date", type: date } }
metrics:
  activities: { source: activities, date: at, aggregate: count }
  visits: { source: activities, where: 'type == "visit"', date: at, aggregate: count }
  minutes: { source: activities, date: at, aggregate: sum, value: minutes }
targets:
  activities: 30000
  visits: 10000
  minutes: 500000
scorecards:
  - name: standard
    dimensions:
      process: { weight: 1, metrics: { activities: 50, visits: 30, minutes: 20 } }
tiers:
  - { name: A, min: 100 }
  - { name: B }
`;

export async function writeLargeActivities(dir: string, rows = 2_000_000): Promise<LargeActivities> {
  const { duplicates, conflict } = plantsFor(rows);
  const copyOf = new Map<number, Plant>(duplicates.map((p) => [p.at, p]));
  const rejectedRows = new Set([conflict.at, conflict.of]);

  const october = new Map<string, RepTally>();
  for (let r = 0; r < REPS; r++) october.set(repId(r), { activities: 0, visits: 0, minutes: 0 });
  const tally = (i: number): void => {
    const f = fieldsOf(i);
    const t = october.get(repId(f.r));
    if (!t || !f.october) return;
    t.activities++;
    if (f.visit) t.visits++;
    t.minutes += f.minutes;
  };

  const line = (i: number): string => {
    const copy = copyOf.get(i);
    if (copy) return plainLine(copy.of); // dropped: counts nothing
    if (i === conflict.at) return plainLine(conflict.of, 100); // rejected, and so is row `of`
    if (!rejectedRows.has(i)) tally(i);
    return plainLine(i);
  };
  await writeLinesFile(join(dir, "activities.csv"), ACTIVITIES_HEADER, rows, line);
  const roster = Array.from({ length: REPS }, (_, r) => `${repId(r)},Rep ${r + 1},${r % 2 === 0 ? "East" : "West"},account_exec,2025-01-01\n`);
  await writeFile(join(dir, "roster.csv"), "Rep ID,Name,Team,Role,Hired Date\n" + roster.join(""));
  await writeFile(join(dir, "kpi.config.yaml"), LARGE_CONFIG);
  return {
    rows,
    duplicates,
    conflict,
    accounting: { read: rows, accepted: rows - duplicates.length - 2, rejected: 2, duplicates: duplicates.length },
    october,
  };
}
