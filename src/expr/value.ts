import type { Dec } from "../money.js";
import type { CalendarDate } from "../dates/calendarDate.js";

/**
 * A value as records, metrics and expressions see it. Numbers are exact
 * decimals (money never becomes a binary float), dates are calendar days.
 */
export type Value = null | boolean | string | Dec | CalendarDate;
