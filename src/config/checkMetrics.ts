/** Semantic rules about metrics: aggregates over a source, or formulas over other metrics without cycles. */
import { parseExpression } from "../expr/parseExpression.js";
import { references } from "../expr/references.js";
import { didYouMean } from "../util/nearest.js";
import type { CheckContext, SemanticCheck } from "./checkContext.js";
import { checkExpression } from "./checkExpression.js";
import type { MetricConfig } from "./schema.js";
import { RESERVED_SOURCES, ROSTER, columnsOf, formulaScope, recordScope } from "./scopes.js";

export const checkMetrics: SemanticCheck = (ctx) => {
  for (const [name, metric] of Object.entries(ctx.config.metrics)) {
    if (metric.formula !== undefined) checkFormulaMetric(ctx, name, metric);
    else checkAggregateMetric(ctx, name, metric);
  }
  checkCycles(ctx);
};

function checkFormulaMetric(ctx: CheckContext, name: string, metric: MetricConfig): void {
  for (const key of ["source", "where", "date", "aggregate", "value"] as const) {
    if (metric[key] !== undefined) ctx.report(["metrics", name, key], `a formula metric has no "${key}": it is computed from other metrics`, { key: true });
  }
  if (metric.level === "team") ctx.report(["metrics", name, "level"], `a formula metric takes the level of the metrics it uses; remove "level"`, { key: true });
  checkExpression(ctx, ["metrics", name, "formula"], metric.formula ?? "", formulaScope(ctx.config));
}

/** Check that `source` names a record source; report and return false otherwise. */
export function checkRecordSource(ctx: CheckContext, path: readonly (string | number)[], source: string): boolean {
  const { sources } = ctx.config;
  const candidates = Object.keys(sources).filter((s) => !RESERVED_SOURCES.has(s));
  if (RESERVED_SOURCES.has(source)) {
    ctx.report(path, `"${source}" describes people or goals; a metric aggregates a record source`, { expected: candidates.join(", ") });
    return false;
  }
  if (!sources[source]) {
    ctx.report(path, `unknown source "${source}"${didYouMean(source, candidates)}`, { expected: candidates.join(", ") });
    return false;
  }
  if (!columnsOf(ctx.config, source).has("rep")) {
    ctx.report(path, `source "${source}" has no "rep" column, so its records cannot be given to reps`);
    return false;
  }
  return true;
}

/** Check that `column` is a date column of `source`. */
export function checkDateColumn(ctx: CheckContext, path: readonly (string | number)[], source: string, column: string | undefined): void {
  const columns = ctx.config.sources[source]?.columns ?? {};
  if (column === undefined) {
    ctx.report(path.slice(0, -1), `missing "date": the date column that places a record in a period`);
    return;
  }
  const spec = columns[column];
  if (!spec) ctx.report(path, `"${column}" is not a column of source "${source}"${didYouMean(column, Object.keys(columns))}`);
  else if (spec.type !== "date" && spec.type !== "datetime") ctx.report(path, `"${column}" must be a date column (type: date) to place records in periods; it is ${spec.type}`);
}

function checkAggregateMetric(ctx: CheckContext, name: string, metric: MetricConfig): void {
  const at = (key: string) => ["metrics", name, key];
  if (metric.source === undefined) {
    ctx.report(["metrics", name], `metric "${name}" needs either "source" and "aggregate", or "formula"`);
    return;
  }
  if (!checkRecordSource(ctx, at("source"), metric.source)) return;
  if (metric.aggregate === undefined) ctx.report(["metrics", name], `missing "aggregate"`, { expected: "sum | count | count_distinct | avg | min | max" });
  checkDateColumn(ctx, at("date"), metric.source, metric.date);
  const scope = recordScope(ctx.config, metric.source);
  if (metric.where !== undefined) checkExpression(ctx, at("where"), metric.where, scope);
  if (metric.value !== undefined) {
    if (metric.aggregate === "count") ctx.report(at("value"), `"count" counts records and uses no value; remove "value" or use count_distinct`, { key: true });
    else checkExpression(ctx, at("value"), metric.value, scope);
  } else if (metric.aggregate !== undefined && metric.aggregate !== "count") {
    ctx.report(["metrics", name], `"${metric.aggregate}" needs a "value": the column or expression it works on`);
  }
  if (metric.level === "team" && !columnsOf(ctx.config, ROSTER).has("team")) {
    ctx.report(at("level"), `level: team needs a "team" column in the roster`);
  }
}

function checkCycles(ctx: CheckContext): void {
  const uses = new Map<string, string[]>();
  for (const [name, metric] of Object.entries(ctx.config.metrics)) {
    if (metric.formula === undefined) continue;
    const parsed = parseExpression(metric.formula);
    if (!parsed.ok) continue;
    uses.set(name, references(parsed.expr).flatMap((ref) => (ref.kind === "name" ? [ref.name] : [])));
  }
  const state = new Map<string, "visiting" | "done">();
  const reported = new Set<string>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      const first = cycle[0] ?? name;
      if (!reported.has(first)) {
        for (const member of cycle) reported.add(member);
        ctx.report(["metrics", first, "formula"], `formula metrics form a cycle: ${cycle.join(" -> ")}`, { expected: "formulas that end in aggregate metrics" });
      }
      return;
    }
    state.set(name, "visiting");
    for (const next of uses.get(name) ?? []) if (uses.has(next)) visit(next, [...trail, name]);
    state.set(name, "done");
  };
  for (const name of uses.keys()) visit(name, []);
}
