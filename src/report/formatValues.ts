/** How engine values become cells and JSON values: money as decimal strings, other numbers as numbers. */
import type { Config } from "../config/schema.js";
import { moneyFixed } from "../commission/minorUnits.js";
import { Dec } from "../money.js";
import type { Cell, CellFormat } from "./workbookModel.js";

export function isMoneyMetric(config: Config, metric: string): boolean {
  const spec = config.metrics[metric];
  if (!spec) return false;
  if (spec.unit !== undefined) return spec.unit === "money";
  if (spec.formula !== undefined || spec.value === undefined || spec.aggregate === "count" || spec.aggregate === "count_distinct") return false;
  const column = config.sources[spec.source ?? ""]?.columns[spec.value];
  return column?.type === "money";
}

export function metricFormat(config: Config, metric: string): CellFormat {
  if (isMoneyMetric(config, metric)) return "money";
  const spec = config.metrics[metric];
  if (spec?.unit === "percent") return "percent";
  if (spec?.aggregate === "count" || spec?.aggregate === "count_distinct" || spec?.unit === "count") return "integer";
  return "number";
}

export function metricCell(config: Config, metric: string, value: Dec | null): Cell {
  if (value === null) return null;
  return isMoneyMetric(config, metric) ? { money: moneyFixed(value, config.currency) } : value.toNumber();
}

/** In results.json: money as a decimal string, anything else as a JSON number. */
export function metricJson(config: Config, metric: string, value: Dec | null): string | number | null {
  if (value === null) return null;
  return isMoneyMetric(config, metric) ? moneyFixed(value, config.currency) : value.toNumber();
}

/** Scores are reported to 2 decimals (ties compare the unrounded values). */
export function roundScore(score: number | null): number | null {
  return score === null ? null : new Dec(score).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();
}

const TIER_PALETTE = ["FFD966", "A9D08E", "C6E0B4", "FCE4D6", "F4B084", "F8CBAD", "D9D9D9"];

/** Tier name -> fill colour (RRGGBB), best tier first: gold, greens, then warm colours. */
export function tierColours(config: Config): Record<string, string> {
  const names = config.tiers === undefined ? [] : Array.isArray(config.tiers) ? config.tiers.map((t) => t.name) : Object.keys(config.tiers.distribution);
  return Object.fromEntries(names.map((name, i) => [name, TIER_PALETTE[Math.min(i, TIER_PALETTE.length - 1)] ?? "D9D9D9"]));
}
