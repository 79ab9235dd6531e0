/** The ranking as an HTML table: one row per rep in rank order, the rep id linking to the rep's radar. */
import { minorUnits } from "../../commission/minorUnits.js";
import type { RepPayout } from "../../commission/commissionResult.js";
import type { RunOutcome } from "../../runOutcome.js";
import { groupThousands } from "../../util/groupThousands.js";
import { dimensionNames } from "../reportWorkbook.js";
import { html, type Html } from "./html.js";
import { scoreText } from "./scoreText.js";
import { tierBadge } from "./tierBadge.js";
import { tierInfo } from "./tierInfo.js";

/** The anchor of the rep at `index` (0-based, rank order): built from the position, never from user text. */
export function repAnchor(index: number): string {
  return `rep-${index + 1}`;
}

export function rankingTable(outcome: RunOutcome): Html {
  const { config } = outcome.loaded;
  const dimensions = dimensionNames(outcome);
  const payouts = outcome.commission && outcome.commission.componentNames.length > 0 ? outcome.commission : null;
  const digits = minorUnits(config.currency);
  const tiers = tierInfo(config).tiers;
  const head = html`<tr><th class="num" scope="col">Rank</th><th scope="col">Rep</th><th scope="col">Name</th><th scope="col">Team</th><th scope="col">Scorecard</th><th scope="col">Tier</th><th class="num" scope="col">Score</th>${dimensions.map((d) => html`<th class="num" scope="col">${d}</th>`)}${payouts ? html`<th class="num" scope="col">Payout (${config.currency})</th><th scope="col">Review</th>` : null}</tr>`;
  const rows = outcome.engine.reps.map((r, i) => {
    const payout = payouts?.reps.get(r.rep.id);
    return html`<tr><td class="num">${r.rank}</td><th scope="row"><a href="#${repAnchor(i)}">${r.rep.id}</a></th><td>${r.rep.name ?? ""}</td><td>${r.rep.team ?? ""}</td><td>${r.scorecard}</td><td>${tierBadge(r.tier, tiers)}</td><td class="num score">${scoreText(r.score)}</td>${dimensions.map((d) => html`<td class="num">${scoreText(r.dimensions[d] ?? null)}</td>`)}${payouts ? payoutCells(payout, digits) : null}</tr>`;
  });
  return html`<div class="table-wrap" role="region" aria-label="Ranking" tabindex="0"><table class="ranking"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function payoutCells(payout: RepPayout | undefined, digits: number): Html {
  if (!payout) return html`<td class="num">—</td><td></td>`;
  const review = payout.needsReview ? html`<span class="review" title="an error anomaly names this rep: check the data before paying">⚠ review</span>` : null;
  return html`<td class="num">${groupThousands(payout.total.toFixed(digits))}</td><td>${review}</td>`;
}
