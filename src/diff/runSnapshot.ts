/** The part of a run that a diff compares: per rep rank, tier, score and payout. */
import { formatPeriod } from "../engine/period.js";
import { ZERO, type Dec } from "../money.js";
import type { RunOutcome } from "../runOutcome.js";

export interface RepSnapshot {
  rep: string;
  name: string | null;
  team: string | null;
  rank: number;
  tier: string | null;
  /** unrounded; null when the rep has no score */
  score: number | null;
  /** null when the run computed no commission */
  payout: Dec | null;
}

export interface RunSnapshot {
  /** the config file as the user named it */
  config: string;
  period: string;
  currency: string;
  /** in rank order */
  reps: RepSnapshot[];
  /** the sum of every payout, null when the run computed no commission */
  totalPayout: Dec | null;
}

export function snapshotRun(outcome: RunOutcome): RunSnapshot {
  const { commission } = outcome;
  return {
    config: outcome.loaded.file,
    period: formatPeriod(outcome.period),
    currency: outcome.loaded.config.currency,
    reps: outcome.engine.reps.map((r) => ({
      rep: r.rep.id,
      name: r.rep.name,
      team: r.rep.team,
      rank: r.rank,
      tier: r.tier,
      score: r.score,
      payout: commission ? (commission.reps.get(r.rep.id)?.total ?? ZERO) : null,
    })),
    totalPayout: commission ? commission.grandTotal : null,
  };
}
