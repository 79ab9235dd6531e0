/**
 * The score distribution: reps counted in bins of equal width, as an inline
 * SVG bar chart with the tiers' score bands shaded behind the bars.
 */
import { fixed } from "./fixed.js";
import { html, type Html } from "./html.js";

export interface Bin {
  /** inclusive */
  from: number;
  /** exclusive */
  to: number;
  count: number;
}

/** A tier's score range: [from, to), null for unbounded. */
export interface ScoreBand {
  name: string;
  from: number | null;
  to: number | null;
  /** #RRGGBB */
  colour: string;
}

export interface HistogramInput {
  title: string;
  scores: readonly number[];
  binWidth: number;
  bands: readonly ScoreBand[];
}

/**
 * Bins [k·w, (k+1)·w) from the one holding the lowest score to the one
 * holding the highest (a score on a bound goes to the upper bin); empty
 * bins in between are kept so the axis stays linear.
 */
export function histogramBins(scores: readonly number[], binWidth: number): Bin[] {
  if (scores.length === 0) return [];
  const first = Math.floor(scores.reduce((min, s) => Math.min(min, s), Infinity) / binWidth);
  const last = Math.floor(scores.reduce((max, s) => Math.max(max, s), -Infinity) / binWidth);
  const bins: Bin[] = [];
  for (let k = first; k <= last; k++) bins.push({ from: k * binWidth, to: (k + 1) * binWidth, count: 0 });
  for (const score of scores) {
    const bin = bins[Math.floor(score / binWidth) - first];
    if (bin) bin.count++;
  }
  return bins;
}

/** Threshold tiers (best first) as score bands: tier i spans [its min, the min of the tier above); the last one has no floor. */
export function thresholdBands(tiers: readonly { name: string; min: number | null; colour: string }[]): ScoreBand[] {
  return tiers.map((tier, i) => ({ name: tier.name, from: tier.min, to: i === 0 ? null : (tiers[i - 1]?.min ?? null), colour: tier.colour }));
}

const SIZE = { width: 560, height: 262 };
const PLOT = { left: 34, right: 548, top: 42, bottom: 226 };

export function histogram(input: HistogramInput): Html {
  const bins = histogramBins(input.scores, input.binWidth);
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return html`<p class="empty">No rep has a score.</p>`;
  const lo = first.from;
  const hi = last.to;
  const x = (score: number) => PLOT.left + ((score - lo) / (hi - lo)) * (PLOT.right - PLOT.left);
  const highest = Math.max(...bins.map((b) => b.count));
  const step = Math.max(1, Math.ceil(highest / 5));
  const top = Math.ceil(highest / step) * step;
  const y = (count: number) => PLOT.bottom - (count / top) * (PLOT.bottom - PLOT.top);
  const gridCounts = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const tickEvery = bins.length > 12 ? 2 : 1;
  const ticks = [...bins.map((b) => b.from), hi].filter((_, i) => i % tickEvery === 0);
  return html`<svg class="histogram" viewBox="0 0 ${SIZE.width} ${SIZE.height}" role="img" aria-label="${input.title}"><title>${input.title}</title>
${input.bands.map((band) => bandShape(band, lo, hi, x))}
<g class="grid">${gridCounts.map((c) => html`<line x1="${PLOT.left}" y1="${fixed(y(c))}" x2="${PLOT.right}" y2="${fixed(y(c))}"/><text class="tick" x="${PLOT.left - 6}" y="${fixed(y(c) + 4)}" text-anchor="end">${c}</text>`)}</g>
${bins.map((bin) => barShape(bin, x, y))}
<g class="x-axis">${ticks.map((t) => html`<text class="tick" x="${fixed(x(t))}" y="${PLOT.bottom + 16}" text-anchor="middle">${t}</text>`)}<text class="axis-title" x="${fixed((PLOT.left + PLOT.right) / 2)}" y="${PLOT.bottom + 33}" text-anchor="middle">score</text></g>
</svg>`;
}

function bandShape(band: ScoreBand, lo: number, hi: number, x: (score: number) => number): Html | null {
  const from = Math.max(band.from ?? lo, lo);
  const to = Math.min(band.to ?? hi, hi);
  if (to <= from) return null;
  const width = x(to) - x(from);
  return html`<g class="band"><rect x="${fixed(x(from))}" y="${PLOT.top - 16}" width="${fixed(width)}" height="${PLOT.bottom - PLOT.top + 16}" fill="${band.colour}"/><text class="band-label" x="${fixed(x(from) + width / 2)}" y="${PLOT.top - 22}" text-anchor="middle">${band.name}</text></g>`;
}

function barShape(bin: Bin, x: (score: number) => number, y: (count: number) => number): Html | null {
  if (bin.count === 0) return null;
  const left = x(bin.from) + 1;
  const width = Math.max(x(bin.to) - x(bin.from) - 2, 1);
  return html`<g class="bar"><rect x="${fixed(left)}" y="${fixed(y(bin.count))}" width="${fixed(width)}" height="${fixed(PLOT.bottom - y(bin.count))}"><title>${bin.from}–${bin.to}: ${bin.count}</title></rect><text x="${fixed(left + width / 2)}" y="${fixed(y(bin.count) - 3)}" text-anchor="middle">${bin.count}</text></g>`;
}
