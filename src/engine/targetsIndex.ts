/**
 * Rows of the targets file, indexed by rep, metric and period text. Rows
 * whose period cannot be read are rejected; rows for metrics the config does
 * not have are listed as info; two different targets for the same rep,
 * metric and period are an error and neither is used.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { SourceData } from "../ingest/sourceData.js";
import { isDec, type Dec } from "../money.js";
import type { Attribution } from "./attribution.js";
import { formatPeriod, parsePeriod } from "./period.js";

export interface TargetRow {
  value: Dec;
  file: string;
  row: number;
}

export class TargetsIndex {
  private readonly rows = new Map<string, TargetRow | "conflict">();

  static key(repId: string, metric: string, period: string): string {
    return `${repId}\u0000${metric}\u0000${period}`;
  }

  set(key: string, row: TargetRow): TargetRow | null {
    const existing = this.rows.get(key);
    if (existing === undefined) {
      this.rows.set(key, row);
      return null;
    }
    if (existing === "conflict" || !existing.value.eq(row.value)) {
      this.rows.set(key, "conflict");
      return existing === "conflict" ? row : existing;
    }
    return null;
  }

  get(repId: string, metric: string, period: string): TargetRow | undefined {
    const row = this.rows.get(TargetsIndex.key(repId, metric, period));
    return row === "conflict" ? undefined : row;
  }
}

export function buildTargetsIndex(source: SourceData | undefined, attribution: Attribution | undefined, metrics: ReadonlySet<string>): { index: TargetsIndex; anomalies: Anomaly[] } {
  const index = new TargetsIndex();
  const anomalies: Anomaly[] = [];
  if (!source || !attribution) return { index, anomalies };
  const at = (column: string) => source.columns.indexOf(column);
  const [metricAt, periodAt, targetAt] = [at("metric"), at("period"), at("target")];
  source.records.forEach((record, i) => {
    const rep = attribution.repOf[i];
    if (!rep) return; // reported by attribution as unknown or ambiguous
    const where = { source: source.name, file: source.files[record.file] ?? null, row: record.row, rep: rep.id };
    const metric = String(record.values[metricAt] ?? "");
    const periodText = String(record.values[periodAt] ?? "");
    const value = record.values[targetAt];
    const period = parsePeriod(periodText.trim());
    if (!period) {
      anomalies.push(anomaly({ severity: "error", code: "rejected_row", ...where, column: "period", value: periodText, message: `target period "${periodText}" is not a period such as 2026-10, 2026-Q4 or 2026; the row is not used` }));
      return;
    }
    if (!metrics.has(metric)) {
      anomalies.push(anomaly({ severity: "info", code: "unused_target", ...where, metric, value: metric, message: `the targets file has a row for "${metric}", which is not a metric of this config; it is not used` }));
      return;
    }
    if (!isDec(value)) return; // the target column is typed: ingest rejected what is not a number
    const previous = index.set(TargetsIndex.key(rep.id, metric, formatPeriod(period)), { value, file: where.file ?? "", row: record.row });
    if (previous) {
      anomalies.push(anomaly({ severity: "error", code: "conflicting_target", ...where, metric, value: value.toString(), message: `${rep.id} has two different ${metric} targets for ${formatPeriod(period)} (rows ${previous.row} and ${record.row}); neither is used` }));
    }
  });
  return { index, anomalies };
}
