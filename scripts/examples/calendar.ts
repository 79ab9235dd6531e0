/**
 * Calendar helpers for the example data: integer days (see
 * src/dates/calendarDate.ts), China's 2026 public holidays and make-up working
 * days, and the date spellings the exports use. Nothing here uses `Date`.
 */
import { dayFromYMD, daysInMonth, formatDay, ymdFromDay, type Day } from "../../src/dates/calendarDate.js";

export { dayFromYMD, formatDay, ymdFromDay, type Day };

export const d = (iso: string): Day => {
  const [y, m, dd] = iso.split("-").map(Number);
  return dayFromYMD(y ?? 0, m ?? 0, dd ?? 0);
};

/** The data's horizon: the exports were pulled on 2026-11-25. */
export const FIRST_CLOSE = d("2026-01-01");
export const LAST_DATA_DAY = d("2026-11-24");
/** Open deals carry an expected close date, never later than this one. */
export const LAST_EXPECTED_CLOSE = d("2026-11-27");

function span(from: string, to: string): Day[] {
  const out: Day[] = [];
  for (let x = d(from); x <= d(to); x++) out.push(x);
  return out;
}

const HOLIDAYS = new Set<Day>([
  ...span("2026-01-01", "2026-01-03"),
  ...span("2026-02-15", "2026-02-23"),
  ...span("2026-04-04", "2026-04-06"),
  ...span("2026-05-01", "2026-05-05"),
  ...span("2026-06-19", "2026-06-21"),
  ...span("2026-09-25", "2026-09-27"),
  ...span("2026-10-01", "2026-10-07"),
]);
const MAKEUP_DAYS = new Set<Day>(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"].map(d));

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWorkday(day: Day): boolean {
  if (MAKEUP_DAYS.has(day)) return true;
  if (HOLIDAYS.has(day)) return false;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** The working days in [from, to]. */
export function workdays(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let x = from; x <= to; x++) if (isWorkday(x)) out.push(x);
  return out;
}

/** The first working day on or after `day`. */
export function nextWorkday(day: Day): Day {
  let x = day;
  while (!isWorkday(x)) x++;
  return x;
}

/** The last working day on or before `day`. */
export function prevWorkday(day: Day): Day {
  let x = day;
  while (!isWorkday(x)) x--;
  return x;
}

/** `yyyy-mm` month key, e.g. 202610 as a number for cheap comparisons. */
export function monthKey(day: Day): number {
  const { year, month } = ymdFromDay(day);
  return year * 100 + month;
}

export function monthStart(year: number, month: number): Day {
  return dayFromYMD(year, month, 1);
}

export function monthEnd(year: number, month: number): Day {
  return dayFromYMD(year, month, daysInMonth(year, month));
}

/** Salesforce-style `10/5/2026`. */
export function mdy(day: Day): string {
  const { year, month, day: dd } = ymdFromDay(day);
  return `${month}/${dd}/${year}`;
}

/** Chinese-spreadsheet style `2026/10/5`. */
export function slashYmd(day: Day): string {
  const { year, month, day: dd } = ymdFromDay(day);
  return `${year}/${month}/${dd}`;
}

/** `2026年10月5日`. */
export function cnYmd(day: Day): string {
  const { year, month, day: dd } = ymdFromDay(day);
  return `${year}年${month}月${dd}日`;
}
