/** Rounding a commission line to the currency's minor unit: half_up (away from zero) or half_even. */
import { Dec } from "../money.js";
import { minorUnits } from "./minorUnits.js";

export type Rounding = "half_up" | "half_even";

export function roundMoney(amount: Dec, currency: string, rounding: Rounding): Dec {
  return amount.toDecimalPlaces(minorUnits(currency), rounding === "half_even" ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP);
}
