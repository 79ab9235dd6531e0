/**
 * The report's one style sheet, inlined: system fonts only, light colours,
 * tables that scroll sideways inside their wrapper on a phone, radars that
 * wrap, and a print layout (white background, page breaks between the big
 * sections, radars three to a row).
 */
export const STYLES = `
:root { color-scheme: light; --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --soft: #f3f4f6; --accent: #2563eb; --avg: #6b7280; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 0 0 8px; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
.muted, .note, figcaption { color: var(--muted); }
.note { margin: 0 0 12px; }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.75rem; }
.report-header { border-bottom: 2px solid var(--line); padding-bottom: 12px; }
.stats { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 12px 0 0; }
.stats div { min-width: 0; }
.stats dt { color: var(--muted); font-size: 0.8rem; }
.stats dd { margin: 0; font-size: 1.15rem; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.stats .sev { font-size: 0.85rem; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 12px 0 0; font-size: 0.9rem; }
.table-wrap { max-width: 100%; overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
tbody th { font-weight: 600; }
tbody tr:last-child > * { border-bottom: none; }
.num { text-align: right; }
td.score { font-weight: 600; }
td.msg { white-space: normal; min-width: 18rem; }
td.value { min-width: 9rem; white-space: normal; }
td.value code { white-space: pre-wrap; overflow-wrap: anywhere; }
.tier { display: inline-block; min-width: 1.9em; padding: 0 6px; border-radius: 4px; text-align: center; font-weight: 700; color: #111827; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tier.none { color: var(--muted); }
.review { color: #b45309; font-weight: 600; }
.sev { display: inline-block; padding: 0 8px; border-radius: 10px; font-weight: 600; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sev.error { background: #fee2e2; color: #991b1b; }
.sev.warning { background: #fef3c7; color: #92400e; }
.sev.info { background: #dbeafe; color: #1e40af; }
.severity-heading { margin: 20px 0 8px; }
.empty { color: var(--muted); font-style: italic; }
figure { margin: 0; min-width: 0; }
svg { display: block; width: 100%; height: auto; font-family: inherit; }
svg text { fill: var(--fg); font-size: 11px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 16px 32px; }
.chart figcaption { font-size: 0.85rem; margin-top: 4px; }
.histogram .band rect { opacity: 0.45; }
.histogram .band-label { font-weight: 700; }
.histogram .bar rect { fill: #334155; }
.histogram .grid line { stroke: var(--line); }
.histogram .tick, .histogram .axis-title { fill: var(--muted); }
.tier-bars .segment rect { stroke: #fff; stroke-width: 1; }
.tier-bars .segment text, .tier-bars .total { font-weight: 600; }
.tier-counts { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 8px 0 0; font-size: 0.9rem; }
.key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.key.rep { background: var(--accent); opacity: 0.8; }
.key.avg { border: 2px dashed var(--avg); }
.radars { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr)); gap: 12px; }
.radar-card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; break-inside: avoid; page-break-inside: avoid; }
.radar-head { overflow-wrap: anywhere; }
.radar-head .rank { color: var(--muted); font-variant-numeric: tabular-nums; }
.radar-head .score { font-weight: 700; font-variant-numeric: tabular-nums; }
.radar .ring { fill: none; stroke: var(--line); }
.radar .ring.target { stroke: #9ca3af; stroke-width: 1.5; }
.radar .grid line { stroke: var(--line); }
.radar .ring-label { fill: #9ca3af; font-size: 9px; }
.radar polygon.rep { fill: var(--accent); fill-opacity: 0.22; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; }
.radar circle.rep { fill: var(--accent); }
.radar polygon.avg { fill: none; stroke: var(--avg); stroke-width: 1.5; stroke-dasharray: 5 3; }
.radar text { font-size: 12px; }
.radar .axis { font-weight: 600; }
.radar .axis-value { fill: var(--accent); font-weight: 600; }
.radar-card .legend { font-size: 0.8rem; }
.radar-card .legend .key.avg { margin-left: 8px; }
footer { margin: 40px 0 16px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.8rem; overflow-wrap: anywhere; }
@media (max-width: 480px) {
  main { padding: 10px; }
  h1 { font-size: 1.3rem; }
  th, td { padding: 4px 6px; }
}
@media print {
  @page { margin: 12mm; }
  body { font-size: 9pt; background: #fff; color: #000; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  .page { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; border: none; }
  thead { display: table-header-group; }
  thead th { background: none; border-bottom: 1.5px solid #000; }
  tr, figure, .radar-card { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: 2px 4px; white-space: normal; }
  table { font-size: 8pt; }
  td.msg { min-width: 0; }
  .charts { grid-template-columns: 1fr 1fr; }
  .radars { grid-template-columns: repeat(3, 1fr); gap: 8px; }
}
`;
