/**
 * `kpi diff --format markdown`: a pull-request comment. A summary line, a
 * table of the changed reps (at most `maxRows`, then "and N more"), and the
 * tier changes. User text (names, file names) is escaped so it cannot break
 * the table or add links, mentions or HTML.
 */
import type { RepChange, RunDiff } from "./computeDiff.js";
import { changeCells, countsLine, totalLine } from "./diffFormat.js";

export const MARKDOWN_MAX_ROWS = 50;

export function renderDiffMarkdown(diff: RunDiff, maxRows = MARKDOWN_MAX_ROWS): string {
  const out = [`### KPI diff for ${md(diff.period)}`, "", `\`${code(diff.base.config)}\` → \`${code(diff.head.config)}\``, ""];
  for (const note of diff.notes) out.push(`> **Note:** ${md(note)}.`, "");
  if (diff.changes.length === 0) {
    out.push(`**No changes**: the same ranks, tiers, scores and payouts for all ${diff.compared} reps.`);
    return `${out.join("\n")}\n`;
  }
  out.push(`**Total payout: ${md(totalLine(diff))}.** ${md(countsLine(diff))}.`, "");
  out.push("| Rep | Name | Team | Rank | Tier | Score | Payout | Δ payout |", "|:--|:--|:--|--:|:-:|--:|--:|--:|");
  for (const change of diff.changes.slice(0, maxRows)) out.push(row(change, diff));
  const more = diff.changes.length - maxRows;
  if (more > 0) out.push("", `…and ${more} more rep${more === 1 ? "" : "s"} (run \`kpi diff\` for all of them).`);
  if (diff.tierChanges.length > 0) {
    out.push("", "**Tier changes**", "");
    for (const change of diff.tierChanges) out.push(`- ${md(change.rep)} ${md(change.name ?? "")}: ${md(changeCells(change, diff).tier)}`);
  }
  return `${out.join("\n")}\n`;
}

function row(change: RepChange, diff: RunDiff): string {
  const c = changeCells(change, diff);
  return `| ${[change.rep, change.name ?? "", change.team ?? "", c.rank, c.tier, c.score, c.payout, c.payoutDelta].map(md).join(" | ")} |`;
}

/** Text as it reads, whatever it holds: markdown and HTML characters escaped, one line. */
export function md(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|~@#&]/g, (ch) => `\\${ch}`);
}

/** Inside a code span: no backticks, one line. */
function code(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/`/g, "'");
}
