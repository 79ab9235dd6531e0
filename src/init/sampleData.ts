/**
 * The sample exports `kpi init` writes: a roster of a dozen reps and the
 * deals, activities and targets of January to June 2026, as a CRM would
 * export them. Generated from a fixed seed: the same bytes on every run.
 */
import { dayFromYMD, daysInMonth, formatDay } from "../dates/calendarDate.js";
import { groupThousands } from "../util/groupThousands.js";
import { seededRandom, type SeededRandom } from "./seededRandom.js";

interface SampleRep {
  id: string;
  name: string;
  team: string;
  role: "account_exec" | "key_account";
  /** ISO date */
  hired: string;
  /** how well they sell: scales win chance and deal size */
  skill: number;
}

const REPS: readonly SampleRep[] = [
  { id: "R001", name: "Alice Chen", team: "East", role: "key_account", hired: "2021-03-15", skill: 1.2 },
  { id: "R002", name: "Bruno Silva", team: "East", role: "account_exec", hired: "2023-07-03", skill: 1.0 },
  { id: "R003", name: "Chloe Martin", team: "East", role: "account_exec", hired: "2024-02-19", skill: 0.85 },
  { id: "R004", name: "David Okafor", team: "East", role: "account_exec", hired: "2022-10-10", skill: 1.1 },
  { id: "R005", name: "Elena Rossi", team: "West", role: "key_account", hired: "2020-05-04", skill: 1.05 },
  { id: "R006", name: "Farid Haddad", team: "West", role: "account_exec", hired: "2023-01-09", skill: 0.95 },
  { id: "R007", name: "Grace Kim", team: "West", role: "account_exec", hired: "2025-04-14", skill: 1.15 },
  { id: "R008", name: "Hugo Lambert", team: "West", role: "account_exec", hired: "2022-06-20", skill: 0.75 },
  { id: "R009", name: "Ines Duarte", team: "North", role: "key_account", hired: "2019-09-02", skill: 1.0 },
  { id: "R010", name: "Jun Tanaka", team: "North", role: "account_exec", hired: "2024-08-26", skill: 0.9 },
  { id: "R011", name: "Kofi Mensah", team: "North", role: "account_exec", hired: "2021-11-29", skill: 1.25 },
  { id: "R012", name: "Lena Novak", team: "North", role: "account_exec", hired: "2026-05-18", skill: 0.8 },
];

const PLACES = ["Riverside", "Hillcrest", "Lakeside", "Oakwood", "Maple Grove", "Cedar Park", "Pinecrest", "Harbor View", "Summit", "Green Valley"];
const KINDS = ["Hospital", "Clinic", "Medical Center"];
const ACCOUNTS: readonly string[] = PLACES.flatMap((place) => KINDS.map((kind) => `${place} ${kind}`));

/** January to June 2026. */
const YEAR = 2026;
const MONTHS = 6;
const JANUARY_1 = dayFromYMD(YEAR, 1, 1);
const SEED = 20260630;

export interface SampleFile {
  path: string;
  content: string;
  /** what it holds, for the summary `kpi init` prints */
  about: string;
}

export function sampleData(): SampleFile[] {
  const rng = seededRandom(SEED);
  const deals = dealRows(rng);
  const activities = activityRows(rng);
  const targets = [["R001", "won_revenue", "2026-Q2", "600000"], ["R006", "visits", "2026-06", "5"]];
  return [
    { path: "data/roster.csv", content: csv(["Rep ID", "Name", "Team", "Role", "Hired Date"], REPS.map((r) => [r.id, r.name, r.team, r.role, r.hired])), about: `${REPS.length} reps in 3 teams` },
    { path: "data/deals.csv", content: csv(["Deal ID", "Owner", "Account", "Stage", "Amount", "Created Date", "Close Date"], deals), about: `${deals.length} closed deals, January to June 2026` },
    { path: "data/activities.csv", content: csv(["Activity ID", "Owner ID", "Type", "Date", "Account"], activities), about: `${activities.length} visits and calls` },
    { path: "data/targets.csv", content: csv(["Rep", "Metric", "Period", "Target"], targets), about: `${targets.length} targets that differ from the config's defaults` },
  ];
}

/** Day of 2026 counted from 0 = 1 January. */
function dayOfYear(month: number, day: number): number {
  return dayFromYMD(YEAR, month, day) - JANUARY_1;
}

function isoDay(index: number): string {
  return formatDay(JANUARY_1 + Math.max(0, index));
}

/** The first day of `month` the rep is employed, or null when hired later. */
function firstWorkingDay(rep: SampleRep, month: number): number | null {
  if (!rep.hired.startsWith("2026-")) return 1;
  const hiredMonth = Number(rep.hired.slice(5, 7));
  if (hiredMonth > month) return null;
  return hiredMonth === month ? Number(rep.hired.slice(8, 10)) : 1;
}

function dealRows(rng: SeededRandom): string[][] {
  const rows: { day: number; cells: string[] }[] = [];
  for (let month = 1; month <= MONTHS; month++) {
    for (const rep of REPS) {
      const from = firstWorkingDay(rep, month);
      if (from === null) continue;
      const count = rng.int(2, 4);
      for (let i = 0; i < count; i++) {
        const closed = dayOfYear(month, rng.int(from, daysInMonth(YEAR, month)));
        const won = rng.next() < 0.35 + 0.25 * rep.skill || i === 0; // everyone wins something each month
        const size = rep.role === "key_account" ? 1.6 : 1;
        const amount = Math.round((rng.int(250, 900) * size * rep.skill)) * 100;
        const owner = rows.length % 7 === 3 ? rep.id : rep.name; // CRMs mostly write the owner's name
        const created = Math.max(dayOfYear(1, 2), closed - rng.int(7, 45));
        rows.push({ day: closed, cells: ["", owner, rng.pick(ACCOUNTS), won ? "Closed Won" : "Closed Lost", money(amount), isoDay(created), isoDay(closed)] });
      }
    }
  }
  return numbered(rows, "D-", 1001);
}

function activityRows(rng: SeededRandom): string[][] {
  const rows: { day: number; cells: string[] }[] = [];
  for (let month = 1; month <= MONTHS; month++) {
    const last = daysInMonth(YEAR, month);
    for (const rep of REPS) {
      const from = firstWorkingDay(rep, month);
      if (from === null) continue;
      const count = rng.int(5, 9);
      for (let i = 0; i < count; i++) {
        const day = i === 0 ? last : rng.int(from, last); // someone logs something on the last day: the month is complete
        rows.push({ day: dayOfYear(month, day), cells: ["", rep.id, rng.next() < 0.7 ? "Visit" : "Call", isoDay(dayOfYear(month, day)), rng.pick(ACCOUNTS)] });
      }
    }
  }
  return numbered(rows, "A-", 5001);
}

/** Sort by date (stable), then give each row its id in the first cell. */
function numbered(rows: { day: number; cells: string[] }[], prefix: string, first: number): string[][] {
  return rows
    .map((row, order) => ({ ...row, order }))
    .sort((a, b) => a.day - b.day || a.order - b.order)
    .map((row, index) => [`${prefix}${first + index}`, ...row.cells.slice(1)]);
}

/** 123400 -> "123,400.00", as CRMs export money. */
function money(amount: number): string {
  return groupThousands(`${amount}.00`);
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}
