/** The anomalies as tables, one per severity (errors first), each row with its file:row. */
import { SEVERITY_ORDER, type Anomaly, type Severity } from "../../anomalies/anomaly.js";
import { html, type Html } from "./html.js";

/** More than this per severity are counted, not listed: anomalies.xlsx has them all. */
export const ANOMALIES_SHOWN = 200;

const HEADINGS: Record<Severity, [string, string]> = { error: ["Error", "Errors"], warning: ["Warning", "Warnings"], info: ["Info", "Info"] };

/** `data/deals.csv:17`, the file alone, or "" when the anomaly is about no file. */
export function anomalyWhere(a: Anomaly): string {
  if (a.file === null) return "";
  return a.row === null ? a.file : `${a.file}:${a.row}`;
}

export function anomaliesSection(anomalies: readonly Anomaly[]): Html {
  if (anomalies.length === 0) return html`<p class="empty">No anomalies.</p>`;
  const severities = (Object.keys(SEVERITY_ORDER) as Severity[]).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);
  return html`${severities.map((severity) => severityGroup(severity, anomalies.filter((a) => a.severity === severity)))}`;
}

function severityGroup(severity: Severity, group: readonly Anomaly[]): Html | null {
  if (group.length === 0) return null;
  const [one, many] = HEADINGS[severity];
  const shown = group.slice(0, ANOMALIES_SHOWN);
  const rest = group.length - shown.length;
  return html`<h3 class="severity-heading"><span class="sev ${severity}">${group.length === 1 ? one : many}</span> ${group.length}</h3>
<div class="table-wrap" role="region" aria-label="${many}" tabindex="0"><table class="anomalies ${severity}"><thead><tr><th scope="col">Code</th><th scope="col">Rep</th><th scope="col">Metric</th><th scope="col">File:row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Message</th></tr></thead>
<tbody>${shown.map((a) => html`<tr><td><code>${a.code}</code></td><td>${a.rep ?? ""}</td><td>${a.metric ?? ""}</td><td class="where">${anomalyWhere(a)}</td><td>${a.column ?? ""}</td><td class="value">${a.value === null ? "" : html`<code>${a.value}</code>`}</td><td class="msg">${a.message}</td></tr>`)}</tbody></table></div>
${rest > 0 ? html`<p class="note">… and ${rest} more ${many.toLowerCase()}: anomalies.xlsx lists them all.</p>` : null}`;
}
