/**
 * Tiers from score thresholds (the first tier from the top whose min is at
 * or below the unrounded score) or from a forced distribution over the reps
 * with a score, in rank order: the tier with cumulative share c ends at
 * position round_half_up(c × N); reps tied on score across a boundary all
 * take the better tier, and later boundaries stay where they are.
 */
import type { TiersConfig } from "../config/schema.js";
import { parseShare } from "../config/checkScoring.js";
import { Dec, ZERO } from "../money.js";

/** `scores` in rank order (best first, null scores last); returns the tier of each, same order. */
export function assignTiers(tiers: TiersConfig | undefined, scores: readonly (number | null)[]): (string | null)[] {
  if (!tiers) return scores.map(() => null);
  if (Array.isArray(tiers)) {
    return scores.map((score) => {
      if (score === null) return null;
      return tiers.find((tier) => tier.min === undefined || tier.min <= score)?.name ?? null;
    });
  }
  const scored = scores.filter((s): s is number => s !== null).length;
  const boundaries: { name: string; end: number }[] = [];
  let cumulative = ZERO;
  for (const [name, share] of Object.entries(tiers.distribution)) {
    cumulative = cumulative.plus(parseShare(share));
    boundaries.push({ name, end: cumulative.times(scored).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber() });
  }
  const out: (string | null)[] = [];
  scores.forEach((score, i) => {
    if (score === null) {
      out.push(null);
      return;
    }
    const position = i + 1;
    const previous = scores[i - 1];
    if (i > 0 && previous === score) {
      out.push(out[i - 1] ?? null); // a tie keeps the better tier of the reps it ties with
      return;
    }
    out.push(boundaries.find((b) => position <= b.end)?.name ?? boundaries[boundaries.length - 1]?.name ?? null);
  });
  return out;
}
