/** The tables the bench prints, as Markdown so they can go straight into the README. */

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export const fixed = (n: number, digits: number): string => n.toFixed(digits);
export const thousands = (n: number): string => Math.round(n).toLocaleString("en-US");

export interface EngineRow {
  engine: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

export function engineTable(rows: readonly EngineRow[]): string {
  return markdownTable(
    ["engine", "seconds", "CPU seconds", "peak RSS MB"],
    rows.map((r) => [r.engine, fixed(r.seconds, 2), fixed(r.cpuSeconds, 2), fixed(r.peakRssMb, 0)]),
  );
}

export interface GrowthRow {
  scale: number;
  rows: number;
  kpi: EngineRow;
  duckdb: EngineRow | null;
}

export function growthTable(rows: readonly GrowthRow[]): string {
  return markdownTable(
    ["data", "rows (deals + activities)", "kpi s", "kpi peak RSS MB", "kpi rows/s", "DuckDB s", "DuckDB peak RSS MB", "kpi / DuckDB"],
    rows.map((r) => [
      `${r.scale}×`,
      thousands(r.rows),
      fixed(r.kpi.seconds, 2),
      fixed(r.kpi.peakRssMb, 0),
      thousands(r.rows / r.kpi.seconds),
      r.duckdb ? fixed(r.duckdb.seconds, 2) : "-",
      r.duckdb ? fixed(r.duckdb.peakRssMb, 0) : "-",
      r.duckdb ? fixed(r.kpi.seconds / r.duckdb.seconds, 2) : "-",
    ]),
  );
}
