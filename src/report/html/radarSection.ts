/**
 * One radar card per rep, in rank order: the rep's dimension scores against
 * the average of the reps on the same scorecard, all on one scale.
 */
import type { RepResult } from "../../engine/runResult.js";
import type { RunOutcome } from "../../runOutcome.js";
import { html, type Html } from "./html.js";
import { radarChart, radarScaleMax, type RadarAxis } from "./radarChart.js";
import { repAnchor } from "./rankingTable.js";
import { scoreText } from "./scoreText.js";
import { tierBadge } from "./tierBadge.js";
import { tierInfo } from "./tierInfo.js";

interface ScorecardAverage {
  /** dimension -> mean of the non-null scores, null when nobody has one */
  means: Map<string, number | null>;
  reps: number;
}

/** Per scorecard, the mean of each dimension's score over the reps on it who have one. */
export function scorecardAverages(reps: readonly RepResult[], dimensionsOf: (scorecard: string) => readonly string[]): Map<string, ScorecardAverage> {
  const byCard = new Map<string, RepResult[]>();
  for (const r of reps) {
    const members = byCard.get(r.scorecard);
    if (members) members.push(r);
    else byCard.set(r.scorecard, [r]);
  }
  const averages = new Map<string, ScorecardAverage>();
  for (const [card, members] of byCard) {
    const means = new Map<string, number | null>();
    for (const d of dimensionsOf(card)) {
      const values = members.flatMap((m) => {
        const v = m.dimensions[d];
        return v === null || v === undefined ? [] : [v];
      });
      means.set(d, values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
    }
    averages.set(card, { means, reps: members.length });
  }
  return averages;
}

export function radarSection(outcome: RunOutcome): Html {
  const { config } = outcome.loaded;
  const reps = outcome.engine.reps;
  const dimensionsOf = (scorecard: string) => Object.keys(config.scorecards.find((c) => c.name === scorecard)?.dimensions ?? {});
  const averages = scorecardAverages(reps, dimensionsOf);
  const scaleMax = radarScaleMax(reps.flatMap((r) => Object.values(r.dimensions)));
  const tiers = tierInfo(config).tiers;
  const cards = reps.map((r, i) => {
    const average = averages.get(r.scorecard);
    const axes: RadarAxis[] = dimensionsOf(r.scorecard).map((d) => ({ label: d, value: r.dimensions[d] ?? null, average: average?.means.get(d) ?? null }));
    const title = `${r.rep.id}${r.rep.name === null ? "" : ` ${r.rep.name}`}`;
    const peers = average?.reps ?? 0;
    return html`<figure class="radar-card" id="${repAnchor(i)}"><div class="radar-head"><span class="rank">#${r.rank}</span> <strong>${r.rep.id}</strong> ${r.rep.name ?? ""} ${tierBadge(r.tier, tiers)} <span class="score">${scoreText(r.score)}</span><br><span class="muted">${r.rep.team ?? "(no team)"} · ${r.scorecard}</span></div>
${radarChart({ title, axes, scaleMax })}
<figcaption class="legend"><span class="key rep"></span>${r.rep.id} <span class="key avg"></span>average of ${r.scorecard} (${peers} rep${peers === 1 ? "" : "s"})</figcaption></figure>`;
  });
  return html`<p class="note">Dimension scores on a scale of 0 to ${scaleMax} (100 = on target, the bold ring), against the average of the reps on the same scorecard. A dimension left out of a rep's score shows as —.</p>
<div class="radars">${cards}</div>`;
}
