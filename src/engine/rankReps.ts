/**
 * Ranking: descending score (no score last), then each tie_break metric in
 * its better direction (no value last), then rep id ascending. Rank numbers
 * are standard competition ranks on the unrounded score (1, 2, 2, 4):
 * tie_break orders tied reps but does not split their rank.
 */
export interface Rankable {
  id: string;
  score: number | null;
  /** tie_break values in config order, with the direction each is better in */
  tieBreak: readonly { value: number | null; better: "higher" | "lower" }[];
}

export function compareForRanking(a: Rankable, b: Rankable): number {
  const byScore = compareNullable(a.score, b.score, "higher");
  if (byScore !== 0) return byScore;
  for (let i = 0; i < a.tieBreak.length; i++) {
    const x = a.tieBreak[i];
    const y = b.tieBreak[i];
    if (!x || !y) continue;
    const c = compareNullable(x.value, y.value, x.better);
    if (c !== 0) return c;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorted order and competition ranks (index-aligned with the sorted list). */
export function rankReps<T extends Rankable>(items: readonly T[]): { ordered: T[]; ranks: number[] } {
  const ordered = [...items].sort(compareForRanking);
  const ranks = competitionRanks(ordered.map((item) => item.score));
  return { ordered, ranks };
}

/** Scores in rank order -> 1, 2, 2, 4 …; all reps without a score share the rank after the last scored one. */
export function competitionRanks(scores: readonly (number | null)[]): number[] {
  const ranks: number[] = [];
  scores.forEach((score, i) => {
    ranks.push(i > 0 && scores[i - 1] === score ? (ranks[i - 1] ?? i + 1) : i + 1);
  });
  return ranks;
}

function compareNullable(a: number | null, b: number | null, better: "higher" | "lower"): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return better === "higher" ? b - a : a - b;
}
