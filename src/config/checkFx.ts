/** Semantic rules about exchange rates. */
import { Dec } from "../money.js";
import type { SemanticCheck } from "./checkContext.js";

export const checkFx: SemanticCheck = (ctx) => {
  for (const [currency, rate] of Object.entries(ctx.config.fx)) {
    if (!new Dec(rate).gt(0)) ctx.report(["fx", currency], `an exchange rate must be above 0`, { expected: `plan-currency units per one ${currency}` });
    if (currency === ctx.config.currency) ctx.report(["fx", currency], `${currency} is the plan currency; it needs no rate`, { key: true });
  }
};
