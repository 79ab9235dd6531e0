/**
 * Step 2 of loading a config: plain data -> typed `Config`, with every schema
 * problem turned into an Issue at its place in the file.
 */
import type { z } from "zod";
import type { Issue } from "../errors.js";
import { didYouMean } from "../util/nearest.js";
import type { ParsedYaml } from "./parseYaml.js";
import { locate, type ConfigPath } from "./positions.js";
import { ConfigSchema, type Config } from "./schema.js";
import { knownKeys } from "./knownKeys.js";

export function validateSchema(parsed: ParsedYaml, file: string): { config: Config | null; issues: Issue[] } {
  const result = ConfigSchema.safeParse(parsed.data, { reportInput: true });
  if (result.success) return { config: result.data, issues: [] };
  const issues = result.error.issues.flatMap((issue) => toIssues(issue, parsed, file));
  return { config: null, issues: dedupe(issues) };
}

function toIssues(issue: z.core.$ZodIssue, parsed: ParsedYaml, file: string): Issue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const at = (p: ConfigPath, key = false) => ({ file, ...locate(parsed, p, { key }) });
  const where = path.length > 0 ? ` at ${path.join(".")}` : "";
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        code: "schema",
        message: `unknown key "${key}"${where}${didYouMean(key, knownKeys())}`,
        ...at([...path, key], true),
      }));
    case "invalid_type": {
      const missing = issue.input === undefined;
      return [
        {
          code: "schema",
          message: missing ? `missing required key "${String(path[path.length - 1])}"` : `wrong type${where}`,
          expected: describeExpected(issue.expected),
          ...(missing ? {} : { received: typeName(issue.input) }),
          ...at(missing ? path.slice(0, -1) : path),
        },
      ];
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        return [{ code: "schema", message: `unknown ${issue.discriminator}${where}`, expected: optionsOf(issue), ...at(path) }];
      }
      // Report the branch that got furthest, so the message is about what the user meant.
      const branches = issue.errors.map((branch) => branch.flatMap((inner) => toIssues({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, parsed, file)));
      const best = branches.sort((a, b) => a.length - b.length).find((b) => b.length > 0 && !b.every((i) => i.message.startsWith("wrong type")));
      return best ?? [{ code: "schema", message: `invalid value${where}`, ...at(path) }];
    }
    case "invalid_value":
      return [{ code: "schema", message: `invalid value${where}`, expected: issue.values.map((v) => JSON.stringify(v)).join(" | "), ...at(path) }];
    default:
      return [{ code: "schema", message: `${issue.message}${where}`, ...at(path) }];
  }
}

function optionsOf(issue: object): string {
  const options = (issue as { options?: unknown }).options;
  return Array.isArray(options) ? options.map(String).join(" | ") : "";
}

function describeExpected(expected: string): string {
  return expected === "object" ? "a mapping" : expected === "array" ? "a list" : `a ${expected}`;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.line}:${issue.col}:${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
