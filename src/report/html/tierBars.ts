/**
 * Tier counts per team as horizontal stacked bars: one bar per team, one
 * segment per tier (best tier on the left), lengths on one scale so team
 * sizes compare.
 */
import { fixed } from "./fixed.js";
import { html, type Html } from "./html.js";
import { shorten } from "./shorten.js";

export interface TierSegmentKind {
  name: string;
  /** #RRGGBB */
  colour: string;
}

export interface TeamTierCounts {
  team: string;
  /** one count per tier, in the order of `tiers` */
  counts: readonly number[];
}

export interface TierBarsInput {
  title: string;
  tiers: readonly TierSegmentKind[];
  teams: readonly TeamTierCounts[];
}

const WIDTH = 560;
const LABEL_WIDTH = 112;
const TOTAL_WIDTH = 36;
const ROW = 28;
const BAR = 18;
const TOP = 6;

export function tierBars(input: TierBarsInput): Html {
  if (input.teams.length === 0) return html`<p class="empty">No rep is scored.</p>`;
  const largest = Math.max(1, ...input.teams.map((t) => t.counts.reduce((a, b) => a + b, 0)));
  const unit = (WIDTH - LABEL_WIDTH - TOTAL_WIDTH) / largest;
  const height = TOP * 2 + ROW * input.teams.length;
  return html`<svg class="tier-bars" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${input.title}"><title>${input.title}</title>
${input.teams.map((team, row) => teamRow(team, row, input.tiers, unit))}
</svg>`;
}

function teamRow(team: TeamTierCounts, row: number, tiers: readonly TierSegmentKind[], unit: number): Html {
  const y = TOP + row * ROW + (ROW - BAR) / 2;
  const total = team.counts.reduce((a, b) => a + b, 0);
  const segments: Html[] = [];
  let x = LABEL_WIDTH;
  team.counts.forEach((count, i) => {
    const tier = tiers[i];
    if (count === 0 || !tier) return;
    const width = count * unit;
    segments.push(
      html`<g class="segment"><rect x="${fixed(x)}" y="${fixed(y)}" width="${fixed(width)}" height="${BAR}" fill="${tier.colour}"><title>${team.team}, tier ${tier.name}: ${count}</title></rect>${width >= 14 ? html`<text x="${fixed(x + width / 2)}" y="${fixed(y + BAR / 2 + 4)}" text-anchor="middle">${count}</text>` : null}</g>`,
    );
    x += width;
  });
  return html`<g class="team"><text class="team-label" x="${LABEL_WIDTH - 8}" y="${fixed(y + BAR / 2 + 4)}" text-anchor="end"><title>${team.team}</title>${shorten(team.team, 16)}</text>${segments}<text class="total" x="${fixed(x + 6)}" y="${fixed(y + BAR / 2 + 4)}">${total}</text></g>`;
}
