/**
 * `kpi diff BASE [-c HEAD]`: both configs on the same data and the same
 * period, and what changes per rep and in total. The head runs first; without
 * -p its default period is used for the base run too. Writes nothing.
 */
import { computeDiff } from "../../diff/computeDiff.js";
import { diffJson } from "../../diff/diffJson.js";
import { renderDiffMarkdown } from "../../diff/renderDiffMarkdown.js";
import { renderDiffText } from "../../diff/renderDiffText.js";
import { snapshotRun } from "../../diff/runSnapshot.js";
import { dirname, resolve } from "node:path";
import { computeRun } from "../../pipeline.js";
import { write, type CommandIO } from "../io.js";

export type DiffFormat = "text" | "markdown" | "json";

export interface DiffOptions {
  /** the config before the change */
  base: string;
  /** the config after the change (-c) */
  head: string;
  period?: string | undefined;
  format: DiffFormat;
}

export async function diffCommand(options: DiffOptions, io: CommandIO): Promise<void> {
  const head = snapshotRun(await computeRun({ config: options.head, cwd: io.cwd, period: options.period }));
  // the same data for both: the base config's sources are read relative to the head config's folder
  const dataDir = dirname(resolve(io.cwd, options.head));
  const base = snapshotRun(await computeRun({ config: options.base, cwd: io.cwd, period: options.period ?? head.period, dataDir }));
  const diff = computeDiff(base, head);
  const render = { text: renderDiffText, markdown: renderDiffMarkdown, json: diffJson }[options.format];
  await write(io.stdout, render(diff));
}
