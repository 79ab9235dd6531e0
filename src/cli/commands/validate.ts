/**
 * `kpi validate`: the config's schema and semantic rules, and unless
 * --no-data that every source opens and has its mapped columns. Writes nothing.
 */
import { parseConfigText } from "../../config/loadConfig.js";
import { decodeConfigText } from "../../config/parseYaml.js";
import { ConfigError, InputError, formatIssue, type Issue } from "../../errors.js";
import { readFile } from "node:fs/promises";
import { resolve, dirname } from "node:path";
import { write, type CommandIO } from "../io.js";

export type ValidateFormat = "text" | "json" | "github";

export interface ValidateOptions {
  config: string;
  data: boolean;
  format: ValidateFormat;
}

export async function validateCommand(options: ValidateOptions, io: CommandIO): Promise<void> {
  const path = resolve(io.cwd, options.config);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputError("config file not found (use -c to point at one, or `kpi init` to start one)", options.config);
  }
  const { config, issues, locate } = parseConfigText(decodeConfigText(bytes), options.config);
  const dataIssues: Issue[] = [];
  if (config && options.data) {
    const { checkSourcesOpen } = await import("../../ingest/checkSourcesOpen.js");
    dataIssues.push(...(await checkSourcesOpen(config, options.config, dirname(path), locate)));
  }
  const all = [...issues, ...dataIssues];
  await write(io.stdout, renderIssues(all, options.format));
  if (all.length > 0) throw new ConfigError(all, true);
  if (options.format === "text") await write(io.stderr, `${options.config}: valid${options.data ? " (sources open, columns found)" : ""}\n`);
}

export function renderIssues(issues: readonly Issue[], format: ValidateFormat): string {
  if (format === "json") return `${JSON.stringify({ valid: issues.length === 0, issues }, null, 2)}\n`;
  if (format === "github") return issues.map((i) => `::error file=${i.file},line=${i.line},col=${i.col}::${githubEscape(formatIssueMessage(i))}\n`).join("");
  return issues.map((i) => `${formatIssue(i)}\n`).join("");
}

function formatIssueMessage(issue: Issue): string {
  return issue.expected ? `${issue.message} (expected ${issue.expected})` : issue.message;
}

function githubEscape(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
