import type { Dec } from "../money.js";

/** Digits after the decimal point of a currency's minor unit (ISO 4217); 2 unless listed. */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/** Money as text to the currency's minor unit ("3800.00", JPY "3800"): for display and files; computation stays exact. */
export function moneyFixed(amount: Dec, currency: string): string {
  return amount.toFixed(minorUnits(currency));
}
