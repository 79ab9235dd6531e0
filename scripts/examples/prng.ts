/**
 * A small seeded pseudo-random generator for the example data. Only integer
 * and plain floating-point arithmetic (+ - * /, Math.imul, Math.floor) is
 * used, so the same seed gives the same numbers on every platform: no
 * Math.random, no clock, no transcendental functions.
 */
export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === "string" ? hashSeed(seed) : seed >>> 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A float in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Pick by weight: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [value, w] of items) {
      if (x < w) return value;
      x -= w;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  /** Roughly bell-shaped in [lo, hi] (mean of three uniforms). */
  bell(lo: number, hi: number): number {
    return lo + ((this.next() + this.next() + this.next()) / 3) * (hi - lo);
  }

  /** A count of events: `trials` Bernoulli draws with mean `mean` in total. */
  count(mean: number, trials = 4): number {
    const p = Math.min(1, mean / trials);
    let n = 0;
    for (let i = 0; i < trials; i++) if (this.next() < p) n++;
    return n;
  }
}

/** FNV-1a over the UTF-16 code units of a label: stable seeds per purpose. */
export function hashSeed(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
