import { html, type Html } from "./html.js";
import type { TierInfo } from "./tierInfo.js";

/** A tier name on its tier colour (the xlsx's colours); "—" for a rep without a tier. */
export function tierBadge(tier: string | null, tiers: readonly TierInfo[]): Html {
  if (tier === null) return html`<span class="tier none">—</span>`;
  const found = tiers.find((t) => t.name === tier)?.colour ?? "";
  // only a #RRGGBB from the palette goes into CSS
  const colour = /^#[0-9A-Fa-f]{6}$/.test(found) ? found : "#D9D9D9";
  return html`<span class="tier" style="background-color:${colour}">${tier}</span>`;
}
