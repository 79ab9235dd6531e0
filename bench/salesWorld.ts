/**
 * The reps and customers every bench file draws from: 1,000 reps in 10
 * teams, each with a book of 60 customers, and an owner table that gives
 * busier reps more rows. Built from the seed alone, so every file agrees.
 */
import { Rng } from "../scripts/examples/prng.js";
import { dayFromYMD, type Day } from "../src/dates/calendarDate.js";
import { BOOK_SIZE, REPS, TEAMS } from "./benchShape.js";

export interface BenchRep {
  id: string;
  name: string;
  team: string;
  role: "account_exec" | "key_account";
  hired: Day;
}

export interface SalesWorld {
  reps: BenchRep[];
  /** customer names, as CSV fields (quoted where they hold a comma); rep i's book is [i * BOOK_SIZE, (i + 1) * BOOK_SIZE) */
  customers: string[];
  /** OWNER_SLOTS entries of rep indexes, each rep taking slots in proportion to its activity */
  ownerSlots: Uint16Array;
}

export const OWNER_SLOTS = 8192;

const SURNAMES = ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"];
const GIVEN = ["Wei", "Fang", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie", "Tao", "Ming", "Chao", "Xia", "Hui", "Ping", "Gang", "Hua", "Xin", "Yu", "Bo", "Lan"];
const TEAM_NAMES = ["East", "West", "North", "South", "Central", "Northeast", "Northwest", "Southwest", "Coastal", "Inland"];
const CITIES = ["Beijing", "Wuhan", "Jinan", "Hefei", "Xiamen", "Suzhou", "Harbin", "Nanjing", "Dalian", "Fuzhou", "Ningbo", "Xian"];
const KINDS = ["Hospital", "Clinic", "Lab", "Pharmacy", "Care", "Co., Ltd.", "Center", "Eye Clinic"];

export function buildSalesWorld(seed: number): SalesWorld {
  const rng = new Rng(`${seed}:world`);
  const hiredFrom = dayFromYMD(2015, 1, 1);
  const hiredTo = dayFromYMD(2025, 6, 30);
  const reps: BenchRep[] = [];
  const weights: number[] = [];
  for (let i = 0; i < REPS; i++) {
    reps.push({
      id: `R${String(i + 1).padStart(4, "0")}`,
      name: `${rng.pick(SURNAMES)} ${rng.pick(GIVEN)}`,
      team: TEAM_NAMES[i % TEAMS] ?? "East",
      role: rng.chance(0.1) ? "key_account" : "account_exec",
      hired: rng.int(hiredFrom, hiredTo),
    });
    weights.push(rng.range(0.5, 1.5));
  }
  const customers: string[] = [];
  for (let c = 0; c < REPS * BOOK_SIZE; c++) {
    const name = `${rng.pick(CITIES)} ${rng.pick(KINDS)} ${c + 1}`;
    customers.push(name.includes(",") ? `"${name}"` : name);
  }
  return { reps, customers, ownerSlots: ownerSlots(weights) };
}

/** Slot s goes to the rep whose share of the cumulative weight covers the slot's midpoint. */
function ownerSlots(weights: readonly number[]): Uint16Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const slots = new Uint16Array(OWNER_SLOTS);
  let rep = 0;
  let upto = weights[0] ?? 0;
  for (let s = 0; s < OWNER_SLOTS; s++) {
    const at = ((s + 0.5) / OWNER_SLOTS) * total;
    while (at > upto && rep < weights.length - 1) upto += weights[++rep] ?? 0;
    slots[s] = rep;
  }
  return slots;
}

/** A row's owner, as an index into `reps`. */
export function pickOwner(world: SalesWorld, rng: Rng): number {
  return world.ownerSlots[Math.floor(rng.next() * OWNER_SLOTS)] ?? 0;
}

/** A row's customer field: from the owner's book, or 5% of the time from anyone's. */
export function pickCustomer(world: SalesWorld, rng: Rng, rep: number): string {
  const index = rng.chance(0.05) ? Math.floor(rng.next() * world.customers.length) : rep * BOOK_SIZE + Math.floor(rng.next() * BOOK_SIZE);
  return world.customers[index] ?? "";
}
