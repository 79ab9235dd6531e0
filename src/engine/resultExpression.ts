/**
 * Expressions over a scored rep — `gate`, bonus and multiplier `when`, and
 * anomaly rules: `score`, `tier`, `dimension.NAME`, `metric.NAME`,
 * `attainment.NAME` (uncapped) and `change.NAME`.
 */
import { compileExpression } from "../expr/compileExpression.js";
import { parseExpression } from "../expr/parseExpression.js";
import type { Value } from "../expr/value.js";
import { Dec } from "../money.js";
import type { RepResult } from "./runResult.js";

export interface RepResultContext {
  rep: RepResult;
  /** metric -> relative change against the previous period (null when it cannot be computed) */
  change?: ReadonlyMap<string, number | null>;
}

export type ResultFn = (ctx: RepResultContext) => Value;

const number = (n: number | null | undefined): Value => (n === null || n === undefined ? null : new Dec(n));

export function compileResultExpression(text: string): ResultFn {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`internal: "${text}" passed the config checks but does not parse: ${parsed.error.message}`);
  return compileExpression<RepResultContext>(parsed.expr, (ref) => {
    if (ref.kind === "name") {
      if (ref.name === "score") return (ctx) => number(ctx.rep.score);
      if (ref.name === "tier") return (ctx) => ctx.rep.tier;
      return () => null;
    }
    const { object, property } = ref;
    switch (object) {
      case "dimension":
        return (ctx) => number(ctx.rep.dimensions[property]);
      case "metric":
        return (ctx) => ctx.rep.metrics[property]?.actual ?? null;
      case "attainment":
        return (ctx) => number(ctx.rep.metrics[property]?.attainment);
      case "change":
        return (ctx) => number(ctx.change?.get(property));
      default:
        return () => null;
    }
  });
}
