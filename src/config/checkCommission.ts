/** Semantic rules about commission plans and their components. */
import { Dec } from "../money.js";
import type { SemanticCheck } from "./checkContext.js";
import { checkExpression } from "./checkExpression.js";
import { checkDateColumn, checkRecordSource } from "./checkMetrics.js";
import { checkMetricName } from "./checkScoring.js";
import { recordScope, resultScope, rosterScope } from "./scopes.js";

export const checkCommission: SemanticCheck = (ctx) => {
  const plans = ctx.config.commission?.plans ?? [];
  const results = resultScope(ctx.config, false);
  plans.forEach((plan, p) => {
    const at = (...rest: (string | number)[]) => ["commission", "plans", p, ...rest];
    if (plan.applies_to !== undefined) checkExpression(ctx, at("applies_to"), plan.applies_to, rosterScope(ctx.config));
    if (plan.gate !== undefined) checkExpression(ctx, at("gate"), plan.gate, results);
    if (plan.cap !== undefined && new Dec(plan.cap).lt(0)) ctx.report(at("cap"), `a cap must not be negative`);
    const names = new Set<string>();
    plan.components.forEach((component, c) => {
      const here = (...rest: (string | number)[]) => at("components", c, ...rest);
      if (names.has(component.name)) ctx.report(here("name"), `component "${component.name}" appears twice in plan "${plan.name}"`);
      names.add(component.name);
      switch (component.type) {
        case "tiered": {
          checkMetricName(ctx, here("base"), component.base);
          let previous: Dec | null = null;
          component.tiers.forEach((tier, t) => {
            const last = t === component.tiers.length - 1;
            if (tier.upto === undefined && !last) ctx.report(here("tiers", t), `only the last tier may omit "upto"`);
            if (tier.upto !== undefined && last) ctx.report(here("tiers", t, "upto"), `the last tier has no upper bound; remove "upto"`, { key: true });
            if (tier.upto !== undefined) {
              const upto = new Dec(tier.upto);
              if (previous !== null && upto.lte(previous)) ctx.report(here("tiers", t, "upto"), `tiers must be in ascending order of upto: ${upto.toString()} comes after ${previous.toString()}`);
              previous = upto;
            }
          });
          break;
        }
        case "per_record": {
          if (!checkRecordSource(ctx, here("source"), component.source)) break;
          checkDateColumn(ctx, here("date"), component.source, component.date);
          const scope = recordScope(ctx.config, component.source);
          if (component.where !== undefined) checkExpression(ctx, here("where"), component.where, scope);
          if (component.value !== undefined) checkExpression(ctx, here("value"), component.value, scope);
          if ((component.rate === undefined) === (component.amount === undefined)) {
            ctx.report(here("name"), `a per_record component pays either a "rate" of each record's value or a fixed "amount" per record`, { expected: "exactly one of rate, amount" });
          }
          break;
        }
        case "bonus":
          checkExpression(ctx, here("when"), component.when, results);
          break;
        case "multiplier":
          component.table.forEach((row, r) => checkExpression(ctx, here("table", r, "when"), row.when, results));
          break;
      }
    });
  });
};
