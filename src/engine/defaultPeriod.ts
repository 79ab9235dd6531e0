/** The period a run covers when -p is not given: the latest complete period of the config's grain in the data. */
import type { Config } from "../config/schema.js";
import type { Day } from "../dates/calendarDate.js";
import { latestCompletePeriod, type Period } from "./period.js";
import type { SourceAggregates } from "./sourceAggregator.js";

/** The latest date in any column that places records in periods, over every record source. */
export function latestDataDay(aggregates: ReadonlyMap<string, SourceAggregates>): Day | null {
  let latest: Day | null = null;
  for (const source of aggregates.values()) {
    if (source.latestDay !== null && (latest === null || source.latestDay > latest)) latest = source.latestDay;
  }
  return latest;
}

export function defaultPeriod(config: Config, aggregates: ReadonlyMap<string, SourceAggregates>): Period | null {
  const latest = latestDataDay(aggregates);
  return latest === null ? null : latestCompletePeriod(config.period, latest);
}
