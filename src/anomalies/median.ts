/** Robust statistics over exact decimals: the median and the median absolute deviation (MAD). */
import { Dec } from "../money.js";

/** The middle value (the mean of the two middle values for an even count); null for no values. */
export function median(values: readonly Dec[]): Dec | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const upper = sorted[Math.floor(sorted.length / 2)] as Dec;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[sorted.length / 2 - 1] as Dec;
  return lower.plus(upper).div(2);
}

/** The median and MAD = median of |x − median|; null for no values. */
export function robustSpread(values: readonly Dec[]): { median: Dec; mad: Dec } | null {
  const middle = median(values);
  if (middle === null) return null;
  const mad = median(values.map((x) => x.minus(middle).abs()));
  return mad === null ? null : { median: middle, mad };
}

/** The robust z-score 0.6745 × (x − median) / MAD (0.6745 makes it comparable to a z-score for normal data). */
export function robustZ(x: Dec, spread: { median: Dec; mad: Dec }): Dec {
  return new Dec("0.6745").times(x.minus(spread.median)).div(spread.mad);
}
