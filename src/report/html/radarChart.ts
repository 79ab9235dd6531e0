/**
 * One rep's dimension scores on a radar, against the average of the reps on
 * the same scorecard: an inline SVG with rings every 50 points (100 = on
 * target), one labelled axis per dimension, and two polygons.
 */
import { fixed } from "./fixed.js";
import { html, type Html } from "./html.js";
import { scoreText } from "./scoreText.js";
import { shorten } from "./shorten.js";

export interface Point {
  x: number;
  y: number;
}

export interface RadarAxis {
  label: string;
  /** the rep's dimension score; null when the dimension was left out */
  value: number | null;
  /** the scorecard average; null when no rep on it has the dimension */
  average: number | null;
}

export interface RadarInput {
  /** what the SVG shows, for screen readers: "R014 Zhou Jie" */
  title: string;
  axes: readonly RadarAxis[];
  /** the outer ring: the same for every radar of a report, so they compare */
  scaleMax: number;
}

const WIDTH = 340;
const CENTRE: Point = { x: 170, y: 44 + 96 };
const RADIUS = 96;
const RING_STEP = 50;
/** from an axis end to its label, and from the lowest label to the bottom edge */
const LABEL_GAP = 12;
const BOTTOM_MARGIN = 8;

/** Axis i points up for i = 0 and the others follow clockwise at equal angles. */
export function axisAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/** The vertices of a polygon: value v on axis i at distance v / scaleMax × radius, clamped to [0, scaleMax]; null counts as 0. */
export function radarPoints(values: readonly (number | null)[], scaleMax: number, centre: Point, radius: number): Point[] {
  return values.map((value, i) => {
    const share = Math.min(Math.max(value ?? 0, 0), scaleMax) / scaleMax;
    const angle = axisAngle(i, values.length);
    return { x: centre.x + share * radius * Math.cos(angle), y: centre.y + share * radius * Math.sin(angle) };
  });
}

/** The SVG `points` attribute: "x,y x,y" with two decimals. */
export function pointsAttribute(points: readonly Point[]): string {
  return points.map((p) => `${fixed(p.x)},${fixed(p.y)}`).join(" ");
}

/** The outer ring: 150 (the default attainment cap × 100) or the largest score shown, rounded up to a ring. */
export function radarScaleMax(values: readonly (number | null)[]): number {
  const largest = values.reduce<number>((max, v) => Math.max(max, v ?? 0), 150);
  return Math.ceil(largest / RING_STEP) * RING_STEP;
}

export function radarChart(input: RadarInput): Html {
  const { axes, scaleMax } = input;
  const n = axes.length;
  const rings = Array.from({ length: Math.floor(scaleMax / RING_STEP) }, (_, i) => (i + 1) * RING_STEP);
  const description = axes.map((a) => `${a.label} ${scoreText(a.value)} (average ${scoreText(a.average)})`).join(", ");
  const rep = radarPoints(axes.map((a) => a.value), scaleMax, CENTRE, RADIUS);
  const average = radarPoints(axes.map((a) => a.average), scaleMax, CENTRE, RADIUS);
  const height = Math.max(...axes.map((_, i) => labelY(i, n) + 13), CENTRE.y + RADIUS) + BOTTOM_MARGIN;
  return html`<svg class="radar" viewBox="0 0 ${WIDTH} ${fixed(height)}" role="img" aria-label="${input.title}: ${description}"><title>${input.title}: ${description}</title>
<g class="grid">${rings.map((ring) => ringShape(ring, n, scaleMax))}${axes.map((_, i) => spoke(i, n))}</g>
${rings.map((ring) => html`<text class="ring-label" x="${fixed(CENTRE.x + 3)}" y="${fixed(CENTRE.y - (ring / scaleMax) * RADIUS + 10)}">${ring}</text>`)}
${n === 0 ? null : html`<polygon class="avg" points="${pointsAttribute(average)}"/>`}
${n === 0 || axes.every((a) => a.value === null) ? null : html`<polygon class="rep" points="${pointsAttribute(rep)}"/>${rep.map((p) => html`<circle class="rep" cx="${fixed(p.x)}" cy="${fixed(p.y)}" r="3"/>`)}`}
${axes.map((axis, i) => axisLabel(axis, i, n))}
</svg>`;
}

function ringShape(ring: number, n: number, scaleMax: number): Html {
  const cls = ring === 100 ? "ring target" : "ring";
  if (n < 3) return html`<circle class="${cls}" cx="${fixed(CENTRE.x)}" cy="${fixed(CENTRE.y)}" r="${fixed((ring / scaleMax) * RADIUS)}"/>`;
  return html`<polygon class="${cls}" points="${pointsAttribute(radarPoints(Array.from({ length: n }, () => ring), scaleMax, CENTRE, RADIUS))}"/>`;
}

function spoke(index: number, n: number): Html {
  const end = outward(index, n, RADIUS);
  return html`<line x1="${fixed(CENTRE.x)}" y1="${fixed(CENTRE.y)}" x2="${fixed(end.x)}" y2="${fixed(end.y)}"/>`;
}

function outward(index: number, n: number, distance: number): Point {
  const angle = axisAngle(index, n);
  return { x: CENTRE.x + distance * Math.cos(angle), y: CENTRE.y + distance * Math.sin(angle) };
}

/** The baseline of an axis's name: above the top, below the bottom, centred beside the sides; its value goes 13 below. */
function labelY(index: number, n: number): number {
  const at = outward(index, n, RADIUS + LABEL_GAP);
  const sin = Math.sin(axisAngle(index, n));
  return sin < -0.2 ? at.y - 14 : sin > 0.2 ? at.y + 8 : at.y - 4;
}

/** The dimension's name and the rep's score, outside the outer ring, anchored away from the centre. */
function axisLabel(axis: RadarAxis, index: number, n: number): Html {
  const at = outward(index, n, RADIUS + LABEL_GAP);
  const cos = Math.cos(axisAngle(index, n));
  const anchor = Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
  const y = labelY(index, n);
  return html`<text class="axis" x="${fixed(at.x)}" y="${fixed(y)}" text-anchor="${anchor}"><title>${axis.label}</title>${shorten(axis.label, 14)}</text><text class="axis-value" x="${fixed(at.x)}" y="${fixed(y + 13)}" text-anchor="${anchor}">${scoreText(axis.value)}</text>`;
}

