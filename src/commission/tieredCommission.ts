/**
 * A tiered component. Tier i covers [previous upto, upto); with `basis:
 * attainment` the bounds are multiples of the target, with `basis: amount`
 * they are money. Marginal: each slice of the base at its own tier's rate.
 * Retroactive: the whole base at the rate of the tier the base falls in (a
 * value exactly on a bound is in the upper tier). Amounts are unrounded here.
 */
import { Dec, ZERO } from "../money.js";

export interface TierBand {
  /** upper bound, exclusive; null for the last tier */
  upto: Dec | null;
  rate: Dec;
}

export interface TierSlice {
  /** the part of the base this line pays on */
  base: Dec;
  rate: Dec;
  amount: Dec;
  /** e.g. "tier 2: 50,000.00 – 100,000.00 at 4%" */
  note: string;
}

/** `scale` turns tier bounds into money: the target for basis attainment, 1 for basis amount. */
export function tieredCommission(base: Dec, bands: readonly TierBand[], scale: Dec, mode: "marginal" | "retroactive", describe: (d: Dec) => string): TierSlice[] {
  if (base.lte(0)) return [];
  const bounds = bands.map((band) => (band.upto === null ? null : band.upto.times(scale)));
  if (mode === "retroactive") {
    const index = bounds.findIndex((bound) => bound === null || base.lt(bound));
    const band = bands[index === -1 ? bands.length - 1 : index];
    if (!band) return [];
    return [{ base, rate: band.rate, amount: base.times(band.rate), note: `tier ${(index === -1 ? bands.length - 1 : index) + 1}: the whole base at ${percent(band.rate)} (retroactive)` }];
  }
  const slices: TierSlice[] = [];
  let lower = ZERO;
  for (const [i, band] of bands.entries()) {
    const upper = bounds[i] ?? null;
    if (base.lte(lower)) break;
    const top = upper === null ? base : Dec.min(base, upper);
    const slice = top.minus(lower);
    if (slice.gt(0)) {
      const range = upper === null ? `above ${describe(lower)}` : `${describe(lower)} – ${describe(upper)}`;
      slices.push({ base: slice, rate: band.rate, amount: slice.times(band.rate), note: `tier ${i + 1}: ${range} at ${percent(band.rate)}` });
    }
    if (upper === null) break;
    lower = upper;
  }
  return slices;
}

function percent(rate: Dec): string {
  return `${rate.times(100).toString()}%`;
}
