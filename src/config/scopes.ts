/** The names an expression may read, by where it stands in the config. */
import type { ExprScope } from "./checkExpression.js";
import type { Config } from "./schema.js";

export const ROSTER = "roster";
export const TARGETS = "targets";
/** Sources that describe people and goals, not records that metrics aggregate. */
export const RESERVED_SOURCES: ReadonlySet<string> = new Set([ROSTER, TARGETS]);

export function columnsOf(config: Config, source: string): Set<string> {
  return new Set(Object.keys(config.sources[source]?.columns ?? {}));
}

export function recordScope(config: Config, source: string): ExprScope {
  return { what: `columns of source "${source}"`, names: columnsOf(config, source) };
}

export function formulaScope(config: Config): ExprScope {
  return { what: "metrics", names: new Set(Object.keys(config.metrics)) };
}

export function rosterScope(config: Config): ExprScope {
  return { what: "roster columns and tenure_months", names: new Set([...columnsOf(config, ROSTER), "tenure_months"]) };
}

export function dimensionNames(config: Config): Set<string> {
  return new Set(config.scorecards.flatMap((card) => Object.keys(card.dimensions)));
}

/** gate, bonus/multiplier `when`, anomaly rules. */
export function resultScope(config: Config, withChange: boolean): ExprScope {
  const metrics = new Set(Object.keys(config.metrics));
  const members = new Map<string, ReadonlySet<string>>([
    ["dimension", dimensionNames(config)],
    ["metric", metrics],
    ["attainment", metrics],
  ]);
  if (withChange) members.set("change", metrics);
  return { what: "score, tier and dimension./metric./attainment." + (withChange ? "/change." : "") + " names", names: new Set(["score", "tier"]), members };
}

/** Date columns that place a source's records in periods (metrics' and per_record components'). */
export function dateColumnsOf(config: Config, source: string): string[] {
  const fromMetrics = Object.values(config.metrics).flatMap((m) => (m.source === source && m.date ? [m.date] : []));
  const fromCommission = (config.commission?.plans ?? []).flatMap((p) => p.components.flatMap((c) => (c.type === "per_record" && c.source === source ? [c.date] : [])));
  return [...new Set([...fromMetrics, ...fromCommission])];
}
