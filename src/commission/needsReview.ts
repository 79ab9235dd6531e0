/**
 * Reps whose payout needs a human look: every rep named by an `error`
 * anomaly, by id or by the raw rep cell of a rejected row (a name, an email),
 * whatever that row's date.
 */
import type { Anomaly } from "../anomalies/anomaly.js";
import { RepMatcher } from "../engine/repMatcher.js";
import type { Rep } from "../engine/roster.js";

export function repsNeedingReview(anomalies: readonly Anomaly[], reps: readonly Rep[], matchColumns: readonly string[]): Set<string> {
  const matcher = new RepMatcher(reps, matchColumns);
  const flagged = new Set<string>();
  for (const a of anomalies) {
    if (a.severity !== "error" || a.rep === null) continue;
    const match = matcher.match(a.rep);
    if (match.kind === "rep") flagged.add(match.rep.id);
    else if (match.kind === "ambiguous") for (const rep of match.reps) flagged.add(rep.id);
  }
  return flagged;
}
