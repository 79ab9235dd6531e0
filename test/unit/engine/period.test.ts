import { describe, expect, it } from "vitest";
import { dayFromYMD, formatDay } from "../../../src/dates/calendarDate.js";
import type { Day } from "../../../src/dates/calendarDate.js";
import {
  containingPeriods, employedDays, formatPeriod, latestCompletePeriod, monthsOf, parsePeriod, periodContains, periodDays,
  periodEnd, periodOfDay, periodStart, previousPeriod, tenureMonths,
} from "../../../src/engine/period.js";
import type { Grain, Period } from "../../../src/engine/period.js";

/** `2026-10-05` as a Day */
function d(iso: string): Day {
  const [y, m, day] = iso.split("-").map(Number);
  return dayFromYMD(y ?? 0, m ?? 0, day ?? 0);
}

/** `2026-10` as a Period (the test's own inputs are always valid) */
function p(text: string): Period {
  const period = parsePeriod(text);
  if (period === null) throw new Error(`bad test period ${text}`);
  return period;
}

const show = (periods: Period[]): string => periods.map(formatPeriod).join(" ");

describe("parsePeriod and formatPeriod", () => {
  it.each<[string, Period | null, string | null]>([
    ["2026-10", { grain: "month", year: 2026, index: 10 }, "2026-10"],
    ["2026-01", { grain: "month", year: 2026, index: 1 }, "2026-01"],
    ["2026-Q4", { grain: "quarter", year: 2026, index: 4 }, "2026-Q4"],
    ["2026-q1", { grain: "quarter", year: 2026, index: 1 }, "2026-Q1"],
    ["2026", { grain: "year", year: 2026, index: 1 }, "2026"],
    [" 2026-10 ", { grain: "month", year: 2026, index: 10 }, "2026-10"],
    ["2026-1", null, null],
    ["2026-13", null, null],
    ["2026-00", null, null],
    ["2026-Q5", null, null],
    ["2026-Q0", null, null],
    ["2026Q4", null, null],
    ["26-10", null, null],
    ["2026/10", null, null],
    ["2026-10-05", null, null],
    ["0000", null, null],
    ["", null, null],
    ["abc", null, null],
  ])("%j → %j, formatted %j", (text, expected, formatted) => {
    const period = parsePeriod(text);
    expect(period).toEqual(expected);
    expect(period && formatPeriod(period)).toBe(formatted);
  });
});

describe("bounds", () => {
  it.each<[string, string, string, number]>([
    ["2026-10", "2026-10-01", "2026-10-31", 31],
    ["2026-11", "2026-11-01", "2026-11-30", 30],
    ["2026-02", "2026-02-01", "2026-02-28", 28],
    ["2024-02", "2024-02-01", "2024-02-29", 29], // leap year
    ["2000-02", "2000-02-01", "2000-02-29", 29], // divisible by 400
    ["2100-02", "2100-02-01", "2100-02-28", 28], // divisible by 100
    ["2026-12", "2026-12-01", "2026-12-31", 31],
    ["2026-Q1", "2026-01-01", "2026-03-31", 90], // 31 + 28 + 31
    ["2024-Q1", "2024-01-01", "2024-03-31", 91], // 31 + 29 + 31
    ["2026-Q2", "2026-04-01", "2026-06-30", 91],
    ["2026-Q3", "2026-07-01", "2026-09-30", 92],
    ["2026-Q4", "2026-10-01", "2026-12-31", 92],
    ["2026", "2026-01-01", "2026-12-31", 365],
    ["2024", "2024-01-01", "2024-12-31", 366],
  ])("%s runs from %s to %s: %i days", (period, start, end, days) => {
    expect(formatDay(periodStart(p(period)))).toBe(start);
    expect(formatDay(periodEnd(p(period)))).toBe(end);
    expect(periodDays(p(period))).toBe(days);
  });

  it.each<[string, string, boolean]>([
    ["2026-10", "2026-10-01", true],
    ["2026-10", "2026-10-31", true],
    ["2026-10", "2026-09-30", false],
    ["2026-10", "2026-11-01", false],
    ["2024-02", "2024-02-29", true],
    ["2026-Q4", "2026-12-31", true],
    ["2026-Q4", "2026-09-30", false],
    ["2026", "2026-01-01", true],
    ["2026", "2027-01-01", false],
  ])("%s contains %s: %s", (period, day, expected) => {
    expect(periodContains(p(period), d(day))).toBe(expected);
  });

  it.each<[Grain, string, string]>([
    ["month", "2026-10-05", "2026-10"],
    ["month", "2024-02-29", "2024-02"],
    ["month", "2026-12-31", "2026-12"],
    ["quarter", "2026-10-05", "2026-Q4"],
    ["quarter", "2026-03-31", "2026-Q1"],
    ["quarter", "2026-04-01", "2026-Q2"],
    ["year", "2026-10-05", "2026"],
  ])("the %s of %s is %s", (grain, day, expected) => {
    expect(formatPeriod(periodOfDay(grain, d(day)))).toBe(expected);
  });
});

describe("neighbours", () => {
  it.each<[string, string]>([
    ["2026-10", "2026-09"],
    ["2026-01", "2025-12"], // December → January, backwards
    ["2026-03", "2026-02"],
    ["2026-Q3", "2026-Q2"],
    ["2026-Q1", "2025-Q4"],
    ["2026", "2025"],
  ])("before %s comes %s", (period, expected) => {
    expect(formatPeriod(previousPeriod(p(period)))).toBe(expected);
  });

  it.each<[string, string]>([
    ["2026-10", "2026-10"],
    ["2026-Q1", "2026-01 2026-02 2026-03"],
    ["2026-Q4", "2026-10 2026-11 2026-12"],
    ["2026", "2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12"],
  ])("the months of %s are %s", (period, expected) => {
    expect(show(monthsOf(p(period)))).toBe(expected);
  });

  it.each<[string, string]>([
    ["2026-10", "2026-Q4 2026"],
    ["2026-03", "2026-Q1 2026"],
    ["2026-04", "2026-Q2 2026"],
    ["2026-Q2", "2026"],
    ["2026", ""],
  ])("%s lies in %j, smallest first", (period, expected) => {
    expect(show(containingPeriods(p(period)))).toBe(expected);
  });
});

describe("latestCompletePeriod", () => {
  it.each<[Grain, string, string]>([
    ["month", "2026-11-24", "2026-10"], // SPEC: the last complete month
    ["month", "2026-11-30", "2026-11"],
    ["month", "2026-01-15", "2025-12"],
    ["month", "2024-02-29", "2024-02"],
    ["month", "2024-02-28", "2024-01"],
    ["quarter", "2026-11-24", "2026-Q3"],
    ["quarter", "2026-12-31", "2026-Q4"],
    ["quarter", "2026-02-10", "2025-Q4"],
    ["year", "2026-12-30", "2025"],
    ["year", "2026-12-31", "2026"],
  ])("%s, data up to %s → %s", (grain, latest, expected) => {
    expect(formatPeriod(latestCompletePeriod(grain, d(latest)))).toBe(expected);
  });
});

describe("tenureMonths", () => {
  it.each<[string, string, number]>([
    ["2026-08-15", "2026-10-31", 2], // SPEC: 2 months + 16 days
    ["2026-10-12", "2026-10-31", 0], // hired inside P
    ["2026-10-31", "2026-10-31", 0],
    ["2026-11-01", "2026-10-31", 0], // hired after P: never negative
    ["2026-07-31", "2026-10-31", 3],
    ["2025-10-31", "2026-10-31", 12],
    ["2025-12-15", "2026-01-31", 1], // across the new year
    ["2026-08-31", "2026-09-30", 0], // 30 is before 31: less one
    ["2026-01-31", "2026-02-28", 0], // the SPEC's rule, literally
    ["2024-02-29", "2025-02-28", 11],
    ["2024-02-29", "2024-03-31", 1],
    ["2020-01-01", "2026-10-31", 81], // 6 × 12 + 9
  ])("hired %s, as of %s: %i", (hired, asOf, expected) => {
    expect(tenureMonths(d(hired), d(asOf))).toBe(expected);
  });
});

describe("employedDays", () => {
  it.each<[string, string | null, string | null, number]>([
    ["2026-10", "2026-10-12", null, 20], // SPEC: 20/31 of October, the hire day counted
    ["2026-10", null, null, 31],
    ["2026-10", "2026-01-01", null, 31],
    ["2026-10", "2026-10-01", "2026-10-01", 1], // both ends counted
    ["2026-10", "2026-09-01", "2026-10-15", 15],
    ["2026-10", "2026-10-12", "2026-10-20", 9],
    ["2026-10", "2026-10-31", null, 1],
    ["2026-10", "2026-11-01", null, 0],
    ["2026-10", null, "2026-09-30", 0],
    ["2026-10", "2026-10-20", "2026-10-10", 0], // left before hired
    ["2026-Q4", "2026-11-15", null, 47], // 16 + 31
    ["2024-02", "2024-02-29", null, 1],
    ["2024", "2024-07-01", null, 184], // 366 − 182
  ])("%s, hired %s, left %s: %i days", (period, hired, left, expected) => {
    expect(employedDays(p(period), hired === null ? null : d(hired), left === null ? null : d(left))).toBe(expected);
  });
});
