import { Dec } from "../money.js";

/**
 * A number as an xlsx cell stores it (a binary double) turned into the
 * decimal its author typed. Excel keeps 15 significant digits, so a
 * fraction is read through toPrecision(15): `1234.5699999999999` is 1234.57,
 * `0.30000000000000004` is 0.3. Integers keep every digit the double holds
 * (`12345678901234560` stays itself: 17-digit ids survive when the double
 * can hold them). Non-finite numbers give null.
 */
export function decFromXlsxNumber(value: number): Dec | null {
  if (!Number.isFinite(value)) return null;
  if (value === 0) return new Dec(0);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return new Dec(String(value));
  return new Dec(value.toPrecision(15));
}

/** The number as its author wrote it, for a string column: `123`, never `123.0` or `1.23e+2`. */
export function textFromXlsxNumber(value: number): string | null {
  return decFromXlsxNumber(value)?.toFixed() ?? null;
}
