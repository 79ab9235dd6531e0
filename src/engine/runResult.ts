import type { Anomaly } from "../anomalies/anomaly.js";
import type { Dec } from "../money.js";
import type { AwardRow } from "./awards.js";
import type { Period } from "./period.js";
import type { Rep } from "./roster.js";
import type { MetricScore } from "./scoreRep.js";

/** Everything known about one metric for one rep in the period. */
export interface RepMetric {
  actual: Dec | null;
  target: Dec | null;
  targetSource: string | null;
  /** actual / target (inverted for better: lower), uncapped; null without target or actual */
  attainment: number | null;
  /** capped by the rep's scorecard when the metric is on it, else null */
  capped: number | null;
  records: number | null;
}

export interface RepResult {
  rep: Rep;
  tenureMonths: number;
  scorecard: string;
  score: number | null;
  tier: string | null;
  rank: number;
  rankWithin: Record<string, number>;
  dimensions: Record<string, number | null>;
  metrics: Record<string, RepMetric>;
  /** one row per scorecard metric, in scorecard order */
  scorecardRows: MetricScore[];
}

/** What the engine hands to commission, anomalies and the writers. */
export interface EngineResult {
  period: Period;
  /** in rank order */
  reps: RepResult[];
  awards: AwardRow[];
  anomalies: Anomaly[];
}

/** What a change against another period needs of a run: its period, and each rep's metric values (an `EngineResult` will do; `periodActuals` gives no more). */
export interface RunActuals {
  period: Period;
  reps: readonly { rep: { id: string }; metrics: Readonly<Record<string, { actual: Dec | null } | undefined>> }[];
}
