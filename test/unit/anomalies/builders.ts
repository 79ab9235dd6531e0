/**
 * Builders for anomaly tests: `makeRepResult({ id: "R002", scorecard: "new_hire", metrics: { won_revenue: "310000" } })`.
 * A metric is its actual ("310000", null for none) or [actual, target] (attainment = actual / target).
 */
import type { EngineResult, RepResult } from "../../../src/engine/runResult.js";
import { makeEngineResult, makeRepResult as makeEngineRep } from "../../support/engineBuilders.js";

export interface RepFields {
  id?: string;
  scorecard?: string;
  score?: number | null;
  tier?: string | null;
  dimensions?: Record<string, number | null>;
  metrics?: Record<string, string | null | [string | null, string | null]>;
}

export function makeRepResult(fields: RepFields = {}): RepResult {
  const metrics = Object.fromEntries(Object.entries(fields.metrics ?? {}).map(([name, v]) => [name, Array.isArray(v) ? v : ([v, null] as [string | null, null])]));
  return makeEngineRep({ ...fields, metrics });
}

/** One rep per actual, ids R001, R002, ... on the given scorecard. */
export function repsWith(metric: string, actuals: readonly (string | null)[], scorecard = "standard"): RepResult[] {
  return actuals.map((actual, i) => makeRepResult({ id: `R${String(i + 1).padStart(3, "0")}`, scorecard, metrics: { [metric]: actual } }));
}

/** A run of the given period holding these reps. */
export function makeRun(reps: RepResult[], period = "2026-10"): EngineResult {
  return makeEngineResult(reps, period);
}
