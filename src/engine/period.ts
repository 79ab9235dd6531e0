import { dayFromYMD, daysInMonth, ymdFromDay } from "../dates/calendarDate.js";
import type { Day } from "../dates/calendarDate.js";

/**
 * Calendar periods (SPEC §2 PERIOD, §4): a month `2026-10`, a quarter
 * `2026-Q4` or a year `2026`. Pure arithmetic on calendar days.
 */
export type Grain = "month" | "quarter" | "year";

export interface Period {
  grain: Grain;
  year: number;
  /** month 1-12, quarter 1-4, 1 for a year */
  index: number;
}

const MONTHS_PER: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

/** `2026-10`, `2026-Q4` (or `q4`), `2026`; null for anything else (`2026-1`, `2026-13`, `0000`). */
export function parsePeriod(text: string): Period | null {
  const match = /^(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])))?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1) return null;
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? { grain: "month", year, index: month } : null;
  }
  if (match[3] !== undefined) return { grain: "quarter", year, index: Number(match[3]) };
  return { grain: "year", year, index: 1 };
}

export function formatPeriod(p: Period): string {
  const year = String(p.year).padStart(4, "0");
  switch (p.grain) {
    case "month":
      return `${year}-${String(p.index).padStart(2, "0")}`;
    case "quarter":
      return `${year}-Q${p.index}`;
    case "year":
      return year;
  }
}

/** The first month (1-12) of the period. */
function firstMonth(p: Period): number {
  return (p.index - 1) * MONTHS_PER[p.grain] + 1;
}

export function periodStart(p: Period): Day {
  return dayFromYMD(p.year, firstMonth(p), 1);
}

/** The last day of the period (inclusive). */
export function periodEnd(p: Period): Day {
  const month = firstMonth(p) + MONTHS_PER[p.grain] - 1;
  return dayFromYMD(p.year, month, daysInMonth(p.year, month));
}

export function periodDays(p: Period): number {
  return periodEnd(p) - periodStart(p) + 1;
}

export function periodContains(p: Period, day: Day): boolean {
  return day >= periodStart(p) && day <= periodEnd(p);
}

export function periodOfDay(grain: Grain, day: Day): Period {
  const { year, month } = ymdFromDay(day);
  return { grain, year, index: Math.floor((month - 1) / MONTHS_PER[grain]) + 1 };
}

/** The period of the same grain just before (December → January of the next year is the reverse). */
export function previousPeriod(p: Period): Period {
  const count = 12 / MONTHS_PER[p.grain];
  return p.index > 1 ? { ...p, index: p.index - 1 } : { grain: p.grain, year: p.year - 1, index: count };
}

/** The month periods inside p, in order. */
export function monthsOf(p: Period): Period[] {
  const first = firstMonth(p);
  return Array.from({ length: MONTHS_PER[p.grain] }, (_, i) => ({ grain: "month" as const, year: p.year, index: first + i }));
}

/** The larger periods holding p, smallest first: a month's quarter and year; a quarter's year. */
export function containingPeriods(p: Period): Period[] {
  const year: Period = { grain: "year", year: p.year, index: 1 };
  switch (p.grain) {
    case "month":
      return [{ grain: "quarter", year: p.year, index: Math.floor((p.index - 1) / 3) + 1 }, year];
    case "quarter":
      return [year];
    case "year":
      return [];
  }
}

/** The latest period of the grain that ends on or before latestDay (data to 2026-11-24 → 2026-10). */
export function latestCompletePeriod(grain: Grain, latestDay: Day): Period {
  const p = periodOfDay(grain, latestDay);
  return periodEnd(p) <= latestDay ? p : previousPeriod(p);
}

/**
 * Whole months from `hired` to `asOf` (SPEC §4 Tenure, asOf = the last day of
 * P): the difference in months, less one when asOf's day-of-month is before
 * the hire day; never negative. Hired 2026-08-15, as of 2026-10-31: 2.
 */
export function tenureMonths(hired: Day, asOf: Day): number {
  const from = ymdFromDay(hired);
  const to = ymdFromDay(asOf);
  const months = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
  return Math.max(0, months);
}

/** Days of p on which the rep was employed, counting both the hired and the left day (null: open). */
export function employedDays(p: Period, hired: Day | null, left: Day | null): number {
  const first = Math.max(periodStart(p), hired ?? -Infinity);
  const last = Math.min(periodEnd(p), left ?? Infinity);
  return Math.max(0, last - first + 1);
}
