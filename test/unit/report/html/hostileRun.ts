/**
 * A small run whose every piece of user text is hostile markup: rep names,
 * a team, the config name, a dimension, a tier, a component, a rejected raw
 * value and an unknown owner. Shared by the renderer test and the browser test.
 */
import { computeRun } from "../../../../src/pipeline.js";
import type { RunOutcome } from "../../../../src/runOutcome.js";
import { BASE_FILES, fixture } from "../../../e2e/support.js";

export const HOSTILE = {
  config: `</title><script>alert('config')</script>`,
  name: `<script>alert("name")</script>`,
  quoted: `"Wang" 'Fang' & co`,
  team: `</style><b onclick="x">East</b>`,
  dimension: `<i>result</i>`,
  tier: `<A>`,
  value: `<img src=x onerror=alert(1)>`,
  owner: `<svg onload=alert(2)>`,
};

const csv = (text: string) => `"${text.replace(/"/g, '""')}"`;

export const HOSTILE_FILES: Record<string, string> = {
  ...BASE_FILES,
  "roster.csv": [
    "Rep,Name,Team,Role,Hired",
    `R001,${csv(HOSTILE.name)},${csv(HOSTILE.team)},account_exec,2024-01-01`,
    `R002,${csv(HOSTILE.quoted)},${csv(HOSTILE.team)},account_exec,2026-10-12`,
    "R003,Zhang Min,West,key_account,2025-03-01",
  ].join("\n") + "\n",
  "deals.csv": [
    "Deal ID,Owner,Amount,Closed,Stage,Note",
    'D1,R001,"130,000.00",2026-10-05,Closed Won,',
    'D2,R002,"¥50,000",2026/10/20,Closed Won,',
    'D3,R003,"200,000.00",2026-10-22,Closed Won,',
    `D4,R001,${csv(HOSTILE.value)},2026-10-23,Closed Won,`,
    `D5,${csv(HOSTILE.owner)},"10.00",2026-10-24,Closed Won,`,
    'D6,R001,"1.00",2026-11-02,Closed Lost,',
  ].join("\n") + "\n",
  "kpi.config.yaml": (BASE_FILES["kpi.config.yaml"] ?? "")
    .replace("name: E2E", `name: "${HOSTILE.config}"`)
    .replace("      result: { weight: 1, metrics: { revenue: 70, deals_won: 30 } }", `      "${HOSTILE.dimension}": { weight: 1, metrics: { revenue: 70, deals_won: 30 } }`)
    .replace("  - { name: A, min: 100 }", `  - { name: "${HOSTILE.tier}", min: 100 }`)
    .concat(`commission:\n  plans:\n    - name: Plan\n      components:\n        - { name: "<b>Bonus</b>", type: bonus, amount: 100, when: score >= 0 }\n`),
};

/** The hostile run, computed by the real pipeline on files in a fresh temporary folder. */
export async function hostileOutcome(): Promise<RunOutcome> {
  return computeRun({ config: "kpi.config.yaml", cwd: fixture(HOSTILE_FILES), period: "2026-10" });
}
