/**
 * The functions an expression may call: the whole whitelist. A name that is
 * not here is a syntax error, so nothing else (`constructor`, `toString`...)
 * can ever be called.
 *
 * Runtime type errors give null rather than failing the run: `days` of
 * something that is not a date, `lower` of a number, `round(x, 1.5)`. A null
 * argument gives null without calling the function, except for `coalesce`,
 * whose job is nulls.
 */
import { Dec, isDec } from "../money.js";
import { CalendarDate, ymdFromDay } from "../dates/calendarDate.js";
import { order } from "./compare.js";
import type { NonNull } from "./compare.js";
import type { Value } from "./value.js";

export interface FunctionDef {
  readonly name: string;
  /** for messages: `round(x, n)` */
  readonly signature: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** false only for coalesce: it sees null arguments */
  readonly propagatesNull: boolean;
  /** With `propagatesNull`, called only when no argument is null. */
  readonly apply: (args: readonly Value[]) => Value;
}

/** `round` accepts this many decimal places, either way of the point. */
export const MAX_ROUND_PLACES = 60;

/** Dec for a small integer (day counts, years, months), shared: decimals are immutable and this runs per row. */
const SMALL = 20_000;
const smallInts: (Dec | undefined)[] = [];
function int(i: number): Dec {
  if (i < -SMALL || i > SMALL) return new Dec(i);
  return (smallInts[i + SMALL] ??= new Dec(i));
}

const string = (v: Value | undefined): v is string => typeof v === "string";
const date = (v: Value | undefined): v is CalendarDate => v instanceof CalendarDate;

function round(x: Value | undefined, n: Value | undefined): Value {
  if (!isDec(x)) return null;
  let places = 0;
  if (n !== undefined) {
    if (!isDec(n) || !n.isInteger() || n.abs().gt(MAX_ROUND_PLACES)) return null;
    places = n.toNumber();
  }
  // half-up = half away from zero: round(2.5) = 3, round(-2.5) = -3 (as Excel's ROUND)
  if (places >= 0) return x.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  const unit = new Dec(10).pow(-places);
  return x.div(unit).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(unit);
}

/** The smallest (sign 1) or largest (sign -1) of values of one orderable type; null on mixed types. */
function extreme(args: readonly Value[], sign: 1 | -1): Value {
  let best: NonNull | null = null;
  for (const value of args) {
    if (value === null) return null;
    if (best === null) {
      best = value;
      continue;
    }
    const o = order(value, best);
    if (o === null) return null;
    if (o * sign < 0) best = value;
  }
  return best;
}

function fn(name: string, signature: string, minArgs: number, maxArgs: number, apply: (args: readonly Value[]) => Value): FunctionDef {
  return { name, signature, minArgs, maxArgs, propagatesNull: true, apply };
}

const DEFS: readonly FunctionDef[] = [
  fn("days", "days(from, to)", 2, 2, ([a, b]) => (date(a) && date(b) ? int(b.day - a.day) : null)),
  fn("abs", "abs(x)", 1, 1, ([x]) => (isDec(x) ? x.abs() : null)),
  fn("min", "min(a, b, ...)", 1, Infinity, (args) => extreme(args, 1)),
  fn("max", "max(a, b, ...)", 1, Infinity, (args) => extreme(args, -1)),
  fn("round", "round(x, n)", 1, 2, ([x, n]) => round(x, n)),
  {
    name: "coalesce",
    signature: "coalesce(a, b, ...)",
    minArgs: 2,
    maxArgs: Infinity,
    propagatesNull: false,
    apply: (args) => args.find((value) => value !== null) ?? null,
  },
  fn("lower", "lower(text)", 1, 1, ([s]) => (string(s) ? s.toLowerCase() : null)),
  fn("upper", "upper(text)", 1, 1, ([s]) => (string(s) ? s.toUpperCase() : null)),
  fn("contains", "contains(text, part)", 2, 2, ([s, part]) => (string(s) && string(part) ? s.includes(part) : null)),
  fn("starts_with", "starts_with(text, prefix)", 2, 2, ([s, prefix]) => (string(s) && string(prefix) ? s.startsWith(prefix) : null)),
  fn("year", "year(date)", 1, 1, ([d]) => (date(d) ? int(ymdFromDay(d.day).year) : null)),
  fn("month", "month(date)", 1, 1, ([d]) => (date(d) ? int(ymdFromDay(d.day).month) : null)),
];

/** name → definition; a Map, so no name can reach Object.prototype */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(DEFS.map((def) => [def.name, def]));

/** "takes 1 or 2 arguments" */
export function arityText(def: FunctionDef): string {
  const count = (n: number): string => `${n} argument${n === 1 ? "" : "s"}`;
  if (def.maxArgs === Infinity) return `at least ${count(def.minArgs)}`;
  if (def.minArgs === def.maxArgs) return count(def.minArgs);
  return `${def.minArgs} or ${count(def.maxArgs)}`;
}
