/**
 * Aggregate metrics for one period: each record of a metric's source that is
 * dated inside the period, passes `where` and belongs to a scored rep is
 * added to that rep's accumulator (or the rep's team's, for level: team).
 */
import type { Config, MetricConfig } from "../config/schema.js";
import { CalendarDate } from "../dates/calendarDate.js";
import { isTrue } from "../expr/isTrue.js";
import type { SourceData } from "../ingest/sourceData.js";
import { Accumulator } from "./accumulator.js";
import type { Attribution } from "./attribution.js";
import { compileForRecords } from "./compileForRecords.js";
import type { MetricTable } from "./metricResult.js";
import { periodEnd, periodStart, type Period } from "./period.js";
import type { Rep } from "./roster.js";

export interface AggregateInput {
  config: Config;
  sources: ReadonlyMap<string, SourceData>;
  attribution: ReadonlyMap<string, Attribution>;
  scored: readonly Rep[];
  period: Period;
  /** count only records dated in these days instead of the whole period (e.g. its last 3 days) */
  days?: { first: number; last: number };
}

export function aggregateMetrics(input: AggregateInput): MetricTable {
  const table: MetricTable = new Map();
  for (const [name, metric] of Object.entries(input.config.metrics)) {
    if (metric.formula !== undefined) continue;
    table.set(name, aggregateOne(metric, input));
  }
  return table;
}

function aggregateOne(metric: MetricConfig, input: AggregateInput): Map<string, { actual: ReturnType<Accumulator["result"]>; records: number }> {
  const kind = metric.aggregate ?? "count";
  const source = input.sources.get(metric.source ?? "");
  const attribution = input.attribution.get(metric.source ?? "");
  const byTeam = metric.level === "team";
  const groupOf = (rep: Rep): string => (byTeam ? `team:${rep.team ?? ""}` : rep.id);
  const groups = new Map<string, Accumulator>();
  const scored = new Set(input.scored.map((rep) => rep.id));
  if (source && attribution) {
    const dateIndex = source.columns.indexOf(metric.date ?? "");
    const where = metric.where === undefined ? null : compileForRecords(metric.where, source.columns);
    const value = metric.value === undefined ? null : compileForRecords(metric.value, source.columns);
    const first = input.days?.first ?? periodStart(input.period);
    const last = input.days?.last ?? periodEnd(input.period);
    source.records.forEach((record, i) => {
      const rep = attribution.repOf[i];
      if (!rep || !scored.has(rep.id)) return;
      const date = record.values[dateIndex];
      if (!(date instanceof CalendarDate) || date.day < first || date.day > last) return;
      if (where && !isTrue(where(record))) return;
      const group = groupOf(rep);
      let accumulator = groups.get(group);
      if (!accumulator) groups.set(group, (accumulator = new Accumulator(kind)));
      accumulator.add(value ? value(record) : null);
    });
  }
  const empty = new Accumulator(kind);
  return new Map(
    input.scored.map((rep) => {
      const accumulator = groups.get(groupOf(rep)) ?? empty;
      return [rep.id, { actual: accumulator.result(), records: accumulator.records }];
    }),
  );
}
