/**
 * Matching a source's rep value to a roster rep: by id first, then by each
 * roster column listed in `roster.match`, after trimming and case-folding.
 */
import type { Rep } from "./roster.js";

export type RepMatch = { kind: "rep"; rep: Rep } | { kind: "unknown" } | { kind: "ambiguous"; reps: Rep[] };

export function foldRepText(text: string): string {
  return text.normalize("NFC").trim().toLowerCase();
}

export class RepMatcher {
  private readonly byId = new Map<string, Rep>();
  private readonly byColumn: Map<string, Rep[]>[] = [];
  private readonly cache = new Map<string, RepMatch>();

  constructor(reps: readonly Rep[], matchColumns: readonly string[]) {
    for (const rep of reps) this.byId.set(foldRepText(rep.id), rep);
    for (const column of matchColumns) {
      const index = new Map<string, Rep[]>();
      for (const rep of reps) {
        const value = rep.attributes.get(column);
        if (value === null || value === undefined) continue;
        const key = foldRepText(String(value));
        if (key === "") continue;
        index.set(key, [...(index.get(key) ?? []), rep]);
      }
      this.byColumn.push(index);
    }
  }

  /** Cached by the raw text: a source names the same few owners over and over. */
  match(raw: string): RepMatch {
    const cached = this.cache.get(raw);
    if (cached) return cached;
    const result = this.lookup(foldRepText(raw));
    this.cache.set(raw, result);
    return result;
  }

  private lookup(key: string): RepMatch {
    const byId = this.byId.get(key);
    if (byId) return { kind: "rep", rep: byId };
    for (const index of this.byColumn) {
      const reps = index.get(key);
      if (!reps) continue;
      const unique = [...new Set(reps)];
      if (unique.length === 1 && unique[0]) return { kind: "rep", rep: unique[0] };
      return { kind: "ambiguous", reps: unique };
    }
    return { kind: "unknown" };
  }
}
