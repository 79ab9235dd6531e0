/**
 * The planted problems of the main example's deals, and the deals export
 * itself. Each problem is planted once; `Planted` records say where, so the
 * README and tests can point at the exact row.
 */
import { Rng } from "./prng.js";
import { d, mdy, monthKey, ymdFromDay, type Day } from "./calendar.js";
import { PLANTED, type Rep } from "./roster.js";
import { extraAccount, type Account } from "./accounts.js";
import type { Deal } from "./deals.js";
import { csvText, moneyText } from "./text.js";

export interface Planted {
  /** the anomaly code the run should report */
  code: string;
  file: string;
  /** 1-based line of the record, header included; null for a finding about a period */
  row: number | null;
  column: string | null;
  value: string | null;
  rep: string;
  what: string;
}

const OCT_END = [d("2026-10-29"), d("2026-10-30"), d("2026-10-31")];

function repOf(reps: readonly Rep[], id: string): Rep {
  const rep = reps.find((r) => r.id === id);
  if (!rep) throw new Error(`rep ${id} missing`);
  return rep;
}

function octoberWins(deals: readonly Deal[], repId: string): Deal[] {
  return deals.filter((x) => x.ownerId === repId && x.stage === "Closed Won" && monthKey(x.closed) === 202610);
}

/** Share of a rep's October won revenue closed on the 29th–31st (CNY-equivalent is close enough here). */
export function octoberEndShare(deals: readonly Deal[], repId: string): number {
  let all = 0;
  let late = 0;
  for (const x of octoberWins(deals, repId)) {
    all += x.cents;
    if (OCT_END.includes(x.closed)) late += x.cents;
  }
  return all === 0 ? 0 : late / all;
}

/** Deal-level plants: extra deals and moved close dates. Run before numbering. */
export function plantDeals(deals: Deal[], reps: readonly Rep[], books: Map<string, Account[]>): void {
  const bookOf = (id: string): Account[] => books.get(id) ?? [];

  // 1. An outlier month: a provincial tender worth several months of anyone's revenue.
  const outlier = repOf(reps, PLANTED.outlier);
  const tender = bookOf(outlier.id).find((a) => a.segment === "tier3_hospital" && a.currency === "CNY");
  if (!tender) throw new Error("outlier rep has no tier-3 hospital");
  deals.push({
    id: "", ownerId: outlier.id, ownerName: outlier.name, ownerAsId: false, account: tender, stage: "Closed Won",
    cents: 236_000_000, created: d("2026-07-06"), closed: d("2026-10-22"), strategic: true,
  });

  // 2. A deal closed in October by the rep who left in June (the CRM still shows their name).
  const leaver = repOf(reps, PLANTED.leaver);
  const leaverAccount = bookOf(leaver.id).find((a) => a.segment === "tier2_hospital" && a.currency === "CNY");
  if (!leaverAccount) throw new Error("leaver has no tier-2 hospital");
  deals.push({
    id: "", ownerId: leaver.id, ownerName: leaver.name, ownerAsId: false, account: leaverAccount, stage: "Closed Won",
    cents: 8_640_000, created: d("2026-05-20"), closed: d("2026-10-15"), strategic: false,
  });

  // 3. Two won deals of an owner the roster does not know (a contractor, say).
  const a1 = extraAccount("unknown:1", "Guangdong", "private_hospital");
  const a2 = extraAccount("unknown:2", "Guangdong", "tier2_hospital");
  for (const [account, cents, created, closed] of [[a1, 5_860_000, "2026-09-07", "2026-10-13"], [a2, 13_120_000, "2026-09-15", "2026-10-27"]] as const) {
    deals.push({
      id: "", ownerId: null, ownerName: PLANTED.unknownOwner, ownerAsId: false, account, stage: "Closed Won",
      cents, created: d(created), closed: d(closed), strategic: false,
    });
  }

  // 4. Revenue bunched at the end of October for one rep …
  const bunched = octoberWins(deals, PLANTED.periodEnd).sort((x, y) => y.cents - x.cents || x.created - y.created);
  if (bunched.length < 2) throw new Error("period-end rep has too few October wins");
  for (let i = 0; i < bunched.length && octoberEndShare(deals, PLANTED.periodEnd) < 0.7; i++) {
    const deal = bunched[i] as Deal;
    deal.closed = OCT_END[i % 2] as Day;
  }
  // … and nobody else: other reps' late-October closes move to the 26th–28th.
  for (const rep of reps) {
    if (rep.id === PLANTED.periodEnd) continue;
    const late = octoberWins(deals, rep.id).filter((x) => OCT_END.includes(x.closed)).sort((x, y) => y.cents - x.cents);
    for (const deal of late) {
      if (octoberEndShare(deals, rep.id) <= 0.4) break;
      deal.closed = d("2026-10-26") + (deal.cents % 3);
    }
  }
}

export const DEALS_FILE = "data/deals.csv";
export const DEALS_HEADER = [
  "Opportunity ID", "Opportunity Owner", "Account Name", "Opportunity Name", "Stage", "Amount", "Currency",
  "Created Date", "Close Date", "Segment", "Strategic",
] as const;

const PRODUCTS = [
  "Ultrasound replacement", "Patient monitors", "IVD analyzer placement", "Reagent annual contract", "Endoscopy tower",
  "CT service contract", "Infusion pumps", "Lab automation line", "Anesthesia workstations", "DR imaging upgrade",
];

function dealRow(deal: Deal): string[] {
  const rng = new Rng(`name:${deal.id}`);
  const { year } = ymdFromDay(deal.created);
  return [
    deal.id,
    deal.ownerAsId && deal.ownerId !== null ? deal.ownerId : deal.ownerName,
    deal.account.name,
    `${deal.account.name.split(" ")[0] ?? ""} ${rng.pick(PRODUCTS)} ${year}`,
    deal.stage,
    moneyText(deal.cents),
    deal.account.currency,
    mdy(deal.created),
    mdy(deal.closed),
    deal.account.segment,
    deal.strategic ? "Yes" : "No",
  ];
}

/** Render the export with the row-level plants; returns the CSV text and what was planted where. */
export function renderDeals(deals: readonly Deal[]): { text: string; planted: Planted[] } {
  const rows = deals.map(dealRow);
  // Each plant goes to the first listed rep that has a fitting deal.
  const used = new Set<string>(Object.values(PLANTED));
  const find = (what: string, candidates: readonly string[], test: (x: Deal) => boolean): number => {
    for (const rep of candidates) {
      if (used.has(rep)) continue;
      const i = deals.findIndex((x) => x.ownerId === rep && !x.ownerAsId && x.account.currency === "CNY" && test(x));
      if (i >= 0) {
        used.add(rep);
        return i;
      }
    }
    throw new Error(`no deal to plant ${what}`);
  };
  const octWon = (x: Deal): boolean => x.stage === "Closed Won" && monthKey(x.closed) === 202610;
  const febWon = (x: Deal): boolean => x.stage === "Closed Won" && monthKey(x.closed) === 202602;
  const aes = ["R019", "R007", "R016", "R005", "R029", "R030", "R024", "R018", "R013", "R015", "R017", "R020", "R022", "R032"];

  // A bad amount (letter O typed for zero) and an impossible close date: rejected rows.
  const bad = find("a bad amount", aes, octWon);
  (rows[bad] as string[])[5] = "12,5OO.00";
  const impossible = find("an impossible date", ["R007", ...aes], febWon);
  (rows[impossible] as string[])[8] = "2/30/2026";
  // A conflicting re-export: same id, another amount, appended at the end.
  const conflict = find("a conflicting duplicate", ["R016", ...aes], octWon);
  const conflictCopy = [...(rows[conflict] as string[])];
  const conflictDeal = deals[conflict] as Deal;
  conflictCopy[5] = moneyText(conflictDeal.cents + 900_000);
  // An exact duplicate line right after its original.
  const dup = find("an exact duplicate", ["R005", ...aes], octWon);

  const out: string[][] = [];
  rows.forEach((row, i) => {
    out.push(row);
    if (i === dup) out.push([...row]);
  });
  out.push(conflictCopy);

  const line = (row: readonly string[]): number => out.indexOf(row as string[]) + 2;
  const owner = (i: number): string => (rows[i] as string[])[1] ?? "";
  const firstOf = (name: string): number => out.findIndex((r) => r[1] === name) + 2;
  const dupRow = line(rows[dup] as string[]) + 1;
  const unknownMoney = deals.filter((x) => x.ownerId === null).reduce((s, x) => s + x.cents, 0);
  const leaverDeal = deals.find((x) => x.ownerId === PLANTED.leaver && monthKey(x.closed) === 202610);
  const leaverRow = leaverDeal ? out.findIndex((r) => r[0] === leaverDeal.id) + 2 : -1;

  const planted: Planted[] = [
    { code: "duplicate", file: DEALS_FILE, row: dupRow, column: null, value: null, rep: owner(dup), what: `exact copy of row ${dupRow - 1} (${(rows[dup] as string[])[0]})` },
    { code: "conflicting_duplicate", file: DEALS_FILE, row: line(rows[conflict] as string[]), column: null, value: null, rep: owner(conflict), what: `${conflictDeal.id} again at row ${out.length + 1} with Amount ${conflictCopy[5]}; both rows are rejected` },
    { code: "conflicting_duplicate", file: DEALS_FILE, row: out.length + 1, column: null, value: null, rep: owner(conflict), what: `${conflictDeal.id}, second copy with another amount` },
    { code: "rejected_row", file: DEALS_FILE, row: line(rows[bad] as string[]), column: "Amount", value: "12,5OO.00", rep: owner(bad), what: "letter O typed for zero" },
    { code: "rejected_row", file: DEALS_FILE, row: line(rows[impossible] as string[]), column: "Close Date", value: "2/30/2026", rep: owner(impossible), what: "30 February does not exist" },
    { code: "unknown_rep", file: DEALS_FILE, row: firstOf(PLANTED.unknownOwner), column: "Opportunity Owner", value: PLANTED.unknownOwner, rep: PLANTED.unknownOwner, what: `2 won deals, ${moneyText(unknownMoney)} CNY, owner not in the roster` },
    { code: "inactive_rep", file: DEALS_FILE, row: leaverRow, column: null, value: null, rep: PLANTED.leaver, what: "won deal closed 2026-10-15 by a rep who left on 2026-06-30" },
  ];
  return { text: csvText(DEALS_HEADER, out, "\r\n"), planted };
}
