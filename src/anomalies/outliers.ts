/**
 * `outlier` warnings (SPEC §3 anomalies.outliers): a rep's actual far from
 * those of the reps on the same scorecard, by the robust z-score
 * 0.6745 × (x − median) / MAD. Reps without a value are left out; a group is
 * skipped when fewer than 5 reps have a value or its MAD is 0.
 */
import type { RepResult } from "../engine/runResult.js";
import type { Dec } from "../money.js";
import { groupThousands } from "../util/groupThousands.js";
import { plainActual, type FormatActual } from "./actualFormatter.js";
import { anomaly, type Anomaly } from "./anomaly.js";
import { robustSpread, robustZ } from "./median.js";

/** Fewer reps with a value than this: no outliers in the group. */
export const MIN_OUTLIER_GROUP = 5;

export function outlierAnomalies(reps: readonly RepResult[], metrics: readonly string[], threshold: number, format: FormatActual = plainActual): Anomaly[] {
  const groups = new Map<string, RepResult[]>();
  for (const rep of reps) groups.set(rep.scorecard, [...(groups.get(rep.scorecard) ?? []), rep]);
  return metrics.flatMap((metric) => [...groups].flatMap(([scorecard, members]) => groupOutliers(metric, scorecard, members, threshold, format)));
}

function groupOutliers(metric: string, scorecard: string, members: readonly RepResult[], threshold: number, format: FormatActual): Anomaly[] {
  const values = members.flatMap((r): { rep: string; x: Dec }[] => {
    const x = r.metrics[metric]?.actual ?? null;
    return x === null ? [] : [{ rep: r.rep.id, x }];
  });
  if (values.length < MIN_OUTLIER_GROUP) return [];
  const spread = robustSpread(values.map((v) => v.x));
  if (spread === null || spread.mad.isZero()) return [];
  return values.flatMap(({ rep, x }) => {
    const z = robustZ(x, spread);
    if (!z.abs().gt(threshold)) return [];
    const side = z.isNegative() ? "below" : "above";
    return [
      anomaly({
        severity: "warning", code: "outlier", rep, metric, value: format(metric, x),
        message: `${metric} ${groupThousands(format(metric, x))} is far ${side} the ${scorecard} scorecard's median of ${groupThousands(format(metric, spread.median))} (robust z ${z.toFixed(2)})`,
      }),
    ];
  });
}
