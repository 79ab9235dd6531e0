/**
 * A source's aggregates across threads: `packAggregates` turns them into
 * plain data (structured clone keeps Maps and Sets, not classes: decimals
 * travel as text), and `absorbPacked` adds the packed aggregates of a later
 * part of the files to those of an earlier part — the same result as one
 * pass over both, since every accumulator merges and every "first seen"
 * keeps the earlier part's.
 */
import type { Anomaly } from "../anomalies/anomaly.js";
import type { Day } from "../dates/calendarDate.js";
import { Dec } from "../money.js";
import { Accumulator, type PackedAccumulator } from "./accumulator.js";
import { MoneySum, type PackedMoneySum } from "./moneySum.js";
import type { MonthKey } from "./monthKeys.js";
import type { OwnerActivity, RecordCandidate, SourceAggregates } from "./sourceAggregator.js";

type PackedTable = Map<string, Map<number, Map<string, PackedAccumulator>>>;

interface PackedOwner {
  months: MonthKey[];
  count: number;
  money: PackedMoneySum;
  file: string | null;
  row: number;
}

export interface PackedAggregates {
  source: string;
  monthly: PackedTable;
  daily: PackedTable;
  monthsWithRecords: Map<string, Set<MonthKey>>;
  latestDay: Day | null;
  owners: Map<string, Map<number | string, PackedOwner>>;
  unknown: Map<string, { count: number; money: PackedMoneySum; file: string | null; row: number }>;
  ambiguous: Anomaly[];
  perRecord: Map<string, PackedCandidate[]>;
  hasMoney: boolean;
}

interface PackedCandidate {
  rep: string;
  day: Day;
  value: string | null;
  label: string;
}

const mapValues = <K, A, B>(map: ReadonlyMap<K, A>, f: (a: A) => B): Map<K, B> => new Map([...map].map(([k, v]) => [k, f(v)]));

export function packAggregates(a: SourceAggregates): PackedAggregates {
  const table = (t: SourceAggregates["monthly"]): PackedTable => mapValues(t, (byBucket) => mapValues(byBucket, (byRep) => mapValues(byRep, (acc) => acc.pack())));
  return {
    source: a.source,
    monthly: table(a.monthly),
    daily: table(a.daily),
    monthsWithRecords: a.monthsWithRecords,
    latestDay: a.latestDay,
    owners: mapValues(a.owners, (byMonths) => mapValues(byMonths, (o) => ({ ...o, money: o.money.pack() }))),
    unknown: mapValues(a.unknown, (u) => ({ ...u, money: u.money.pack() })),
    ambiguous: a.ambiguous,
    perRecord: mapValues(a.perRecord, (list) => list.map((c) => ({ ...c, value: c.value?.toString() ?? null }))),
    hasMoney: a.hasMoney,
  };
}

const unpackOwner = (o: PackedOwner): OwnerActivity => ({ ...o, money: MoneySum.unpack(o.money) });
const unpackCandidate = (c: PackedCandidate): RecordCandidate => ({ ...c, value: c.value === null ? null : new Dec(c.value) });

/**
 * Adds a later part's packed aggregates (the rows after those of `into`) into
 * `into`: the same as unpacking them and merging, without building the
 * accumulators and totals in between (a part holds thousands).
 */
export function absorbPacked(into: SourceAggregates, later: PackedAggregates): void {
  absorbTable(into.monthly, later.monthly);
  absorbTable(into.daily, later.daily);
  for (const [column, months] of later.monthsWithRecords) {
    const mine = into.monthsWithRecords.get(column);
    if (mine) for (const month of months) mine.add(month);
    else into.monthsWithRecords.set(column, new Set(months));
  }
  if (later.latestDay !== null && (into.latestDay === null || later.latestDay > into.latestDay)) into.latestDay = later.latestDay;
  for (const [rep, byMonths] of later.owners) {
    const mine = into.owners.get(rep);
    if (!mine) {
      into.owners.set(rep, mapValues(byMonths, unpackOwner));
      continue;
    }
    for (const [signature, activity] of byMonths) {
      const seen = mine.get(signature);
      if (!seen) mine.set(signature, unpackOwner(activity));
      else {
        seen.count += activity.count;
        seen.money.mergePacked(activity.money);
      }
    }
  }
  for (const [raw, owner] of later.unknown) {
    const seen = into.unknown.get(raw);
    if (!seen) into.unknown.set(raw, { ...owner, money: MoneySum.unpack(owner.money) });
    else {
      seen.count += owner.count;
      seen.money.mergePacked(owner.money);
    }
  }
  into.ambiguous.push(...later.ambiguous);
  for (const [key, candidates] of later.perRecord) {
    const mine = into.perRecord.get(key);
    if (mine) for (const candidate of candidates) mine.push(unpackCandidate(candidate));
    else into.perRecord.set(key, candidates.map(unpackCandidate));
  }
}

function absorbTable(into: SourceAggregates["monthly"], later: PackedTable): void {
  for (const [metric, byBucket] of later) {
    let mineByBucket = into.get(metric);
    if (!mineByBucket) into.set(metric, (mineByBucket = new Map()));
    for (const [bucket, byRep] of byBucket) {
      let mine = mineByBucket.get(bucket);
      if (!mine) mineByBucket.set(bucket, (mine = new Map()));
      for (const [rep, acc] of byRep) {
        const seen = mine.get(rep);
        if (seen) seen.mergePacked(acc);
        else mine.set(rep, Accumulator.unpack(acc));
      }
    }
  }
}
