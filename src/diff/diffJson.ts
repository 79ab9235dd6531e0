/** `kpi diff --format json`: the diff for machines. Money as decimal strings, other numbers as numbers, none as null. */
import { moneyFixed } from "../commission/minorUnits.js";
import type { Dec } from "../money.js";
import type { RepSide, RunDiff } from "./computeDiff.js";

export function diffJson(diff: RunDiff): string {
  const money = (value: Dec | null, currency: string) => (value === null ? null : moneyFixed(value, currency));
  const side = (s: RepSide | null, currency: string) => s && { rank: s.rank, tier: s.tier, score: s.score, payout: money(s.payout, currency) };
  const document = {
    period: diff.period,
    base: { config: diff.base.config, currency: diff.base.currency, total_payout: money(diff.base.totalPayout, diff.base.currency) },
    head: { config: diff.head.config, currency: diff.head.currency, total_payout: money(diff.head.totalPayout, diff.head.currency) },
    total_payout_delta: money(diff.totalDelta, diff.head.currency),
    total_payout_delta_percent: diff.totalDeltaPercent === null ? null : diff.totalDeltaPercent.toNumber(),
    reps_compared: diff.compared,
    reps_changed: diff.changes.length,
    reps: diff.changes.map((c) => ({
      rep: c.rep,
      name: c.name,
      team: c.team,
      base: side(c.base, diff.base.currency),
      head: side(c.head, diff.head.currency),
      score_delta: c.scoreDelta,
      payout_delta: money(c.payoutDelta, diff.head.currency),
      tier_changed: c.tierChanged,
    })),
    tier_changes: diff.tierChanges.map((c) => ({ rep: c.rep, name: c.name, from: c.base?.tier ?? null, to: c.head?.tier ?? null })),
    notes: diff.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
