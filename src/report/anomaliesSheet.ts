/** The Anomalies sheet, the same in report.xlsx and anomalies.xlsx. */
import type { Anomaly } from "../anomalies/anomaly.js";
import type { Sheet } from "./workbookModel.js";

export function anomaliesSheet(anomalies: readonly Anomaly[]): Sheet {
  return {
    name: "Anomalies",
    columns: [
      { header: "Severity", format: "text" },
      { header: "Code", format: "text" },
      { header: "Rep", format: "text" },
      { header: "Metric", format: "text" },
      { header: "Source", format: "text" },
      { header: "Row", format: "integer" },
      { header: "Column", format: "text" },
      { header: "Value", format: "text" },
      { header: "Message", format: "text", width: 80 },
      { header: "File", format: "text" },
    ],
    rows: anomalies.map((a) => [a.severity, a.code, clip(a.rep), a.metric, a.source, a.row, clip(a.column), clip(a.value), clip(a.message, 2000), a.file]),
    rowStyles: anomalies.map((a) => (a.severity === "error" ? "highlight" : undefined)),
  };
}

/** Raw cell values can be huge (a 1 MiB hostile cell); a sheet shows their start. */
export function clip(text: string | null, max = 200): string | null {
  if (text === null || text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}
