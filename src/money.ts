import { Decimal } from "decimal.js";

/**
 * The one Decimal constructor of the project. Precision is wide enough for any
 * amount a CRM can hold (decimal.js counts significant digits, and its default
 * of 20 loses cents on 20-digit amounts); rounding to currency happens only on
 * commission lines, explicitly.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 60 });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

export function isDec(value: unknown): value is Dec {
  return Decimal.isDecimal(value);
}

/** `units` × 10^-scale as a decimal, exactly (`units` a safe integer, `scale` at most 15): 2750053 at scale 2 is 27500.53. */
export function decFromUnits(units: number, scale: number): Dec {
  return scale === 0 ? new Dec(units) : new Dec(units).div(10 ** scale);
}
