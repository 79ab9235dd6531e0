/**
 * `commissions.xlsx` as a model — what finance imports. Commissions: one row
 * per rep (no totals row); Lines: every rounded line; Summary: totals by
 * component and by team, the grand total, and the check that it equals the
 * sum of Lines. Every amount is a sum of rounded lines, so the sheets
 * reconcile to the cent.
 */
import type { RepPayout } from "../commission/commissionResult.js";
import { minorUnits, moneyFixed } from "../commission/minorUnits.js";
import { formatPeriod } from "../engine/period.js";
import { Dec, ZERO } from "../money.js";
import type { RunOutcome } from "../runOutcome.js";
import type { Cell, Column, Sheet, WorkbookModel } from "./workbookModel.js";

export const CAP_ADJUSTMENT = "Cap adjustment";

export function commissionsWorkbook(outcome: RunOutcome): WorkbookModel {
  const currency = outcome.loaded.config.currency;
  return { currency, minorUnits: minorUnits(currency), sheets: [commissionsSheet(outcome), linesSheet(outcome), summarySheet(outcome)] };
}

function payouts(outcome: RunOutcome): { rep: RunOutcome["engine"]["reps"][number]; payout: RepPayout | undefined }[] {
  return [...outcome.engine.reps].sort((a, b) => (a.rep.id < b.rep.id ? -1 : 1)).map((rep) => ({ rep, payout: outcome.commission?.reps.get(rep.rep.id) }));
}

export function commissionsSheet(outcome: RunOutcome): Sheet {
  const names = outcome.commission?.componentNames ?? [];
  const currency = outcome.loaded.config.currency;
  const m = (d: Dec | undefined): Cell => ({ money: moneyFixed(d ?? ZERO, currency) });
  const columns: Column[] = [
    { header: "Rep", format: "text" },
    { header: "Name", format: "text" },
    { header: "Team", format: "text" },
    { header: "Period", format: "text" },
    { header: "Currency", format: "text" },
    ...names.map((name): Column => ({ header: name, format: "money" })),
    { header: CAP_ADJUSTMENT, format: "money" },
    { header: "Total", format: "money" },
    { header: "Needs review", format: "text" },
  ];
  const rows = payouts(outcome).map(({ rep, payout }): Cell[] => [
    rep.rep.id,
    rep.rep.name,
    rep.rep.team,
    formatPeriod(outcome.period),
    currency,
    ...names.map((name) => m(payout?.components.get(name))),
    m(payout?.capAdjustment),
    m(payout?.total),
    payout?.needsReview ? "yes" : "no",
  ]);
  return { name: "Commissions", columns, rows, rowStyles: payouts(outcome).map(({ payout }) => (payout?.needsReview ? "highlight" : undefined)) };
}

function linesSheet(outcome: RunOutcome): Sheet {
  const currency = outcome.loaded.config.currency;
  const columns: Column[] = [
    { header: "Rep", format: "text" },
    { header: "Component", format: "text" },
    { header: "Record", format: "text" },
    { header: "Base", format: "money" },
    { header: "Rate", format: "number" },
    { header: "Amount", format: "money" },
    { header: "Note", format: "text", width: 60 },
  ];
  const rows = payouts(outcome).flatMap(({ payout }) =>
    (payout?.lines ?? []).map((line): Cell[] => [
      line.rep,
      line.component ?? CAP_ADJUSTMENT,
      line.record,
      line.base === null ? null : { money: moneyFixed(line.base, currency) },
      line.rate === null ? null : line.rate.toNumber(),
      { money: moneyFixed(line.amount, currency) },
      line.note,
    ]),
  );
  return { name: "Lines", columns, rows };
}

function summarySheet(outcome: RunOutcome): Sheet {
  const currency = outcome.loaded.config.currency;
  const digits = minorUnits(currency);
  const all = payouts(outcome);
  const lines = all.flatMap(({ payout }) => payout?.lines ?? []);
  const byComponent = new Map<string, Dec>();
  for (const name of outcome.commission?.componentNames ?? []) byComponent.set(name, ZERO);
  byComponent.set(CAP_ADJUSTMENT, ZERO);
  for (const line of lines) {
    const key = line.component ?? CAP_ADJUSTMENT;
    byComponent.set(key, (byComponent.get(key) ?? ZERO).plus(line.amount));
  }
  const byTeam = new Map<string, Dec>();
  for (const { rep, payout } of all) {
    const team = rep.rep.team ?? "(no team)";
    byTeam.set(team, (byTeam.get(team) ?? ZERO).plus(payout?.total ?? ZERO));
  }
  const grand = all.reduce((sum, { payout }) => sum.plus(payout?.total ?? ZERO), new Dec(0));
  const sumOfLines = lines.reduce((sum, line) => sum.plus(line.amount), new Dec(0));
  const m = (d: Dec): Cell => ({ money: d.toFixed(digits) });
  const rows: Cell[][] = [
    ...[...byComponent].map(([name, total]): Cell[] => ["Component", name, m(total)]),
    ...[...byTeam].sort(([a], [b]) => (a < b ? -1 : 1)).map(([team, total]): Cell[] => ["Team", team, m(total)]),
    ["Grand total", "all reps", m(grand)],
    ["Sum of Lines", `${lines.length} lines`, m(sumOfLines)],
    ["Check", grand.eq(sumOfLines) ? "OK: the grand total equals the sum of Lines" : "MISMATCH: the grand total differs from the sum of Lines", m(grand.minus(sumOfLines))],
  ];
  return {
    name: "Summary",
    columns: [
      { header: "Total by", format: "text" },
      { header: "Name", format: "text", width: 45 },
      { header: "Amount", format: "money" },
    ],
    rows,
    rowStyles: rows.map((row) => (row[0] === "Grand total" ? "bold" : row[0] === "Check" && !grand.eq(sumOfLines) ? "highlight" : undefined)),
  };
}
