/** Semantic rules about the anomaly checks and rules. */
import type { SemanticCheck } from "./checkContext.js";
import { checkExpression } from "./checkExpression.js";
import { checkMetricName } from "./checkScoring.js";
import { resultScope } from "./scopes.js";

export const checkAnomalies: SemanticCheck = (ctx) => {
  const anomalies = ctx.config.anomalies;
  if (!anomalies) return;
  for (const key of ["outliers", "change"] as const) {
    anomalies[key]?.metrics.forEach((metric, index) => checkMetricName(ctx, ["anomalies", key, "metrics", index], metric));
  }
  if (anomalies.period_end_share) {
    const { metric } = anomalies.period_end_share;
    if (checkMetricName(ctx, ["anomalies", "period_end_share", "metric"], metric)) {
      const spec = ctx.config.metrics[metric];
      if (spec?.source === undefined) ctx.report(["anomalies", "period_end_share", "metric"], `"${metric}" is a formula; period_end_share needs a metric aggregated from records`);
    }
  }
  const scope = resultScope(ctx.config, true);
  anomalies.rules.forEach((rule, index) => checkExpression(ctx, ["anomalies", "rules", index, "when"], rule.when, scope));
};
