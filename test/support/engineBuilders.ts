/** Builders for engine results, so commission and anomaly tests need no files. */
import { parsePeriod } from "../../src/engine/period.js";
import type { EngineResult, RepMetric, RepResult } from "../../src/engine/runResult.js";
import { Dec } from "../../src/money.js";
import { makeRep } from "./builders.js";

export interface RepResultFields {
  id?: string;
  team?: string;
  score?: number | null;
  tier?: string | null;
  scorecard?: string;
  dimensions?: Record<string, number | null>;
  /** metric -> [actual, target] as decimal strings */
  metrics?: Record<string, [string | null, string | null]>;
}

export function makeRepResult(fields: RepResultFields = {}): RepResult {
  const metrics: Record<string, RepMetric> = {};
  for (const [name, [actual, target]] of Object.entries(fields.metrics ?? {})) {
    const a = actual === null ? null : new Dec(actual);
    const t = target === null ? null : new Dec(target);
    metrics[name] = { actual: a, target: t, targetSource: t ? "test" : null, attainment: a && t && !t.isZero() ? a.div(t).toNumber() : null, capped: null, records: 1 };
  }
  return {
    rep: makeRep({ id: fields.id ?? "R001", team: fields.team ?? "East" }),
    tenureMonths: 24,
    scorecard: fields.scorecard ?? "standard",
    score: fields.score === undefined ? 100 : fields.score,
    tier: fields.tier === undefined ? "A" : fields.tier,
    rank: 1,
    rankWithin: {},
    dimensions: fields.dimensions ?? {},
    metrics,
    scorecardRows: [],
  };
}

export function makeEngineResult(reps: RepResult[], period = "2026-10"): EngineResult {
  const p = parsePeriod(period);
  if (!p) throw new Error(period);
  return { period: p, reps, awards: [], anomalies: [] };
}

import type { Config } from "../../src/config/schema.js";
import { RepMatcher } from "../../src/engine/repMatcher.js";
import type { Rep } from "../../src/engine/roster.js";
import { SourceAggregator, type SourceAggregates } from "../../src/engine/sourceAggregator.js";
import type { SourceData } from "../../src/ingest/sourceData.js";

/** Stream a small in-memory source through the real aggregator, as ingest would. */
export function aggregate(source: SourceData, config: Config, reps: readonly Rep[], match: readonly string[] = [], keepMonths: ReadonlySet<number> | null = null): SourceAggregates {
  const aggregator = new SourceAggregator(source.name, source.columns, source.files, config, new RepMatcher(reps, match), keepMonths);
  for (const record of source.records) aggregator.add(record);
  return aggregator.result();
}
