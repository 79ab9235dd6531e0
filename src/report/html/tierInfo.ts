/** The config's tiers as the HTML report shows them: best first, each with the colour the xlsx uses. */
import type { Config } from "../../config/schema.js";
import { tierColours } from "../formatValues.js";

export interface TierInfo {
  name: string;
  /** the threshold's `min`; null for the last threshold tier and for distribution tiers */
  min: number | null;
  /** #RRGGBB */
  colour: string;
}

export interface ReportTiers {
  kind: "threshold" | "distribution" | "none";
  tiers: TierInfo[];
}

/** The colour of "no tier" (a rep without a score). */
export const NO_TIER_COLOUR = "#E5E7EB";

export function tierInfo(config: Config): ReportTiers {
  const colours = tierColours(config);
  const colour = (name: string) => `#${colours[name] ?? "D9D9D9"}`;
  if (config.tiers === undefined) return { kind: "none", tiers: [] };
  if (Array.isArray(config.tiers)) {
    return { kind: "threshold", tiers: config.tiers.map((t) => ({ name: t.name, min: t.min ?? null, colour: colour(t.name) })) };
  }
  return { kind: "distribution", tiers: Object.keys(config.tiers.distribution).map((name) => ({ name, min: null, colour: colour(name) })) };
}
