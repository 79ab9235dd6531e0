/**
 * Formula metrics, evaluated per rep after the aggregates, in dependency
 * order (the config checks rule out cycles). Division by zero and missing
 * inputs give null.
 */
import type { Config } from "../config/schema.js";
import { compileExpression } from "../expr/compileExpression.js";
import { parseExpression } from "../expr/parseExpression.js";
import { references } from "../expr/references.js";
import { isDec, type Dec } from "../money.js";
import type { MetricTable } from "./metricResult.js";

export function addDerivedMetrics(config: Config, table: MetricTable, repIds: readonly string[]): MetricTable {
  const formulas = Object.entries(config.metrics).flatMap(([name, m]) => (m.formula === undefined ? [] : [[name, m.formula] as const]));
  const compiled = new Map(
    formulas.map(([name, formula]) => {
      const parsed = parseExpression(formula);
      if (!parsed.ok) throw new Error(`internal: formula of ${name} passed the checks but does not parse`);
      const uses = references(parsed.expr).flatMap((ref) => (ref.kind === "name" ? [ref.name] : []));
      const fn = compileExpression<(metric: string) => Dec | null>(parsed.expr, (ref) => {
        const metric = ref.kind === "name" ? ref.name : "";
        return (lookup) => lookup(metric);
      });
      return [name, { uses, fn }] as const;
    }),
  );
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (name: string): void => {
    if (placed.has(name) || !compiled.has(name)) return;
    placed.add(name);
    for (const use of compiled.get(name)?.uses ?? []) place(use);
    order.push(name);
  };
  for (const [name] of formulas) place(name);

  for (const name of order) {
    const formula = compiled.get(name);
    if (!formula) continue;
    const results = new Map<string, { actual: Dec | null; records: number | null }>();
    for (const id of repIds) {
      const value = formula.fn((metric) => table.get(metric)?.get(id)?.actual ?? null);
      results.set(id, { actual: isDec(value) ? value : null, records: null });
    }
    table.set(name, results);
  }
  return table;
}
