/**
 * A tiny seeded generator (mulberry32) for the sample exports of `kpi init`.
 * Integer arithmetic only, so the same seed gives the same numbers on every
 * machine: no Math.random, no clock.
 */
export interface SeededRandom {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [lo, hi], both included */
  int(lo: number, hi: number): number;
  /** one element of a non-empty list */
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  return { next, int, pick };
}
