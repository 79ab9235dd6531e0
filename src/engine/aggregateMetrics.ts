/**
 * Metric actuals for one period: each rep's monthly accumulators (or, for a
 * day range, daily ones) merged over the period; for level: team, merged over
 * the scored members of the rep's team.
 */
import type { Config, MetricConfig } from "../config/schema.js";
import type { Day } from "../dates/calendarDate.js";
import { Accumulator } from "./accumulator.js";
import type { MetricTable } from "./metricResult.js";
import type { Period } from "./period.js";
import type { Rep } from "./roster.js";
import { monthKeysOf } from "./monthKeys.js";
import type { RepAccumulators, SourceAggregates } from "./sourceAggregator.js";

export interface AggregateInput {
  config: Config;
  aggregates: ReadonlyMap<string, SourceAggregates>;
  scored: readonly Rep[];
  period: Period;
  /** count only records dated in these days (needs the metric's daily accumulators) */
  days?: { first: Day; last: Day };
}

export function aggregateMetrics(input: AggregateInput): MetricTable {
  const table: MetricTable = new Map();
  for (const [name, metric] of Object.entries(input.config.metrics)) {
    if (metric.formula === undefined) table.set(name, aggregateOne(name, metric, input));
  }
  return table;
}

function aggregateOne(name: string, metric: MetricConfig, input: AggregateInput): Map<string, { actual: ReturnType<Accumulator["result"]>; records: number }> {
  const kind = metric.aggregate ?? "count";
  const source = input.aggregates.get(metric.source ?? "");
  const buckets: RepAccumulators[] = [];
  if (source && input.days) {
    const daily = source.daily.get(name);
    for (let day = input.days.first; day <= input.days.last; day++) {
      const byRep = daily?.get(day);
      if (byRep) buckets.push(byRep);
    }
  } else if (source) {
    const monthly = source.monthly.get(name);
    for (const month of monthKeysOf(input.period)) {
      const byRep = monthly?.get(month);
      if (byRep) buckets.push(byRep);
    }
  }
  /** The accumulators of `ids` over the buckets merged into one; the one itself when there is only one (it is only read). */
  const merged = (ids: readonly string[]): Accumulator => {
    const parts: Accumulator[] = [];
    for (const bucket of buckets) for (const id of ids) {
      const part = bucket.get(id);
      if (part) parts.push(part);
    }
    if (parts.length === 1) return parts[0] as Accumulator; // a month's: not copied (a count_distinct's set may hold thousands of values)
    const acc = new Accumulator(kind);
    for (const part of parts) acc.merge(part);
    return acc;
  };
  const teams = new Map<string, string[]>();
  if (metric.level === "team") for (const rep of input.scored) teams.set(rep.team ?? "", [...(teams.get(rep.team ?? "") ?? []), rep.id]);
  const teamResults = new Map<string, Accumulator>();
  return new Map(
    input.scored.map((rep) => {
      let acc: Accumulator;
      if (metric.level === "team") {
        const team = rep.team ?? "";
        acc = teamResults.get(team) ?? merged(teams.get(team) ?? []);
        teamResults.set(team, acc);
      } else acc = merged([rep.id]);
      return [rep.id, { actual: acc.result(), records: acc.records }];
    }),
  );
}
