/**
 * Equality and order between two non-null values. Numbers compare by value
 * (`1.50 == 1.5`), strings by UTF-16 code unit, dates by calendar day (a
 * datetime's time is ignored), booleans false < true. Values of different
 * types are never equal and have no order (`null` from `order`).
 */
import { isDec } from "../money.js";
import { CalendarDate } from "../dates/calendarDate.js";
import type { Value } from "./value.js";

export type NonNull = Exclude<Value, null>;

export function equals(a: NonNull, b: NonNull): boolean {
  if (typeof a === "string" || typeof a === "boolean") return a === b;
  if (isDec(a)) return isDec(b) && a.eq(b);
  if (a instanceof CalendarDate) return b instanceof CalendarDate && a.day === b.day;
  return false;
}

/** negative, zero or positive; null when the two cannot be ordered */
export function order(a: NonNull, b: NonNull): number | null {
  if (typeof a === "string") return typeof b === "string" ? (a < b ? -1 : a > b ? 1 : 0) : null;
  if (isDec(a)) return isDec(b) ? a.cmp(b) : null;
  if (a instanceof CalendarDate) return b instanceof CalendarDate ? a.day - b.day : null;
  if (typeof a === "boolean") return typeof b === "boolean" ? Number(a) - Number(b) : null;
  return null;
}

/**
 * A key that two values share exactly when they are `equals` (used for `in`
 * lists); null for values no literal can equal.
 */
export function equalityKey(value: NonNull): string | null {
  if (typeof value === "string") return "s" + value;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (isDec(value)) return value.isZero() ? "n0" : "n" + value.toString();
  return null;
}
