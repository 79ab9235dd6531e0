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

/** Scores rounded so far: every output shows the same scores, and a decimal round trip per cell is not cheap. */
const roundedScores = new Map<number, number>();
const ROUNDED_SCORES_KEPT = 100_000;

/** Scores are reported to 2 decimals (ties compare the unrounded values). */
export function roundScore(score: number | null): number | null {
  if (score === null) return null;
  if (score === 0) return new Dec(score).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber(); // 0 and -0 share a Map key
  let rounded = roundedScores.get(score);
  if (rounded === undefined) {
    rounded = roundPrinted(score) ?? new Dec(score).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();
    if (roundedScores.size >= ROUNDED_SCORES_KEPT) roundedScores.clear();
    roundedScores.set(score, rounded);
  }
  return rounded;
}

/**
 * What `new Dec(score).toDecimalPlaces(2, ROUND_HALF_UP).toNumber()` gives,
 * without a Decimal, for a score printed without an exponent and below 10^12
 * (null for any other). A Decimal is made from the digits `String(score)`
 * prints; those digits cut at the second decimal, plus one hundredth when
 * the third decimal is 5 or more (half away from zero), are a whole number
 * of hundredths below 2^53, and that number divided by 100 is the double
 * nearest the rounded decimal, as parsing its text would give (IEEE
 * division is correctly rounded).
 */
export function roundPrinted(score: number): number | null {
  const text = String(Math.abs(score));
  const dot = text.indexOf(".");
  if (text.includes("e") || dot > 12 || (dot < 0 && text.length > 12)) return null;
  if (dot < 0 || text.length - dot <= 3) return score; // two decimals or fewer: already rounded
  const hundredths = Number(text.slice(0, dot) + text.slice(dot + 1, dot + 3)) + (text.charCodeAt(dot + 3) >= 0x35 ? 1 : 0);
  const rounded = hundredths / 100;
  return score < 0 ? -rounded : rounded;
}

const TIER_PALETTE = ["FFD966", "A9D08E", "C6E0B4", "FCE4D6", "F4B084", "F8CBAD", "D9D9D9"];

/** Tier name -> fill colour (RRGGBB), best tier first: gold, greens, then warm colours. */
export function tierColours(config: Config): Record<string, string> {
  const names = config.tiers === undefined ? [] : Array.isArray(config.tiers) ? config.tiers.map((t) => t.name) : Object.keys(config.tiers.distribution);
  return Object.fromEntries(names.map((name, i) => [name, TIER_PALETTE[Math.min(i, TIER_PALETTE.length - 1)] ?? "D9D9D9"]));
}
