/** Semantic rules about targets, scorecards, tiers, ranking and awards. */
import { Dec } from "../money.js";
import { didYouMean } from "../util/nearest.js";
import type { CheckContext, SemanticCheck } from "./checkContext.js";
import { checkExpression } from "./checkExpression.js";
import type { ConfigPath } from "./positions.js";
import { ROSTER, columnsOf, rosterScope } from "./scopes.js";

/** Report when `metric` is not a metric of the config. */
export function checkMetricName(ctx: CheckContext, path: ConfigPath, metric: string, options: { key?: boolean } = {}): boolean {
  const metrics = Object.keys(ctx.config.metrics);
  if (ctx.config.metrics[metric]) return true;
  ctx.report(path, `unknown metric "${metric}"${didYouMean(metric, metrics)}`, { ...options, expected: `one of ${metrics.join(", ")}` });
  return false;
}

export const checkTargets: SemanticCheck = (ctx) => {
  const roster = columnsOf(ctx.config, ROSTER);
  for (const [metric, target] of Object.entries(ctx.config.targets)) {
    checkMetricName(ctx, ["targets", metric], metric, { key: true });
    for (const [key, column] of [["by_role", "role"], ["by_team", "team"], ["by_region", "region"]] as const) {
      if (target[key] !== undefined && !roster.has(column)) ctx.report(["targets", metric, key], `${key} needs a "${column}" column in the roster`, { key: true });
    }
  }
};

export const checkScorecards: SemanticCheck = (ctx) => {
  const { scorecards } = ctx.config;
  const names = new Set<string>();
  scorecards.forEach((card, index) => {
    const at = (...rest: (string | number)[]) => ["scorecards", index, ...rest];
    if (names.has(card.name)) ctx.report(at("name"), `scorecard "${card.name}" is defined twice`);
    names.add(card.name);
    const last = index === scorecards.length - 1;
    if (card.applies_to === undefined && !last) {
      ctx.report(at("name"), `only the last scorecard may omit "applies_to": scorecard "${card.name}" would hide the ones after it`, { expected: "an applies_to, or this scorecard moved last" });
    }
    if (card.applies_to !== undefined) {
      checkExpression(ctx, at("applies_to"), card.applies_to, rosterScope(ctx.config));
      if (last) ctx.report(at("applies_to"), `the last scorecard must have no "applies_to": it is the one for every rep the others do not take`, { key: true });
    }
    const dimensions = Object.entries(card.dimensions);
    if (dimensions.length === 0) ctx.report(at("dimensions"), `scorecard "${card.name}" has no dimensions`);
    for (const [dimension, spec] of dimensions) {
      if (!(spec.weight > 0)) ctx.report(at("dimensions", dimension, "weight"), `weights must be positive; ${spec.weight} is not`, { expected: "a number above 0" });
      const metrics = Object.entries(spec.metrics);
      if (metrics.length === 0) ctx.report(at("dimensions", dimension, "metrics"), `dimension "${dimension}" has no metrics`);
      for (const [metric, weight] of metrics) {
        checkMetricName(ctx, at("dimensions", dimension, "metrics", metric), metric, { key: true });
        if (!(weight > 0)) ctx.report(at("dimensions", dimension, "metrics", metric), `weights must be positive; ${weight} is not`, { expected: "a number above 0" });
      }
    }
  });
};

export const checkTiers: SemanticCheck = (ctx) => {
  const { tiers } = ctx.config;
  if (tiers === undefined) return;
  if (Array.isArray(tiers)) {
    let previous: number | null = null;
    tiers.forEach((tier, index) => {
      const last = index === tiers.length - 1;
      if (tier.min === undefined && !last) ctx.report(["tiers", index], `tier "${tier.name}" has no "min"; only the last tier may omit it`);
      if (tier.min !== undefined && previous !== null && tier.min >= previous) {
        ctx.report(["tiers", index, "min"], `tiers must be in descending order of min: ${tier.min} comes after ${previous}`, { expected: `a min below ${previous}` });
      }
      if (tier.min !== undefined) previous = tier.min;
    });
    const names = tiers.map((t) => t.name);
    names.forEach((n, i) => names.indexOf(n) !== i && ctx.report(["tiers", i, "name"], `tier "${n}" is defined twice`));
    return;
  }
  const total = Object.values(tiers.distribution).reduce((sum, share) => sum.plus(parseShare(share)), new Dec(0));
  if (!total.eq(1)) ctx.report(["tiers", "distribution"], `the shares of a distribution must add up to 100%; they add up to ${total.times(100).toString()}%`);
};

export function parseShare(share: number | string): Dec {
  return typeof share === "number" ? new Dec(String(share)) : new Dec(share.slice(0, -1)).div(100);
}

export const checkRanking: SemanticCheck = (ctx) => {
  ctx.config.ranking.tie_break.forEach((metric, index) => {
    if (metric !== "rep") checkMetricName(ctx, ["ranking", "tie_break", index], metric);
  });
  const roster = columnsOf(ctx.config, ROSTER);
  ctx.config.ranking.within.forEach((column, index) => {
    if (!roster.has(column)) ctx.report(["ranking", "within", index], `"${column}" is not a roster column${didYouMean(column, roster)}`, { expected: [...roster].join(", ") });
  });
  ctx.config.awards.forEach((award, index) => checkMetricName(ctx, ["awards", index, "by"], award.by));
};
