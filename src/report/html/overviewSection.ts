/** The two summary charts: the score distribution with tier bands, and tier counts per team. */
import type { RepResult } from "../../engine/runResult.js";
import type { RunOutcome } from "../../runOutcome.js";
import { histogram, thresholdBands } from "./histogram.js";
import { html, type Html } from "./html.js";
import { tierBars, type TeamTierCounts } from "./tierBars.js";
import { NO_TIER_COLOUR, tierInfo, type TierInfo } from "./tierInfo.js";

const BIN_WIDTH = 10;

export function overviewSection(outcome: RunOutcome): Html {
  const reps = outcome.engine.reps;
  const { kind, tiers } = tierInfo(outcome.loaded.config);
  const scores = reps.flatMap((r) => (r.score === null ? [] : [r.score]));
  const unscored = reps.length - scores.length;
  const bands = kind === "threshold" ? thresholdBands(tiers) : [];
  const bandNote =
    kind === "threshold"
      ? "Shaded: the score range of each tier."
      : kind === "distribution"
        ? "Tiers are given by rank (a forced distribution), so they have no fixed score range; the counts are below."
        : "";
  const segmentKinds = withNoTier(tiers, reps);
  return html`<div class="charts">
<figure class="chart"><h3>Score distribution</h3>${histogram({ title: `Reps per ${BIN_WIDTH}-point score band`, scores, binWidth: BIN_WIDTH, bands })}
<figcaption>Reps per ${BIN_WIDTH}-point band of score. ${bandNote}${unscored > 0 ? ` ${unscored} rep${unscored === 1 ? " has" : "s have"} no score and ${unscored === 1 ? "is" : "are"} not shown.` : ""}</figcaption>
${tierCountList(tiers, segmentKinds, reps)}</figure>
<figure class="chart"><h3>Tiers per team</h3>${tierBars({ title: "Tier counts per team", tiers: segmentKinds, teams: teamCounts(reps, tiers, segmentKinds) })}
<figcaption>Reps of each team by tier, best tier on the left; the number after a bar is the team's reps.</figcaption></figure>
</div>`;
}

/** The config's tiers plus a "no tier" kind when some rep has none (no score, or no tiers configured). */
function withNoTier(tiers: readonly TierInfo[], reps: readonly RepResult[]): TierInfo[] {
  const untiered = reps.some((r) => !tiers.some((t) => t.name === r.tier));
  return untiered ? [...tiers, { name: "no tier", min: null, colour: NO_TIER_COLOUR }] : [...tiers];
}

/** The rep's position among the config's tiers, or one past the last (the "no tier" kind). */
function kindIndex(rep: RepResult, tiers: readonly TierInfo[]): number {
  const index = tiers.findIndex((t) => t.name === rep.tier);
  return index >= 0 ? index : tiers.length;
}

function teamCounts(reps: readonly RepResult[], tiers: readonly TierInfo[], kinds: readonly TierInfo[]): TeamTierCounts[] {
  const teams = [...new Set(reps.map((r) => r.rep.team ?? "(no team)"))].sort();
  return teams.map((team) => {
    const members = reps.filter((r) => (r.rep.team ?? "(no team)") === team);
    return { team, counts: kinds.map((_, i) => members.filter((m) => kindIndex(m, tiers) === i).length) };
  });
}

function tierCountList(tiers: readonly TierInfo[], kinds: readonly TierInfo[], reps: readonly RepResult[]): Html | null {
  if (kinds.length === 0) return null;
  return html`<ul class="tier-counts">${kinds.map((k, i) => html`<li><span class="key" style="background-color:${k.colour}"></span>${k.name}${k.min === null ? "" : ` ≥ ${k.min}`}: <strong>${reps.filter((r) => kindIndex(r, tiers) === i).length}</strong></li>`)}</ul>`;
}
