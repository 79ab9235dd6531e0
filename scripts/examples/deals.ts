/** Opportunities for the main example, as a Salesforce-like CRM exports them. */
import { Rng } from "./prng.js";
import { FIRST_CLOSE, LAST_DATA_DAY, LAST_EXPECTED_CLOSE, d, monthKey, nextWorkday, workdays, ymdFromDay, type Day } from "./calendar.js";
import { PLANTED, type Rep } from "./roster.js";
import type { Account, Segment } from "./accounts.js";
import { roundCents } from "./text.js";

export type Stage = "Prospecting" | "Proposal" | "Negotiation" | "Closed Won" | "Closed Lost";

export interface Deal {
  id: string;
  /** roster id of the owner, or null for an owner outside the roster */
  ownerId: string | null;
  ownerName: string;
  /** write the owner as its roster id rather than its name (some CRM integrations do) */
  ownerAsId: boolean;
  account: Account;
  stage: Stage;
  cents: number;
  created: Day;
  closed: Day;
  strategic: boolean;
}

/** Deals opened per working day, by role. */
const OPEN_RATE = { account_exec: 0.4, key_account: 0.24, sdr: 0 } as const;
/** Month-of-year factor on new deals (Spring Festival in February, mid-year and autumn pushes). */
const SEASON = [0, 1.0, 0.75, 1.05, 1.0, 0.95, 1.1, 0.95, 0.9, 1.1, 1.0, 1.05, 1.0];

const PRICE: Record<Segment, readonly [number, number]> = {
  tier3_hospital: [60_000, 420_000],
  tier2_hospital: [25_000, 160_000],
  private_hospital: [18_000, 120_000],
  distributor: [40_000, 300_000],
  clinical_lab: [20_000, 110_000],
};

export const USD_RATE = 7.1;

/** Months since hire, counted in whole calendar months (for ramping new hires). */
export function monthsSince(from: Day, to: Day): number {
  const a = ymdFromDay(from);
  const b = ymdFromDay(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The amount of one deal in its currency, in cents. */
export function priceCents(rng: Rng, account: Account, role: Rep["role"]): number {
  const [lo, hi] = PRICE[account.segment];
  const u = rng.next();
  let cny = lo + (hi - lo) * u * u;
  if (role === "key_account") cny *= 1.7;
  if (account.currency === "USD") return roundCents(cny / USD_RATE, 10);
  return roundCents(cny, cny > 100_000 ? 500 : 100);
}

function winChance(rep: Rep, closed: Day): number {
  if (rep.id === PLANTED.visitsUpWinsDown) {
    const m = monthKey(closed);
    if (m === 202610) return 0.12;
    if (m === 202609) return 0.6;
  }
  const tenure = monthsSince(rep.hired, closed);
  return tenure < 4 ? rep.winRate * 0.75 : rep.winRate;
}

/** All deals of the roster (owners only; the planted extras come later). */
export function generateDeals(reps: readonly Rep[], books: Map<string, Account[]>): Deal[] {
  const successor = reps.find((r) => r.id === PLANTED.successor);
  if (!successor) throw new Error("successor missing from roster");
  const deals: Deal[] = [];
  for (const rep of reps) {
    const rate = OPEN_RATE[rep.role];
    if (rate === 0) continue;
    const rng = new Rng(`deals:${rep.id}`);
    const book = books.get(rep.id) ?? [];
    const stop = rep.left === null ? LAST_DATA_DAY : Math.min(rep.left - 30, LAST_DATA_DAY);
    for (const day of workdays(Math.max(d("2025-10-01"), rep.hired), stop)) {
      const { month } = ymdFromDay(day);
      const ramp = Math.min(1, 0.3 + 0.2 * monthsSince(rep.hired, day));
      if (!rng.chance(rate * rep.drive * (SEASON[month] ?? 1) * ramp)) continue;
      const account = rng.pick(book);
      const cycle = rep.role === "key_account" ? rng.bell(25, 110) : rng.bell(10, 70);
      let closed = nextWorkday(day + Math.round(cycle));
      const cents = priceCents(rng, account, rep.role);
      const strategic = rng.chance(account.segment === "tier3_hospital" ? 0.35 : rep.role === "key_account" ? 0.15 : 0.04);
      let stage: Stage;
      if (closed > LAST_DATA_DAY) {
        const ahead = closed - LAST_DATA_DAY;
        stage = ahead > 45 ? "Prospecting" : ahead > 20 ? "Proposal" : "Negotiation";
        if (closed > LAST_EXPECTED_CLOSE) closed = rng.int(LAST_DATA_DAY + 1, LAST_EXPECTED_CLOSE);
      } else {
        stage = rng.chance(winChance(rep, closed)) ? "Closed Won" : "Closed Lost";
      }
      if (closed < FIRST_CLOSE) continue;
      // A leaver's deals still open when they left were handed to the successor.
      const handedOver = rep.left !== null && closed > rep.left;
      const owner = handedOver ? successor : rep;
      deals.push({
        id: "",
        ownerId: owner.id,
        ownerName: owner.name,
        ownerAsId: rng.chance(0.12),
        account,
        stage,
        cents,
        created: day,
        closed,
        strategic,
      });
    }
  }
  return deals;
}

/** Sort as the CRM numbers opportunities (by creation) and give them ids. */
export function numberDeals(deals: Deal[]): void {
  deals.sort((a, b) => a.created - b.created || (a.ownerName < b.ownerName ? -1 : a.ownerName > b.ownerName ? 1 : 0) || a.closed - b.closed || a.cents - b.cents);
  deals.forEach((deal, i) => {
    deal.id = `OPP-${String(100001 + i)}`;
  });
}
