/**
 * Two runs of the same data and period -> what changed, per rep and in
 * total. Pure. A rep counts as changed when anything a report shows differs:
 * rank, tier, score to 2 decimals, payout to the cent, or being scored at all.
 */
import { Dec, ZERO } from "../money.js";
import type { RepSnapshot, RunSnapshot } from "./runSnapshot.js";

export type RepSide = Pick<RepSnapshot, "rank" | "tier" | "score" | "payout">;

export interface RepChange {
  rep: string;
  name: string | null;
  team: string | null;
  /** null: the rep is not scored in that run */
  base: RepSide | null;
  head: RepSide | null;
  /** head − base; null when either side has no score */
  scoreDelta: number | null;
  /** head − base (a rep missing from a run that pays commission is paid 0 there); null when either run computed no commission */
  payoutDelta: Dec | null;
  tierChanged: boolean;
}

export interface RunDiff {
  base: { config: string; currency: string; totalPayout: Dec | null };
  head: { config: string; currency: string; totalPayout: Dec | null };
  period: string;
  /** reps scored in either run */
  compared: number;
  /** changed reps only, largest payout change first, then largest score change, then rep id */
  changes: RepChange[];
  /** the changed reps whose tier changed, in the head run's rank order */
  tierChanges: RepChange[];
  /** head − base; null when either run computed no commission */
  totalDelta: Dec | null;
  /** totalDelta as a percentage of the base total; null when that is 0 or unknown */
  totalDeltaPercent: Dec | null;
  /** things a reader must know to trust the numbers (e.g. two currencies) */
  notes: string[];
}

export function computeDiff(base: RunSnapshot, head: RunSnapshot): RunDiff {
  const before = new Map(base.reps.map((r) => [r.rep, r]));
  const after = new Map(head.reps.map((r) => [r.rep, r]));
  const ids = [...head.reps.map((r) => r.rep), ...base.reps.map((r) => r.rep).filter((id) => !after.has(id))];
  // a rep missing from a run that pays commission is paid nothing there, so the rows' payout changes add up to the total's
  const unpaid = { base: base.totalPayout ? ZERO : null, head: head.totalPayout ? ZERO : null };
  const changes = ids.map((id) => repChange(before.get(id) ?? null, after.get(id) ?? null, unpaid)).filter(isChanged);
  changes.sort(byImpact);
  const headRank = (c: RepChange) => c.head?.rank ?? Number.MAX_SAFE_INTEGER;
  const tierChanges = changes.filter((c) => c.tierChanged).sort((a, b) => headRank(a) - headRank(b) || byId(a, b));
  const totalDelta = base.totalPayout && head.totalPayout ? head.totalPayout.minus(base.totalPayout) : null;
  const totalDeltaPercent = totalDelta && base.totalPayout && !base.totalPayout.isZero() ? totalDelta.div(base.totalPayout).times(100) : null;
  const notes: string[] = [];
  if (base.currency !== head.currency) notes.push(`the configs pay in different currencies (${base.currency} before, ${head.currency} after): payout changes compare the numbers only`);
  if (base.period !== head.period) notes.push(`the runs cover different periods (${base.period} and ${head.period})`);
  return {
    base: { config: base.config, currency: base.currency, totalPayout: base.totalPayout },
    head: { config: head.config, currency: head.currency, totalPayout: head.totalPayout },
    period: head.period,
    compared: ids.length,
    changes,
    tierChanges,
    totalDelta,
    totalDeltaPercent,
    notes,
  };
}

function side(r: RepSnapshot | null): RepSide | null {
  return r && { rank: r.rank, tier: r.tier, score: r.score, payout: r.payout };
}

function repChange(base: RepSnapshot | null, head: RepSnapshot | null, unpaid: { base: Dec | null; head: Dec | null }): RepChange {
  const who = head ?? base;
  if (!who) throw new Error("repChange needs at least one side");
  const b = side(base);
  const h = side(head);
  const before = b ? b.payout : unpaid.base;
  const after = h ? h.payout : unpaid.head;
  return {
    rep: who.rep,
    name: who.name,
    team: who.team,
    base: b,
    head: h,
    scoreDelta: typeof b?.score === "number" && typeof h?.score === "number" ? h.score - b.score : null,
    payoutDelta: before && after ? after.minus(before) : null,
    tierChanged: (b?.tier ?? null) !== (h?.tier ?? null),
  };
}

/** Scores as reports show them: 2 decimals. */
function shownScore(score: number | null): string | null {
  return score === null ? null : new Dec(score).toFixed(2, Dec.ROUND_HALF_UP);
}

function isChanged(c: RepChange): boolean {
  if (!c.base || !c.head) return true;
  if (c.base.rank !== c.head.rank || c.tierChanged) return true;
  if (shownScore(c.base.score) !== shownScore(c.head.score)) return true;
  if ((c.base.payout === null) !== (c.head.payout === null)) return true;
  return c.payoutDelta !== null && !c.payoutDelta.isZero();
}

/** Largest |payout change| first, then largest |score change| (gaining or losing a score counts as largest), then rep id. */
function byImpact(a: RepChange, b: RepChange): number {
  const payout = (c: RepChange) => c.payoutDelta?.abs() ?? ZERO;
  const score = (c: RepChange) => (c.scoreDelta === null ? ((c.base?.score ?? null) === (c.head?.score ?? null) ? 0 : Infinity) : Math.abs(c.scoreDelta));
  return payout(b).comparedTo(payout(a)) || score(b) - score(a) || byId(a, b);
}

function byId(a: RepChange, b: RepChange): number {
  return a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0;
}
