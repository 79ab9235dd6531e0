/** examples/README.md and examples/planted.json, written from what the generator planted. */
import type { Planted } from "./planted.js";
import { ROSTER_HEADER } from "./roster.js";
import { DEALS_HEADER } from "./planted.js";
import { ACTIVITIES_HEADER } from "./activities.js";
import { PAYMENTS_HEADER, PAYMENTS_HEADER_ROW } from "./payments.js";
import { TARGETS_HEADER } from "./targets.js";
import { ZH_ACTIVITIES_HEADER, ZH_DEALS_HEADER, ZH_ROSTER_HEADER } from "./zh.js";

export interface Counts {
  reps: number;
  deals: number;
  activities: number;
  payments: number;
  targets: number;
  zhDeals: number;
  zhActivities: number;
}

const cols = (h: readonly string[]): string => h.map((c) => `\`${c}\``).join(", ");

export function plantedJson(planted: readonly Planted[]): string {
  return JSON.stringify({ period: "2026-10", planted }, null, 2) + "\n";
}

export function readme(planted: readonly Planted[], n: Counts): string {
  const where = (p: Planted): string => (p.row === null ? `${p.file} (period 2026-10)` : `${p.file}:${p.row}`);
  const problems = planted.map((p) => `| \`${p.code}\` | ${where(p)} | ${p.rep} | ${p.what} |`).join("\n");
  return `# Example data

Generated, never edited by hand: \`npm run build && npm run examples\` rewrites
every file below (except the configs) from a seeded generator
(\`scripts/generateExamples.ts\`), byte for byte the same on every machine.
A test checks that the committed files are exactly its output.

The data belongs to *Huakang Medical*, a fictional maker of hospital
equipment selling across China. It covers 2026 up to 24 November, so a
plain \`kpi run\` scores **2026-10**, the last complete month.

## Main example: \`examples/data/\`, read by the top-level \`kpi.config.yaml\`

| file | rows | columns |
|---|---|---|
| \`roster.csv\` | ${n.reps} | ${cols(ROSTER_HEADER)} |
| \`deals.csv\` (CRLF, dates \`M/D/YYYY\`) | ${n.deals} | ${cols(DEALS_HEADER)} |
| \`activities.csv\` | ${n.activities} | ${cols(ACTIVITIES_HEADER)} |
| \`payments.xlsx\`, sheet \`Payments\`, header on row ${PAYMENTS_HEADER_ROW} | ${n.payments} | ${cols(PAYMENTS_HEADER)} |
| \`targets.csv\` | ${n.targets} | ${cols(TARGETS_HEADER)} |

Who is who: four teams (East, North, South, West) of ten: key account
managers, account executives and one SDR each. Four reps were hired in 2026
(R040 on 2026-10-12, in the middle of the scored month), and R027 left on
2026-06-30. Deal owners are written as names, as CRMs do, except about one
row in eight that carries the rep id; the config matches both. A few accounts
are billed in USD. Targets come at three grains: a year (\`2026\`), a quarter
(\`2026-Q4\`) and a month (\`2026-10\`).

### Planted problems

So that the first run shows what the anomaly checks find, a few problems are
planted, each once. Rows are file lines, header included; a rep is shown as
the file writes it (a name or an id).

| code | where | rep | what |
|---|---|---|---|
${problems}

Everything else is meant to be clean. \`planted.json\` lists the same in a
form tests can read. Because some planted problems are errors, a plain
\`kpi run\` writes its outputs and then exits with code 3; add
\`--fail-on never\` to get 0.

## Chinese example: \`examples/zh/\`

\`kpi run -c examples/zh/kpi.config.yaml\`: ${n.zhDeals} deals of 15 reps in
three teams, Chinese headers and values.

| file | encoding | columns |
|---|---|---|
| \`zh/data/deals.csv\` (amounts \`￥12,500.00\`, dates \`2026/10/5\`) | GBK, CRLF | ${cols(ZH_DEALS_HEADER)} |
| \`zh/data/roster.csv\` (dates \`2021年3月15日\`) | UTF-8 with BOM | ${cols(ZH_ROSTER_HEADER)} |
| \`zh/data/activities.csv\` (${n.zhActivities} rows, 是/否 flags) | UTF-8 with BOM | ${cols(ZH_ACTIVITIES_HEADER)} |
`;
}
