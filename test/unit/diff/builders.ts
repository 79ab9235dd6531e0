/** Builders for diff tests: `snapRep("R001", { payout: "1200.00" })`, `snapRun([...])`. */
import type { RepSnapshot, RunSnapshot } from "../../../src/diff/runSnapshot.js";
import { Dec } from "../../../src/money.js";

export interface RepFields {
  name?: string | null;
  team?: string | null;
  rank?: number;
  tier?: string | null;
  score?: number | null;
  payout?: string | null;
}

export function snapRep(rep: string, fields: RepFields = {}): RepSnapshot {
  const { payout = "1000.00", ...rest } = fields;
  return { rep, name: `Name ${rep}`, team: "East", rank: 1, tier: "A", score: 100, ...rest, payout: payout === null ? null : new Dec(payout) };
}

/** A run whose total payout is the sum of its reps' payouts (as the commission stage guarantees). */
export function snapRun(reps: RepSnapshot[], fields: Partial<Omit<RunSnapshot, "reps">> = {}): RunSnapshot {
  const paid = reps.every((r) => r.payout !== null);
  const total = reps.reduce((sum, r) => sum.plus(r.payout ?? 0), new Dec(0));
  return { config: "kpi.config.yaml", period: "2026-10", currency: "CNY", reps, totalPayout: paid ? total : null, ...fields };
}
