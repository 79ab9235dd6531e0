import type { CellFormat } from "../workbookModel.js";

/** Number format codes per column format, and the day -> Excel serial conversion. */

/** The Text format: formula-like text is shown and edited as text. */
export const TEXT_FORMAT = "@";

/** `#,##0.00 "CNY"`; JPY `#,##0 "JPY"`; KWD `#,##0.000 "KWD"`. */
export function moneyFormat(currency: string, minorUnits: number): string {
  if (!Number.isInteger(minorUnits) || minorUnits < 0 || minorUnits > 10) throw new Error(`minorUnits ${minorUnits} is not 0..10`);
  const code = currency.replace(/["\\]/g, "").trim();
  const digits = minorUnits === 0 ? "#,##0" : `#,##0.${"0".repeat(minorUnits)}`;
  return code === "" ? digits : `${digits} "${code}"`;
}

export function numberFormats(currency: string, minorUnits: number): Record<CellFormat, string | undefined> {
  return {
    text: undefined,
    integer: "0",
    number: "#,##0.00",
    money: moneyFormat(currency, minorUnits),
    percent: "0.0%",
    score: "0.00",
    date: "yyyy-mm-dd",
  };
}

/**
 * SpreadsheetML's built-in format ids for the codes we use; any other code
 * gets a custom id from 164 on. (`0.0%` and `yyyy-mm-dd` are not built in.)
 */
export const BUILTIN_FORMAT_IDS: ReadonlyMap<string, number> = new Map([
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  [TEXT_FORMAT, 49],
]);
export const FIRST_CUSTOM_FORMAT_ID = 164;

const MARCH_1_1900 = -25508; // days from 1970-01-01
const JAN_1_1900 = -25567;

/** Excel 1900-system serial of a day, or null before 1900 (not representable). */
export function excelSerial(day: number): number | null {
  if (day >= MARCH_1_1900) return day + 25569; // 1970-01-01 is 25569
  if (day >= JAN_1_1900) return day + 25568; // before Excel's phantom 1900-02-29
  return null;
}
