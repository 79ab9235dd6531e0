/**
 * Change against the previous period (SPEC §4 "Previous period"): the values
 * behind `change.NAME` in rules, and the `change` warnings. change =
 * (current − previous) / |previous|; null when either is null, previous is 0,
 * the rep was not in the previous run, or the metric's source has no record
 * dated in the previous period.
 */
import { formatPeriod } from "../engine/period.js";
import type { RunActuals } from "../engine/runResult.js";
import type { Dec } from "../money.js";
import { groupThousands } from "../util/groupThousands.js";
import { percentText, plainActual, type FormatActual } from "./actualFormatter.js";
import { anomaly, type Anomaly } from "./anomaly.js";

/** rep id -> metric -> relative change (null when it cannot be computed) */
export type ChangeTable = Map<string, Map<string, number | null>>;

/** One entry per rep of `current` and per metric passed (all metrics, since rules may use any `change.X`). */
export function changeValues(current: RunActuals, previous: RunActuals | null, metrics: readonly string[], sourceHadRecords: (metric: string) => boolean): ChangeTable {
  const before = new Map((previous?.reps ?? []).map((r) => [r.rep.id, r]));
  const comparable = new Map(metrics.map((m) => [m, previous !== null && sourceHadRecords(m)]));
  return new Map(
    current.reps.map((rep) => {
      const old = before.get(rep.rep.id);
      return [rep.rep.id, new Map(metrics.map((m) => [m, comparable.get(m) && old ? relativeChange(actualOf(rep, m), actualOf(old, m)) : null]))];
    }),
  );
}

/** (current − previous) / |previous|, computed in decimals; null when either is null or previous is 0. */
export function relativeChange(current: Dec | null, previous: Dec | null): number | null {
  if (current === null || previous === null || previous.isZero()) return null;
  return current.minus(previous).div(previous.abs()).toNumber();
}

/** A `change` warning for each rep and listed metric whose |change| is above the threshold. */
export function changeAnomalies(changes: ReadonlyMap<string, ReadonlyMap<string, number | null>>, metrics: readonly string[], threshold: number, current: RunActuals, previous: RunActuals | null, format: FormatActual = plainActual): Anomaly[] {
  if (previous === null) return [];
  const before = new Map(previous.reps.map((r) => [r.rep.id, r]));
  const since = formatPeriod(previous.period);
  return current.reps.flatMap((rep) =>
    metrics.flatMap((metric) => {
      const change = changes.get(rep.rep.id)?.get(metric) ?? null;
      const now = actualOf(rep, metric);
      const then = actualOf(before.get(rep.rep.id), metric);
      if (change === null || Math.abs(change) <= threshold || now === null || then === null) return [];
      const text = (d: Dec) => groupThousands(format(metric, d));
      const verb = change < 0 ? "fell" : "rose";
      return [
        anomaly({
          severity: "warning", code: "change", rep: rep.rep.id, metric, value: percentText(change),
          message: `${metric} ${verb} ${percentText(Math.abs(change))} from ${since} (${text(then)} → ${text(now)})`,
        }),
      ];
    }),
  );
}

function actualOf(rep: RunActuals["reps"][number] | undefined, metric: string): Dec | null {
  return rep?.metrics[metric]?.actual ?? null;
}
