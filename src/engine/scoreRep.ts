/**
 * One rep's score on one scorecard. Attainment = actual / target (target /
 * actual for `better: lower`, where an actual of 0 earns the cap), floored
 * at 0 and capped at the scorecard's cap. A metric without a target (or a
 * target of 0) or without an actual is left out, and the other weights of
 * its dimension are scaled up to keep their sum (a dimension left with no
 * metric is left out and the other dimensions are scaled). Score =
 * Σ dimension share × Σ metric share × capped attainment × 100, computed in
 * decimals so that a rep on target everywhere scores exactly 100.
 */
import type { MetricConfig, ScorecardConfig } from "../config/schema.js";
import { Dec, ZERO } from "../money.js";
import type { MetricResult } from "./metricResult.js";
import type { ResolvedTarget } from "./resolveTarget.js";

export type Exclusion = "missing_target" | "no_data";

export interface MetricScore {
  metric: string;
  dimension: string;
  actual: Dec | null;
  target: Dec | null;
  targetSource: string | null;
  /** uncapped (but floored at 0); null when left out */
  attainment: number | null;
  capped: number | null;
  /** the metric's share of the whole score after renormalisation (0 when left out) */
  weight: number;
  points: number | null;
  records: number | null;
  excluded: Exclusion | null;
}

export interface ScoreResult {
  /** null when no metric at all could be scored */
  score: number | null;
  /** dimension score on the scale of `score` (on target = 100); null when left out */
  dimensions: Record<string, number | null>;
  rows: MetricScore[];
}

export interface Attainment {
  attainment: Dec;
  capped: Dec;
}

/** The cap of each scorecard as a decimal, built once. */
const capDecs = new Map<number, Dec>();

export function attainmentOf(actual: Dec, target: Dec, better: "higher" | "lower", cap: number): Attainment {
  let capDec = capDecs.get(cap);
  if (capDec === undefined) capDecs.set(cap, (capDec = new Dec(cap)));
  let raw: Dec;
  if (better === "lower") raw = actual.isZero() ? capDec : target.div(actual);
  else raw = actual.div(target);
  const floored = raw.lt(0) ? ZERO : raw;
  return { attainment: floored, capped: Dec.min(floored, capDec) };
}

/** The renormalised weights for one set of scored metrics: each dimension's share, and each metric's within it. */
interface Shares {
  dimensions: {
    name: string;
    /** of the whole score */
    share: Dec;
    metrics: {
      /** index among the scorecard's metrics, in order */
      at: number;
      /** of the dimension */
      share: Dec;
      /** of the whole score: dimension share × metric share */
      weight: Dec;
      weightNumber: number;
    }[];
  }[];
}

/**
 * Shares depend only on the scorecard and which of its metrics are scored,
 * which is the same for most reps: worked out once per scorecard and set,
 * not once per rep (each is a few divisions at 60 digits).
 */
const sharesByCard = new WeakMap<ScorecardConfig, Map<string, Shares>>();

function sharesFor(card: ScorecardConfig, scored: readonly boolean[]): Shares {
  let byCard = sharesByCard.get(card);
  if (byCard === undefined) sharesByCard.set(card, (byCard = new Map()));
  const key = scored.map((s) => (s ? "1" : "0")).join("");
  let shares = byCard.get(key);
  if (shares === undefined) byCard.set(key, (shares = computeShares(card, scored)));
  return shares;
}

function computeShares(card: ScorecardConfig, scored: readonly boolean[]): Shares {
  const parts: { name: string; weight: Dec; metrics: { at: number; share: Dec }[] }[] = [];
  let at = 0;
  for (const [dimension, spec] of Object.entries(card.dimensions)) {
    const included: { at: number; weight: Dec }[] = [];
    for (const weight of Object.values(spec.metrics)) {
      if (scored[at]) included.push({ at, weight: new Dec(weight) });
      at++;
    }
    if (included.length === 0) continue;
    const total = included.reduce((sum, m) => sum.plus(m.weight), ZERO);
    parts.push({ name: dimension, weight: new Dec(spec.weight), metrics: included.map((m) => ({ at: m.at, share: m.weight.div(total) })) });
  }
  const totalWeight = parts.reduce((sum, d) => sum.plus(d.weight), ZERO);
  return {
    dimensions: parts.map((part) => {
      const share = part.weight.div(totalWeight);
      return {
        name: part.name,
        share,
        metrics: part.metrics.map((m) => {
          const weight = share.times(m.share);
          return { at: m.at, share: m.share, weight, weightNumber: weight.toNumber() };
        }),
      };
    }),
  };
}

export function scoreRep(
  card: ScorecardConfig,
  metrics: Readonly<Record<string, MetricConfig>>,
  resultOf: (metric: string) => MetricResult | undefined,
  targetOf: (metric: string) => ResolvedTarget | null,
): ScoreResult {
  const rows: MetricScore[] = [];
  const capped: (Dec | null)[] = [];
  const dimensions: Record<string, number | null> = {};

  for (const [dimension, spec] of Object.entries(card.dimensions)) {
    dimensions[dimension] = null;
    for (const metric of Object.keys(spec.metrics)) {
      const result = resultOf(metric);
      const target = targetOf(metric);
      const actual = result?.actual ?? null;
      const row: MetricScore = {
        metric, dimension, actual, target: target?.value ?? null, targetSource: target?.source ?? null,
        attainment: null, capped: null, weight: 0, points: null, records: result?.records ?? null, excluded: null,
      };
      rows.push(row);
      let cappedHere: Dec | null = null;
      if (!target || target.value.isZero()) row.excluded = "missing_target";
      else if (actual === null) row.excluded = "no_data";
      else {
        const a = attainmentOf(actual, target.value, metrics[metric]?.better ?? "higher", card.cap);
        row.attainment = a.attainment.toNumber();
        row.capped = a.capped.toNumber();
        cappedHere = a.capped;
      }
      capped.push(cappedHere); // capped[i] belongs to rows[i]
    }
  }

  const shares = sharesFor(card, capped.map((c) => c !== null));
  if (shares.dimensions.length === 0) return { score: null, dimensions, rows };
  let score = ZERO;
  for (const dimension of shares.dimensions) {
    let sum = ZERO;
    for (const m of dimension.metrics) sum = sum.plus(m.share.times(capped[m.at] as Dec));
    const dimensionScore = sum.times(100);
    dimensions[dimension.name] = dimensionScore.toNumber();
    score = score.plus(dimension.share.times(dimensionScore));
    for (const m of dimension.metrics) {
      const row = rows[m.at] as MetricScore;
      row.weight = m.weightNumber;
      row.points = m.weight.times(capped[m.at] as Dec).times(100).toNumber();
    }
  }
  return { score: score.toNumber(), dimensions, rows };
}
