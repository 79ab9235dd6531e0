/**
 * Loading a config in named steps: read -> parse YAML -> schema -> semantic
 * rules. Each step adds issues; all of them are reported at once.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ConfigError, InputError, type Issue } from "../errors.js";
import type { CheckContext } from "./checkContext.js";
import { MAX_CONFIG_BYTES, decodeConfigText, parseYaml } from "./parseYaml.js";
import { locate, type ConfigPath, type LocateOptions, type Position } from "./positions.js";
import type { Config } from "./schema.js";
import { semanticChecks } from "./semanticChecks.js";
import { validateSchema } from "./validateSchema.js";

export interface LoadedConfig {
  config: Config;
  /** the path as the user gave it, for messages */
  file: string;
  /** folder that source paths are relative to */
  baseDir: string;
  sha256: string;
}

/** The pure part: text -> config or issues. */
export interface ParsedConfig {
  config: Config | null;
  issues: Issue[];
  /** where a config path stands in the file */
  locate: (path: ConfigPath, options?: LocateOptions) => Position;
}

export function parseConfigText(text: string, file: string): ParsedConfig {
  const parsed = parseYaml(text, file);
  const where = (path: ConfigPath, options: LocateOptions = {}) => locate(parsed, path, options);
  if (parsed.issues.length > 0) return { config: null, issues: parsed.issues, locate: where };
  const schema = validateSchema(parsed, file);
  if (!schema.config) return { config: null, issues: schema.issues, locate: where };
  const issues: Issue[] = [];
  const ctx: CheckContext = {
    config: schema.config,
    report(path, message, options = {}) {
      const { line, col } = locate(parsed, path, options);
      issues.push({ code: "semantic", message, file, line, col, ...(options.expected ? { expected: options.expected } : {}) });
    },
  };
  for (const check of semanticChecks) check(ctx);
  issues.sort((a, b) => a.line - b.line || a.col - b.col);
  return { config: issues.length === 0 ? schema.config : null, issues, locate: where };
}

/**
 * Read and check a config file; throws ConfigError with every issue, or InputError when it cannot be read.
 * Source paths are relative to the config's folder, or to `dataDir` (diff runs a base config on the head's data).
 */
export async function loadConfig(file: string, cwd: string, dataDir?: string): Promise<LoadedConfig> {
  const path = resolve(cwd, file);
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError("is a folder, not a config file", file);
    if (info.size > MAX_CONFIG_BYTES) throw new InputError(`is ${info.size} bytes; a config may be at most ${MAX_CONFIG_BYTES} bytes`, file);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "config file not found (use -c to point at one, or `kpi init` to start one)" : `cannot read the config: ${(error as Error).message}`, file);
  }
  const { config, issues } = parseConfigText(decodeConfigText(bytes), file);
  if (!config) throw new ConfigError(issues);
  return { config, file, baseDir: dataDir ?? dirname(path), sha256: createHash("sha256").update(bytes).digest("hex") };
}
