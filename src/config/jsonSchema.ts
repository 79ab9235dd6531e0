/** The JSON Schema of the config language, generated from the zod schema (never written by hand). */
import { z } from "zod";
import { ConfigSchema } from "./schema.js";

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return { ...schema, title: "kpi config", description: "The KPI definitions read by `kpi`: sources, metrics, targets, scorecards, tiers, ranking, commission and anomalies." };
}

/** The schema as `kpi schema` prints it and as `schema/kpi.config.schema.json` holds it. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
