/**
 * Money in another currency becomes plan currency on the way in, exactly:
 * amount × fx[currency]. An empty currency cell means the plan currency; a
 * currency without a rate is a reason to reject the row.
 */
import type { Value } from "../expr/value.js";
import { Dec, isDec } from "../money.js";
import type { ReadSourceContext } from "./readSource.js";

/** The currency code of a currency cell when its money must be converted (not empty, not the plan currency); null otherwise. */
export function currencyToConvert(raw: Value | undefined, planCurrency: string): string | null {
  if (raw === planCurrency || typeof raw !== "string") return null; // the plan currency as written: most rows
  const currency = raw.trim().toUpperCase();
  return currency === "" || currency === planCurrency ? null : currency;
}

/** Convert money columns to the plan currency in place; a message when the currency has no rate. */
export function convertCurrency(values: Value[], currencyIndex: number, moneyIndexes: readonly number[], ctx: Pick<ReadSourceContext, "currency" | "fx">): string | null {
  const currency = currencyToConvert(values[currencyIndex], ctx.currency);
  if (currency === null) return null;
  const rate = ctx.fx[currency];
  if (rate === undefined) {
    const known = [ctx.currency, ...Object.keys(ctx.fx)].join(", ");
    return `currency "${currency}" has no rate under fx (known: ${known})`;
  }
  const factor = new Dec(String(rate));
  for (const i of moneyIndexes) {
    const value = values[i];
    if (isDec(value)) values[i] = value.times(factor);
  }
  return null;
}
