/** One thing that needs a look, collected from every stage into one list. */
export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface Anomaly {
  severity: Severity;
  code: string;
  /** the rep it concerns; for a rejected row, the raw value of its rep cell */
  rep: string | null;
  metric: string | null;
  source: string | null;
  file: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** An anomaly with every optional field null: `anomaly({ severity, code, message, rep })`. */
export function anomaly(fields: Pick<Anomaly, "severity" | "code" | "message"> & Partial<Anomaly>): Anomaly {
  return { rep: null, metric: null, source: null, file: null, row: null, column: null, value: null, ...fields };
}

/** Severity first, then rep (no rep last), then source, file and row. */
export function compareAnomalies(a: Anomaly, b: Anomaly): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareNullable(a.rep, b.rep) ||
    compareNullable(a.code, b.code) ||
    compareNullable(a.source, b.source) ||
    compareNullable(a.file, b.file) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    compareNullable(a.metric, b.metric) ||
    compareNullable(a.column, b.column)
  );
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
