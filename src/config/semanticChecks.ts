/** Step 3 of loading a config: the rules that need more than one key at a time, in file order. */
import type { SemanticCheck } from "./checkContext.js";
import { checkAnomalies } from "./checkAnomalies.js";
import { checkCommission } from "./checkCommission.js";
import { checkMetrics } from "./checkMetrics.js";
import { checkRanking, checkScorecards, checkTargets, checkTiers } from "./checkScoring.js";
import { checkSources } from "./checkSources.js";
import { checkFx } from "./checkFx.js";

export const semanticChecks: readonly SemanticCheck[] = [
  checkSources,
  checkFx,
  checkMetrics,
  checkTargets,
  checkScorecards,
  checkTiers,
  checkRanking,
  checkCommission,
  checkAnomalies,
];
