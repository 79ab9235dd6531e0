/** `kpi explain REP`: every number behind one rep's score and payout, for the terminal or as JSON. */
import { formatPeriod } from "../../engine/period.js";
import { UsageError } from "../../errors.js";
import { computeRun } from "../../pipeline.js";
import { explainRep, renderExplanation } from "../../report/explainRep.js";
import type { RunOutcome } from "../../runOutcome.js";
import { nearest } from "../../util/nearest.js";
import { useColor, write, type CommandIO } from "../io.js";

export interface ExplainOptions {
  rep: string;
  config: string;
  period?: string | undefined;
  json: boolean;
}

export async function explainCommand(options: ExplainOptions, io: CommandIO): Promise<void> {
  const outcome = await computeRun({ config: options.config, cwd: io.cwd, period: options.period });
  const result = findRep(outcome, options.rep);
  const explanation = explainRep(outcome, result);
  if (options.json) await write(io.stdout, `${JSON.stringify(explanation, null, 2)}\n`);
  else await write(io.stdout, renderExplanation(explanation, { color: useColor(io.stdout, io.env), currency: outcome.loaded.config.currency }));
}

function findRep(outcome: RunOutcome, wanted: string): RunOutcome["engine"]["reps"][number] {
  const key = wanted.trim().toLowerCase();
  const reps = outcome.engine.reps;
  const hit = reps.find((r) => r.rep.id.toLowerCase() === key) ?? reps.find((r) => (r.rep.name ?? "").toLowerCase() === key);
  if (hit) return hit;
  const roster = outcome.ingested.held.get("roster");
  const repAt = roster?.columns.indexOf("rep") ?? -1;
  const inRoster = roster?.records.some((r) => String(r.values[repAt] ?? "").toLowerCase() === key);
  if (inRoster) throw new UsageError(`${wanted} is in the roster but not employed in ${formatPeriod(outcome.period)}, so has no score; try another period with -p`);
  const ids = reps.map((r) => r.rep.id);
  const close = [nearest(wanted, ids), nearest(wanted, reps.flatMap((r) => (r.rep.name ? [r.rep.name] : [])))].filter((x): x is string => x !== null);
  const hint = close.length > 0 ? `did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : `scored reps are ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", …" : ""}`;
  throw new UsageError(`no rep "${wanted}" in ${formatPeriod(outcome.period)}; ${hint}`);
}
