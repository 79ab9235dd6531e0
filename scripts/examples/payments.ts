/** Payments collected, as the finance system exports them to xlsx. */
import ExcelJS from "exceljs";
import { Rng } from "./prng.js";
import { LAST_DATA_DAY, nextWorkday, ymdFromDay, type Day } from "./calendar.js";
import { PLANTED, type Rep } from "./roster.js";
import type { Deal } from "./deals.js";
import { centsToNumber } from "./text.js";
import { fixZipTimes } from "./zipTimes.js";

export const PAYMENTS_HEADER = ["Payment ID", "Owner ID", "Account", "Amount", "Paid Date", "Currency"] as const;
/** The sheet has a title and a blank line above its header. */
export const PAYMENTS_HEADER_ROW = 3;
const FIXED_TIME = new Date(Date.UTC(2026, 10, 25, 9, 0, 0));

interface Payment {
  owner: string;
  account: string;
  cents: number;
  day: Day;
  currency: string;
  deal: string;
}

export function buildPayments(deals: readonly Deal[], reps: readonly Rep[]): Payment[] {
  const leaver = reps.find((r) => r.id === PLANTED.leaver);
  const out: Payment[] = [];
  for (const deal of deals) {
    if (deal.stage !== "Closed Won" || deal.ownerId === null) continue;
    const rng = new Rng(`payments:${deal.id}`);
    const split = rng.chance(0.45) ? [Math.round(deal.cents * rng.range(0.3, 0.7))] : [];
    const parts = split.length ? [split[0] as number, deal.cents - (split[0] as number)] : [deal.cents];
    let day = deal.closed;
    parts.forEach((cents, i) => {
      day = nextWorkday(day + Math.round(i === 0 ? rng.bell(12, 75) : rng.bell(30, 90)));
      if (day > LAST_DATA_DAY) return;
      // Money collected after a rep left is booked to whoever took the account over.
      const owner = leaver && deal.ownerId === leaver.id && leaver.left !== null && day > leaver.left ? PLANTED.successor : deal.ownerId as string;
      out.push({ owner, account: deal.account.name, cents, day, currency: deal.account.currency, deal: deal.id });
    });
  }
  out.sort((a, b) => a.day - b.day || (a.deal < b.deal ? -1 : a.deal > b.deal ? 1 : 0) || a.cents - b.cents);
  return out;
}

function asDate(day: Day): Date {
  const { year, month, day: dd } = ymdFromDay(day);
  return new Date(Date.UTC(year, month - 1, dd));
}

function fixedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Finance export";
  wb.lastModifiedBy = "Finance export";
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  return wb;
}

/** Serialise a workbook to deterministic bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = await wb.xlsx.writeBuffer();
  return fixZipTimes(Buffer.from(raw as ArrayBuffer));
}

export async function paymentsXlsx(payments: readonly Payment[]): Promise<Buffer> {
  const wb = fixedWorkbook();
  const about = wb.addWorksheet("Read me");
  about.getColumn(1).width = 70;
  about.addRow(["Huakang Medical: cash receipts export"]);
  about.addRow(["Pulled from the finance system on 2026-11-25. One row per payment received."]);
  about.addRow(["Amounts are in the payment's own currency; Owner ID is the sales rep of the account."]);

  const ws = wb.addWorksheet("Payments");
  ws.addRow(["Payments collected, 2026-01-01 to 2026-11-24"]);
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow([...PAYMENTS_HEADER]);
  header.font = { bold: true };
  payments.forEach((p, i) => {
    ws.addRow([`PAY-${String(i + 1).padStart(5, "0")}`, p.owner, p.account, centsToNumber(p.cents), asDate(p.day), p.currency]);
  });
  const widths = [12, 10, 48, 14, 12, 9];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(4).numFmt = "#,##0.00";
  ws.getColumn(5).numFmt = "yyyy-mm-dd";
  return workbookBytes(wb);
}
