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
      { header: "File", format: "text" },
      { header: "Row", format: "integer" },
      { header: "Column", format: "text" },
      { header: "Value", format: "text" },
      { header: "Message", format: "text", width: 80 },
    ],
    rows: anomalies.map((a) => [a.severity, a.code, a.rep, a.metric, a.source, a.file, a.row, a.column, a.value, a.message]),
    rowStyles: anomalies.map((a) => (a.severity === "error" ? "highlight" : undefined)),
  };
}
