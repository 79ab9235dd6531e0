/** Every key the config language knows, for "did you mean" suggestions. */
import { z } from "zod";
import { ConfigSchema } from "./schema.js";

let cache: Set<string> | null = null;

export function knownKeys(): Set<string> {
  if (cache) return cache;
  const keys = new Set<string>();
  const walk = (schema: unknown, depth: number): void => {
    if (depth > 12 || schema === null || typeof schema !== "object") return;
    const node = schema as Record<string, unknown>;
    const properties = node["properties"];
    if (properties && typeof properties === "object") {
      for (const [key, value] of Object.entries(properties)) {
        keys.add(key);
        walk(value, depth + 1);
      }
    }
    for (const child of ["items", "additionalProperties"]) walk(node[child], depth + 1);
    for (const list of ["anyOf", "oneOf", "allOf"]) {
      const options = node[list];
      if (Array.isArray(options)) for (const option of options) walk(option, depth + 1);
    }
  };
  walk(z.toJSONSchema(ConfigSchema, { io: "input", unrepresentable: "any" }), 0);
  cache = keys;
  return keys;
}
