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

export function attainmentOf(actual: Dec, target: Dec, better: "higher" | "lower", cap: number): Attainment {
  const capDec = new Dec(cap);
  let raw: Dec;
  if (better === "lower") raw = actual.isZero() ? capDec : target.div(actual);
  else raw = actual.div(target);
  const floored = raw.lt(0) ? ZERO : raw;
  return { attainment: floored, capped: Dec.min(floored, capDec) };
}

export function scoreRep(
  card: ScorecardConfig,
  metrics: Readonly<Record<string, MetricConfig>>,
  resultOf: (metric: string) => MetricResult | undefined,
  targetOf: (metric: string) => ResolvedTarget | null,
): ScoreResult {
  const rows: MetricScore[] = [];
  const dimensionParts: { name: string; weight: Dec; score: Dec; rows: { row: MetricScore; share: Dec; capped: Dec }[] }[] = [];
  const dimensions: Record<string, number | null> = {};

  for (const [dimension, spec] of Object.entries(card.dimensions)) {
    const included: { row: MetricScore; weight: Dec; capped: Dec }[] = [];
    for (const [metric, weight] of Object.entries(spec.metrics)) {
      const result = resultOf(metric);
      const target = targetOf(metric);
      const actual = result?.actual ?? null;
      const row: MetricScore = {
        metric, dimension, actual, target: target?.value ?? null, targetSource: target?.source ?? null,
        attainment: null, capped: null, weight: 0, points: null, records: result?.records ?? null, excluded: null,
      };
      rows.push(row);
      if (!target || target.value.isZero()) row.excluded = "missing_target";
      else if (actual === null) row.excluded = "no_data";
      else {
        const a = attainmentOf(actual, target.value, metrics[metric]?.better ?? "higher", card.cap);
        row.attainment = a.attainment.toNumber();
        row.capped = a.capped.toNumber();
        included.push({ row, weight: new Dec(weight), capped: a.capped });
      }
    }
    if (included.length === 0) {
      dimensions[dimension] = null;
      continue;
    }
    const total = included.reduce((sum, m) => sum.plus(m.weight), ZERO);
    const parts = included.map((m) => ({ row: m.row, share: m.weight.div(total), capped: m.capped }));
    const score = parts.reduce((sum, p) => sum.plus(p.share.times(p.capped)), ZERO).times(100);
    dimensions[dimension] = score.toNumber();
    dimensionParts.push({ name: dimension, weight: new Dec(spec.weight), score, rows: parts });
  }

  if (dimensionParts.length === 0) return { score: null, dimensions, rows };
  const totalWeight = dimensionParts.reduce((sum, d) => sum.plus(d.weight), ZERO);
  let score = ZERO;
  for (const part of dimensionParts) {
    const share = part.weight.div(totalWeight);
    score = score.plus(share.times(part.score));
    for (const m of part.rows) {
      const weight = share.times(m.share);
      m.row.weight = weight.toNumber();
      m.row.points = weight.times(m.capped).times(100).toNumber();
    }
  }
  return { score: score.toNumber(), dimensions, rows };
}
