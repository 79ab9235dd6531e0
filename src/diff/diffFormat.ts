/** How the diff renderers show values: money grouped to the currency's minor unit, scores to 2 decimals, "—" for none. */
import { moneyFixed } from "../commission/minorUnits.js";
import { Dec } from "../money.js";
import { groupThousands } from "../util/groupThousands.js";
import type { RepChange, RepSide, RunDiff } from "./computeDiff.js";

export const NONE = "—";

export function moneyShown(value: Dec | null, currency: string): string {
  return value === null ? NONE : groupThousands(moneyFixed(value, currency));
}

export function signedMoney(value: Dec | null, currency: string): string {
  if (value === null) return NONE;
  return `${value.isNegative() && !value.isZero() ? "-" : "+"}${moneyShown(value.abs(), currency)}`;
}

export function scoreShown(score: number | null): string {
  return score === null ? NONE : new Dec(score).toFixed(2, Dec.ROUND_HALF_UP);
}

export function signedPercent(value: Dec | null): string {
  if (value === null) return NONE;
  const text = value.abs().toFixed(2, Dec.ROUND_HALF_UP);
  return `${value.isNegative() && text !== "0.00" ? "-" : "+"}${text}%`;
}

/** `a` when nothing changed, else `a → b`. */
export function transition(before: string, after: string): string {
  return before === after ? before : `${before} → ${after}`;
}

/** The before → after cells of one changed rep, in the renderers' column order. */
export function changeCells(change: RepChange, diff: RunDiff): { rank: string; tier: string; score: string; payout: string; payoutDelta: string } {
  const pick = <T>(s: RepSide | null, f: (s: RepSide) => T, none: string, show: (v: T) => string) => (s ? show(f(s)) : none);
  const rank = (s: RepSide | null) => pick(s, (x) => x.rank, NONE, String);
  const tier = (s: RepSide | null) => pick(s, (x) => x.tier, NONE, (t) => t ?? NONE);
  const score = (s: RepSide | null) => pick(s, (x) => x.score, NONE, scoreShown);
  const payout = (s: RepSide | null, currency: string) => pick(s, (x) => x.payout, NONE, (p) => moneyShown(p, currency));
  return {
    rank: transition(rank(change.base), rank(change.head)),
    tier: transition(tier(change.base), tier(change.head)),
    score: transition(score(change.base), score(change.head)),
    payout: transition(payout(change.base, diff.base.currency), payout(change.head, diff.head.currency)),
    payoutDelta: signedMoney(change.payoutDelta, diff.head.currency),
  };
}

/** "5 of 39 reps change, 2 of them tier" */
export function countsLine(diff: RunDiff): string {
  const tiers = diff.tierChanges.length;
  return `${diff.changes.length} of ${diff.compared} rep${diff.compared === 1 ? "" : "s"} change${tiers > 0 ? `, ${tiers} of them tier` : ""}`;
}

export function totalLine(diff: RunDiff): string {
  const { base, head } = diff;
  if (base.totalPayout === null && head.totalPayout === null) return "no commission in either config";
  const currency = head.currency === base.currency ? ` ${head.currency}` : "";
  return `${signedMoney(diff.totalDelta, head.currency)}${currency} (${signedPercent(diff.totalDeltaPercent)}), from ${moneyShown(base.totalPayout, base.currency)} to ${moneyShown(head.totalPayout, head.currency)}`;
}
