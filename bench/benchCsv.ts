/**
 * The three bench CSVs, one line at a time. Each file draws from its own
 * seeded stream, so the files do not depend on each other's sizes.
 */
import { Rng } from "../scripts/examples/prng.js";
import { formatDay, type Day } from "../src/dates/calendarDate.js";
import { FIRST_DAY, LAST_DAY } from "./benchShape.js";
import { pickCustomer, pickOwner, type SalesWorld } from "./salesWorld.js";

export const ROSTER_HEADER = "Rep ID,Name,Team,Role,Hired Date\n";
export const DEALS_HEADER = "Deal ID,Owner ID,Customer,Stage,Amount,Currency,Created Date,Close Date,Segment\n";
export const ACTIVITIES_HEADER = "Activity ID,Owner ID,Type,Date,Valid,Customer,Duration min\n";

const SPAN = LAST_DAY - FIRST_DAY;
const DAY_TEXT = Array.from({ length: SPAN + 1 }, (_, i) => formatDay(FIRST_DAY + i));
const dayText = (day: Day): string => DAY_TEXT[day - FIRST_DAY] ?? formatDay(day);

const STAGES = [["Closed Won", 32], ["Closed Lost", 28], ["Prospecting", 10], ["Qualification", 10], ["Proposal", 10], ["Negotiation", 10]] as const;
const SEGMENTS = [["enterprise", 30], ["mid_market", 40], ["smb", 20], ["public", 10]] as const;
const TYPES = [["visit", 30], ["call", 35], ["email", 25], ["meeting", 10]] as const;

/** Ids as long as the largest one needs, at least `min` digits: D0000001. */
export function idFormatter(prefix: string, count: number, min: number): (i: number) => string {
  const width = Math.max(min, String(count).length);
  return (i) => `${prefix}${String(i + 1).padStart(width, "0")}`;
}

/** 12500.00 from 1250000 cents. */
export function centsText(cents: number): string {
  const fen = cents % 100;
  return `${Math.floor(cents / 100)}.${fen < 10 ? "0" : ""}${fen}`;
}

export function rosterLines(world: SalesWorld): string[] {
  return world.reps.map((r) => `${r.id},${r.name},${r.team},${r.role},${formatDay(r.hired)}\n`);
}

/** A deal closes (or is expected to close) on a day of 2026 after a cycle of 3 to 180 days, never opened before 2026. */
export function dealLine(world: SalesWorld, seed: number, count: number): (i: number) => string {
  const rng = new Rng(`${seed}:deals`);
  const id = idFormatter("D", count, 7);
  return (i) => {
    const owner = pickOwner(world, rng);
    const customer = pickCustomer(world, rng, owner);
    const closed = FIRST_DAY + rng.int(0, SPAN);
    const created = Math.max(FIRST_DAY, closed - Math.round(rng.bell(3, 180)));
    const yuan = Math.round(rng.bell(1, 120)) * 500 + (rng.chance(0.2) ? rng.int(0, 499) : 0);
    const cents = yuan * 100 + (rng.chance(0.3) ? rng.int(0, 99) : 0);
    const stage = rng.weighted(STAGES);
    const segment = rng.weighted(SEGMENTS);
    return `${id(i)},${world.reps[owner]?.id},${customer},${stage},${centsText(cents)},CNY,${dayText(created)},${dayText(closed)},${segment}\n`;
  };
}

/** Emails have no duration; 8% of rows failed their check-in (valid = false). */
export function activityLine(world: SalesWorld, seed: number, count: number): (i: number) => string {
  const rng = new Rng(`${seed}:activities`);
  const id = idFormatter("A", count, 7);
  return (i) => {
    const owner = pickOwner(world, rng);
    const customer = pickCustomer(world, rng, owner);
    const type = rng.weighted(TYPES);
    const day = FIRST_DAY + rng.int(0, SPAN);
    const valid = rng.chance(0.92) ? "true" : "false";
    const minutes = type === "visit" ? rng.int(15, 120) : type === "call" ? rng.int(1, 30) : type === "meeting" ? rng.int(30, 90) : "";
    return `${id(i)},${world.reps[owner]?.id},${type},${dayText(day)},${valid},${customer},${minutes}\n`;
  };
}
