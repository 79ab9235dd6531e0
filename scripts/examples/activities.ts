/** Sales activities (visits, calls, emails, meetings) for the main example. */
import { Rng } from "./prng.js";
import { LAST_DATA_DAY, d, formatDay, monthKey, workdays, type Day } from "./calendar.js";
import { PLANTED, type Rep } from "./roster.js";
import type { Account } from "./accounts.js";
import { csvText } from "./text.js";
import { monthsSince } from "./deals.js";

type Kind = "visit" | "call" | "email" | "meeting";
const KINDS: readonly Kind[] = ["visit", "call", "email", "meeting"];

/** Mean activities per working day, by role. */
const RATES: Record<Rep["role"], Record<Kind, number>> = {
  account_exec: { visit: 0.9, call: 0.95, email: 0.5, meeting: 0.15 },
  key_account: { visit: 0.7, call: 0.6, email: 0.5, meeting: 0.3 },
  sdr: { visit: 0, call: 1.8, email: 1.1, meeting: 0.4 },
};

interface Activity {
  rep: string;
  kind: Kind;
  day: Day;
  valid: boolean;
  account: string;
  minutes: number | null;
}

/** Days away from the field: no activities at all. */
const AWAY: readonly (readonly [string, Day, Day])[] = [
  [PLANTED.visitsUpWinsDown, d("2026-09-14"), d("2026-09-21")], // a training course
  [PLANTED.onLeave, d("2026-10-12"), d("2026-10-23")], // annual leave
];

export const ACTIVITIES_HEADER = ["Activity ID", "Owner ID", "Type", "Date", "Valid", "Account", "Duration min"] as const;

function minutesFor(rng: Rng, kind: Kind): number | null {
  switch (kind) {
    case "visit":
      return 5 * rng.int(6, 24);
    case "call":
      return rng.int(2, 25);
    case "meeting":
      return 15 * rng.int(2, 6);
    case "email":
      return null;
  }
}

export function activitiesCsv(reps: readonly Rep[], books: Map<string, Account[]>): string {
  const all: Activity[] = [];
  for (const rep of reps) {
    const rng = new Rng(`activities:${rep.id}`);
    const book = books.get(rep.id) ?? [];
    const stop = rep.left === null ? LAST_DATA_DAY : Math.min(rep.left, LAST_DATA_DAY);
    for (const day of workdays(Math.max(d("2026-01-01"), rep.hired), stop)) {
      if (AWAY.some(([id, from, to]) => id === rep.id && day >= from && day <= to)) continue;
      // New hires shadow colleagues in their first weeks, then go full pace.
      const ramp = monthsSince(rep.hired, day) < 1 ? 0.8 : 1;
      for (const kind of KINDS) {
        let mean = RATES[rep.role][kind] * rep.effort * ramp;
        if (kind === "visit" && rep.id === PLANTED.visitsUpWinsDown && monthKey(day) === 202610) mean *= 1.05;
        // Visits are planned (about one a day), so they vary less than calls and emails.
        const n = rng.count(mean, kind !== "visit" ? 4 : mean > 0.95 ? 2 : 1);
        for (let i = 0; i < n; i++) {
          all.push({
            rep: rep.id,
            kind,
            day,
            valid: rng.chance(kind === "visit" ? 0.92 : 0.985),
            account: rng.pick(book).name,
            minutes: minutesFor(rng, kind),
          });
        }
      }
    }
  }
  // The CRM lists activities by date; within a day by owner.
  all.sort((a, b) => a.day - b.day || (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  const rows = all.map((a, i) => [
    `ACT-${String(i + 1).padStart(6, "0")}`,
    a.rep,
    a.kind,
    formatDay(a.day),
    a.valid ? "true" : "false",
    a.account,
    // The CRM shows "-" where an activity has no duration (emails).
    a.minutes === null ? "-" : String(a.minutes),
  ]);
  return csvText(ACTIVITIES_HEADER, rows, "\n");
}
