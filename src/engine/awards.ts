/**
 * Awards: the top N reps by a metric's actual in its better direction. Reps
 * tied with the N-th share the award; reps without a value get none.
 */
import type { AwardSchema, MetricConfig } from "../config/schema.js";
import type { z } from "zod";
import type { Dec } from "../money.js";

export interface AwardRow {
  award: string;
  rep: string;
  value: Dec;
}

type AwardConfig = z.output<typeof AwardSchema>;

export function computeAwards(
  awards: readonly AwardConfig[],
  metrics: Readonly<Record<string, MetricConfig>>,
  reps: readonly { id: string; actual: (metric: string) => Dec | null }[],
): AwardRow[] {
  return awards.flatMap((award) => {
    const lower = metrics[award.by]?.better === "lower";
    const candidates = reps
      .flatMap((rep) => {
        const value = rep.actual(award.by);
        return value === null ? [] : [{ rep: rep.id, value }];
      })
      .sort((a, b) => (lower ? a.value.cmp(b.value) : b.value.cmp(a.value)) || (a.rep < b.rep ? -1 : 1));
    const cutoff = candidates[award.top - 1]?.value;
    if (cutoff === undefined) return candidates.map((c) => ({ award: award.name, ...c }));
    return candidates.filter((c, i) => i < award.top || c.value.eq(cutoff)).map((c) => ({ award: award.name, ...c }));
  });
}
