import { roundScore } from "../formatValues.js";

/** A score as every output shows it: rounded half-up to 2 decimals, or "—" when there is none. */
export function scoreText(score: number | null): string {
  const rounded = roundScore(score);
  return rounded === null ? "—" : rounded.toFixed(2);
}
