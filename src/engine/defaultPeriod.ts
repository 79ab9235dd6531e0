/** The period a run covers when -p is not given: the latest complete period of the config's grain in the data. */
import type { Config } from "../config/schema.js";
import { CalendarDate, type Day } from "../dates/calendarDate.js";
import type { SourceData } from "../ingest/sourceData.js";
import { dateColumnsOf } from "./evaluateRun.js";
import { latestCompletePeriod, type Period } from "./period.js";

export function latestDataDay(config: Config, sources: ReadonlyMap<string, SourceData>): Day | null {
  let latest: Day | null = null;
  for (const [name, source] of sources) {
    for (const column of dateColumnsOf(config, name)) {
      const index = source.columns.indexOf(column);
      if (index < 0) continue;
      for (const record of source.records) {
        const value = record.values[index];
        if (value instanceof CalendarDate && (latest === null || value.day > latest)) latest = value.day;
      }
    }
  }
  return latest;
}

export function defaultPeriod(config: Config, sources: ReadonlyMap<string, SourceData>): Period | null {
  const latest = latestDataDay(config, sources);
  return latest === null ? null : latestCompletePeriod(config.period, latest);
}
