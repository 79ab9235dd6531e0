/** Builders with defaults for unit tests: `makeRep({ team: "East" })`. */
import { dayFromYMD } from "../../src/dates/calendarDate.js";
import type { Rep } from "../../src/engine/roster.js";
import type { Value } from "../../src/expr/value.js";
import { Dec } from "../../src/money.js";

export function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYMD(y ?? 0, m ?? 0, d ?? 0);
}

export function makeRep(fields: Partial<Omit<Rep, "attributes">> & { attributes?: Record<string, Value> } = {}): Rep {
  const base = { id: "R001", name: "Li Wei", team: "East", region: "Shanghai", role: "account_exec", hired: day("2024-01-01"), left: null, ...fields };
  const attributes = new Map<string, Value>([
    ["rep", base.id],
    ["name", base.name],
    ["team", base.team],
    ["region", base.region],
    ["role", base.role],
    ...Object.entries(fields.attributes ?? {}),
  ]);
  return { ...base, attributes };
}

export const d = (text: string | number): Dec => new Dec(text);

import { ConfigSchema, type Config } from "../../src/config/schema.js";

/** A small valid config; `overrides` replace top-level keys. Parsed by the real schema, so defaults apply. */
export function makeConfig(overrides: Record<string, unknown> = {}): Config {
  return ConfigSchema.parse({
    version: 1,
    currency: "CNY",
    period: "month",
    sources: {
      deals: { path: "deals.csv", key: "id", columns: { id: "Deal ID", rep: "Owner", amount: { from: "Amount", type: "money" }, closed: { from: "Closed", type: "date" }, stage: "Stage" } },
      roster: { path: "roster.csv", columns: { rep: "Rep", name: "Name", team: "Team", role: "Role", hired: { from: "Hired", type: "date" } } },
      targets: { path: "targets.csv", columns: { rep: "Rep", metric: "Metric", period: "Period", target: { from: "Target", type: "number" } } },
    },
    metrics: {
      revenue: { source: "deals", date: "closed", aggregate: "sum", value: "amount" },
      avg_deal: { source: "deals", date: "closed", aggregate: "avg", value: "amount" },
    },
    targets: {},
    scorecards: [{ name: "standard", dimensions: { result: { weight: 1, metrics: { revenue: 1 } } } }],
    ...overrides,
  });
}
