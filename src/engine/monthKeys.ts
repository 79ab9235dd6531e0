/**
 * Calendar months as numbers (year × 12 + month − 1): of a day (looked up for
 * the usual years), of a period, and one key for the months a record touches.
 */
import { dayFromYMD, ymdFromDay, type Day } from "../dates/calendarDate.js";
import { monthsOf, type Period } from "./period.js";

/** year × 12 + month − 1: one number per calendar month */
export type MonthKey = number;

export function monthKeyOf(day: Day): MonthKey {
  const { year, month } = ymdFromDay(day);
  return year * 12 + month - 1;
}

/** The months of 1990–2059, where records mostly fall: a bitmap or a small integer can stand for them. */
export const USUAL_FIRST_MONTH = 1990 * 12;
export const USUAL_MONTHS = 70 * 12;

/** monthKeyOf for every day of those years, looked up rather than computed */
const MONTH_TABLE_FIRST = dayFromYMD(1990, 1, 1);
const MONTH_TABLE = monthTable();

/** Filled a month at a time (840 fills): a day at a time took about 25 ms of every thread's start, cold. */
function monthTable(): Int32Array {
  const table = new Int32Array(dayFromYMD(2060, 1, 1) - MONTH_TABLE_FIRST);
  for (let key = USUAL_FIRST_MONTH; key < USUAL_FIRST_MONTH + USUAL_MONTHS; key++) {
    const year = Math.floor(key / 12);
    const month = (key % 12) + 1;
    const first = dayFromYMD(year, month, 1) - MONTH_TABLE_FIRST;
    const next = (month === 12 ? dayFromYMD(year + 1, 1, 1) : dayFromYMD(year, month + 1, 1)) - MONTH_TABLE_FIRST;
    table.fill(key, first, next);
  }
  return table;
}

export function monthOfDay(day: Day): MonthKey {
  const at = day - MONTH_TABLE_FIRST;
  return at >= 0 && at < MONTH_TABLE.length ? (MONTH_TABLE[at] as number) : monthKeyOf(day);
}

/** The month keys of a period's months (one for a month, three for a quarter, twelve for a year). */
export function monthKeysOf(period: Period): MonthKey[] {
  return monthsOf(period).map((m) => m.year * 12 + m.index - 1);
}

/** One key for a record's months: the month; two months in one small integer (a V8 small integer, cheap as a map key); text for more, or months outside the usual years. */
export function monthsSignature(first: MonthKey, second: MonthKey, more: MonthKey[] | null): number | string {
  if (more === null && second < 0) return first;
  const a = first - USUAL_FIRST_MONTH;
  const b = second - USUAL_FIRST_MONTH;
  if (more === null && a >= 0 && a < USUAL_MONTHS && b >= 0 && b < USUAL_MONTHS) return -(1 + a * USUAL_MONTHS + b);
  return [first, second, ...(more ?? [])].join("|");
}
