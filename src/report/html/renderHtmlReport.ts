/**
 * `report.html`: one self-contained page (inline CSS and SVG, no script, no
 * network; a Content-Security-Policy says so to the browser) with the
 * header, the summary charts, the ranking, a radar per rep and the
 * anomalies. Pure and deterministic: the same outcome gives the same string.
 */
import type { Anomaly } from "../../anomalies/anomaly.js";
import { moneyFixed } from "../../commission/minorUnits.js";
import { formatPeriod } from "../../engine/period.js";
import type { RunOutcome } from "../../runOutcome.js";
import { groupThousands } from "../../util/groupThousands.js";
import { anomaliesSection } from "./anomaliesSection.js";
import { html, trustedHtml, type Html } from "./html.js";
import { overviewSection } from "./overviewSection.js";
import { radarSection } from "./radarSection.js";
import { rankingTable } from "./rankingTable.js";
import { STYLES } from "./styles.js";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function renderHtmlReport(outcome: RunOutcome): string {
  const { loaded } = outcome;
  const name = loaded.config.name ?? "KPI report";
  const period = formatPeriod(outcome.period);
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kpi ${outcome.version}">
<title>${name} · ${period}</title>
<style>${trustedHtml(STYLES)}</style>
</head>
<body>
<main>
${header(outcome, name, period)}
<section id="overview" aria-labelledby="overview-title"><h2 id="overview-title">Overview</h2>
${overviewSection(outcome)}
</section>
<section id="ranking" class="page" aria-labelledby="ranking-title"><h2 id="ranking-title">Ranking</h2>
${rankingTable(outcome)}
</section>
<section id="radars" class="page" aria-labelledby="radars-title"><h2 id="radars-title">Dimension scores per rep</h2>
${radarSection(outcome)}
</section>
<section id="anomalies" class="page" aria-labelledby="anomalies-title"><h2 id="anomalies-title">Anomalies</h2>
${anomaliesSection(outcome.anomalies)}
</section>
<footer>kpi ${outcome.version} · config ${loaded.file} (sha256 ${loaded.sha256}) · period ${period} · ${sourcesLine(outcome)}</footer>
</main>
</body>
</html>
`;
  return page.text;
}

function header(outcome: RunOutcome, name: string, period: string): Html {
  const { currency } = outcome.loaded.config;
  const payouts = outcome.commission && outcome.commission.componentNames.length > 0 ? outcome.commission : null;
  const review = payouts ? [...payouts.reps.values()].filter((p) => p.needsReview).length : 0;
  const total = payouts ? `${groupThousands(moneyFixed(payouts.grandTotal, currency))} ${currency}` : "—";
  return html`<header class="report-header">
<p class="eyebrow">KPI report</p>
<h1>${name}</h1>
<dl class="stats">
<div><dt>Period</dt><dd>${period}</dd></div>
<div><dt>Reps scored</dt><dd>${outcome.engine.reps.length}</dd></div>
<div><dt>Total payout</dt><dd>${total}</dd></div>
${review > 0 ? html`<div><dt>Needs review</dt><dd><span class="review">⚠ ${review} rep${review === 1 ? "" : "s"}</span></dd></div>` : null}
<div><dt>Anomalies</dt><dd>${anomalyCounts(outcome.anomalies)}</dd></div>
</dl>
<nav class="toc" aria-label="Sections"><a href="#overview">Overview</a><a href="#ranking">Ranking</a><a href="#radars">Radars</a><a href="#anomalies">Anomalies</a></nav>
</header>`;
}

function anomalyCounts(anomalies: readonly Anomaly[]): Html {
  const count = (severity: Anomaly["severity"]) => anomalies.filter((a) => a.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  return html`<span class="sev error">${errors} error${errors === 1 ? "" : "s"}</span> <span class="sev warning">${warnings} warning${warnings === 1 ? "" : "s"}</span> <span class="sev info">${count("info")} info</span>`;
}

/** Row accounting per source: read = accepted + rejected + duplicates. */
function sourcesLine(outcome: RunOutcome): string {
  return [...outcome.ingested.sources]
    .map(([source, data]) => `${source}: ${data.accounting.read} read, ${data.accounting.accepted} accepted, ${data.accounting.rejected} rejected, ${data.accounting.duplicates} duplicates`)
    .join("; ");
}
