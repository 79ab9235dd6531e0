/** `kpi diff` for a terminal: a title, the total, every changed rep, the tier changes. */
import Table from "cli-table3";
import type { RunDiff } from "./computeDiff.js";
import { changeCells, countsLine, totalLine } from "./diffFormat.js";

export function renderDiffText(diff: RunDiff): string {
  const lines = [`kpi diff · ${diff.period} · ${diff.base.config} → ${diff.head.config}`];
  for (const note of diff.notes) lines.push(`Note: ${note}.`);
  if (diff.changes.length === 0) {
    lines.push(`No changes: the same ranks, tiers, scores and payouts for all ${diff.compared} reps.`);
    return `${lines.join("\n")}\n`;
  }
  lines.push(`Total payout: ${totalLine(diff)}`, `${countsLine(diff)}.`, "");
  const table = new Table({
    head: ["Rep", "Name", "Team", "Rank", "Tier", "Score", "Payout", "Δ payout"],
    style: { head: [], border: [], compact: true },
    colAligns: ["left", "left", "left", "right", "center", "right", "right", "right"],
  });
  for (const change of diff.changes) {
    const cells = changeCells(change, diff);
    table.push([change.rep, change.name ?? "", change.team ?? "", cells.rank, cells.tier, cells.score, cells.payout, cells.payoutDelta]);
  }
  lines.push(table.toString());
  if (diff.tierChanges.length > 0) {
    lines.push("", "Tier changes:");
    const repWidth = Math.max(...diff.tierChanges.map((c) => c.rep.length));
    const nameWidth = Math.max(...diff.tierChanges.map((c) => (c.name ?? "").length));
    for (const c of diff.tierChanges) lines.push(`  ${c.rep.padEnd(repWidth)}  ${(c.name ?? "").padEnd(nameWidth)}  ${changeCells(c, diff).tier}`);
  }
  return `${lines.join("\n")}\n`;
}
