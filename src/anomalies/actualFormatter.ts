/**
 * How anomaly values and messages show numbers: a metric's actual as plain
 * text (money to the currency's minor unit, a percent metric as "30%",
 * anything else to at most 2 decimals) and a share or change as a percent.
 * Messages group thousands; the `value` field does not.
 */
import { moneyFixed } from "../commission/minorUnits.js";
import type { Config } from "../config/schema.js";
import { Dec } from "../money.js";
import { isMoneyMetric } from "../report/formatValues.js";
import { groupThousands } from "../util/groupThousands.js";

export type FormatActual = (metric: string, value: Dec) => string;

/** To at most 2 decimals, no trailing zeros: 310000, 37.33. */
export const plainActual: FormatActual = (_metric, value) => value.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toString();

/** The formatter for a config's metrics. */
export function actualFormatter(config: Config): FormatActual {
  return (metric, value) => {
    if (isMoneyMetric(config, metric)) return moneyFixed(value, config.currency);
    if (config.metrics[metric]?.unit === "percent") return percentText(value.toNumber());
    return plainActual(metric, value);
  };
}

/** 0.625 -> "62.5%", -0.5 -> "-50%", 123.4 -> "12,340%": to 1 decimal, half up. */
export function percentText(share: number): string {
  const percent = new Dec(share).times(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP);
  return `${percent.isNegative() && !percent.isZero() ? "-" : ""}${groupThousands(percent.abs().toString())}%`;
}
