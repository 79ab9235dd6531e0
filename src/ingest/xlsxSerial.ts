import { dayFromYMD } from "../dates/calendarDate.js";
import type { Day } from "../dates/calendarDate.js";

/**
 * Spreadsheet serial dates. In the 1900 system serial 1 is 1900-01-01 and,
 * copying a Lotus 1-2-3 bug, serial 60 is 1900-02-29, a day that never
 * existed: 59 is 1900-02-28, 61 is 1900-03-01, and 60 is rejected. Serial 0
 * ("1900-01-00") is rejected too. In the 1904 system (`date1904`) serial 0 is
 * 1904-01-01. The fraction is the time of day, rounded to the second (a time
 * that rounds up to 24:00:00 is midnight of the next day). Serials after
 * 9999-12-31, negative ones and non-finite numbers are rejected.
 */
export interface SerialDate {
  day: Day;
  secondsOfDay: number;
}

const SECONDS_PER_DAY = 86_400;
const EPOCH_1900 = dayFromYMD(1899, 12, 31); // serial 0, so that serial 1 is 1900-01-01
const EPOCH_1904 = dayFromYMD(1904, 1, 1);
const LAST_DAY = dayFromYMD(9999, 12, 31);
const LOTUS_LEAP_DAY = 60;

export function dateFromSerial(serial: number, date1904: boolean): SerialDate | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const seconds = Math.round(serial * SECONDS_PER_DAY);
  const whole = Math.floor(seconds / SECONDS_PER_DAY);
  const secondsOfDay = seconds - whole * SECONDS_PER_DAY;
  let day: Day;
  if (date1904) {
    day = EPOCH_1904 + whole;
  } else {
    if (whole === 0 || whole === LOTUS_LEAP_DAY) return null;
    day = EPOCH_1900 + whole - (whole > LOTUS_LEAP_DAY ? 1 : 0);
  }
  return day > LAST_DAY ? null : { day, secondsOfDay };
}
