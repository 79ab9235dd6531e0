import { describe, expect, it } from "vitest";
import { dayFromYMD } from "../../../src/dates/calendarDate.js";
import { monthKeyOf, monthOfDay } from "../../../src/engine/monthKeys.js";

describe("monthOfDay", () => {
  it("gives the month key for known days: year × 12 + month − 1", () => {
    expect(monthOfDay(dayFromYMD(2026, 10, 5))).toBe(2026 * 12 + 9); // 24321
    expect(monthOfDay(dayFromYMD(2024, 2, 29))).toBe(2024 * 12 + 1); // a leap day
    expect(monthOfDay(dayFromYMD(2026, 12, 31))).toBe(2026 * 12 + 11);
    expect(monthOfDay(dayFromYMD(2027, 1, 1))).toBe(2027 * 12);
  });

  it("agrees with monthKeyOf on every day of the table's years and just outside them", () => {
    const first = dayFromYMD(1989, 12, 25);
    const last = dayFromYMD(2060, 1, 10);
    const wrong: number[] = [];
    for (let day = first; day <= last; day++) if (monthOfDay(day) !== monthKeyOf(day)) wrong.push(day);
    expect(wrong).toEqual([]);
  });
});
