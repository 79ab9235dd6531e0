/**
 * Calendar days without a time zone. A day is an integer: days since
 * 1970-01-01 in the proleptic Gregorian calendar. Nothing here touches `Date`,
 * so results cannot shift with TZ.
 */
export type Day = number;

/** A date value as it travels through records and expressions. */
export class CalendarDate {
  constructor(
    readonly day: Day,
    /** seconds since midnight for a datetime column, as written; null for a date */
    readonly secondsOfDay: number | null = null,
  ) {}
  toString(): string {
    return formatDay(this.day);
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidYMD(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayFromYMD(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** Inverse of dayFromYMD (civil_from_days). */
export function ymdFromDay(days: Day): YMD {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** `2026-10-05` */
export function formatDay(days: Day): string {
  const { year, month, day } = ymdFromDay(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
