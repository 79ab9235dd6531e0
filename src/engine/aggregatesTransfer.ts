/**
 * A source's aggregates across threads: `packAggregates` turns them into
 * plain data, and `absorbPacked` adds the packed aggregates of a later part of
 * the files to those of an earlier part — the same result as one pass over
 * both, since every accumulator merges and every "first seen" keeps the
 * earlier part's (its row shifted to the file's lines: a part numbers its
 * rows from its own start).
 *
 * The thousands of accumulators and owner entries of a part travel as
 * columns (typed arrays, and reps named once by index), not as an object
 * each: structured clone copies a typed array in one go, while every object
 * costs the main thread its deserialisation and, alive during the merge, a
 * copy by the young-generation collector. At 1× that took a third off the
 * main thread's collections (330 to 230 ms) and 2% off the run.
 */
import type { Anomaly } from "../anomalies/anomaly.js";
import type { Day } from "../dates/calendarDate.js";
import { Dec } from "../money.js";
import { Numbering } from "../util/numbering.js";
import { Accumulator, entryStart, type AggregateKind, type PackedAccumulators } from "./accumulator.js";
import { LANES, MoneySum } from "./moneySum.js";
import type { MonthKey } from "./monthKeys.js";
import type { RecordCandidate } from "./recordCandidate.js";
import type { SourceAggregates } from "./sourceAggregator.js";

/** A table of accumulators (metric -> bucket -> rep), one entry per accumulator, grouped by metric and then bucket. */
interface PackedTable {
  metrics: string[];
  kinds: AggregateKind[];
  /** entry -> index in metrics */
  metric: Int32Array;
  /** entry -> month key or day */
  bucket: Int32Array;
  /** entry -> index in PackedAggregates.names */
  rep: Int32Array;
  accumulators: PackedAccumulators;
}

/** Owner entries (a rep's records touching one set of months, or an unknown owner's records), with their counts and money. */
interface PackedActivities {
  /** entry -> index in PackedAggregates.names: the rep, or the unknown owner's raw text */
  name: Int32Array;
  /** owners only: the months signature, and the months (entry i's are months[monthEnds[i - 1] (0 for the first), monthEnds[i])) */
  signature: (number | string)[];
  monthEnds: Int32Array;
  months: Int32Array;
  count: Float64Array;
  /** the money total: LANES lanes per entry and the decimal part (see MoneySum.packInto) */
  lanes: Float64Array;
  decimals: (string | null)[];
  /** entry -> index in files (the first record's file), and the first record's row */
  file: Int32Array;
  files: (string | null)[];
  row: Float64Array;
}

export interface PackedAggregates {
  source: string;
  /** every rep and unknown owner text the tables and activities name, once */
  names: string[];
  monthly: PackedTable;
  daily: PackedTable;
  monthsWithRecords: Map<string, Set<MonthKey>>;
  latestDay: Day | null;
  owners: PackedActivities;
  unknown: PackedActivities;
  ambiguous: Anomaly[];
  perRecord: Map<string, PackedCandidate[]>;
  hasMoney: boolean;
}

interface PackedCandidate {
  rep: string;
  day: Day;
  value: string | null;
  key: string | null;
  file: string;
  row: number;
}

export function packAggregates(a: SourceAggregates): PackedAggregates {
  const names = new Numbering<string>();
  const owners: Entry[] = [];
  for (const [rep, byMonths] of a.owners) for (const [signature, o] of byMonths) owners.push({ name: names.of(rep), signature, months: o.months, count: o.count, money: o.money, file: o.file, row: o.row });
  const unknown: Entry[] = [];
  for (const [raw, u] of a.unknown) unknown.push({ name: names.of(raw), signature: 0, months: [], count: u.count, money: u.money, file: u.file, row: u.row });
  return {
    source: a.source,
    monthly: packTable(a.monthly, names),
    daily: packTable(a.daily, names),
    monthsWithRecords: a.monthsWithRecords,
    latestDay: a.latestDay,
    owners: packActivities(owners),
    unknown: packActivities(unknown),
    ambiguous: a.ambiguous,
    perRecord: new Map([...a.perRecord].map(([key, list]) => [key, list.map((c) => ({ ...c, value: c.value?.toString() ?? null }))])),
    hasMoney: a.hasMoney,
    names: names.list, // numbered by everything above
  };
}

function packTable(table: SourceAggregates["monthly"], names: Numbering<string>): PackedTable {
  const metrics: string[] = [];
  const kinds: AggregateKind[] = [];
  const metric: number[] = [];
  const bucket: number[] = [];
  const rep: number[] = [];
  const accumulators: Accumulator[] = [];
  for (const [name, byBucket] of table) {
    for (const [key, byRep] of byBucket) {
      for (const [id, acc] of byRep) {
        if (metrics[metrics.length - 1] !== name) {
          metrics.push(name);
          kinds.push(acc.kind);
        }
        // an entry takes its kind from its metric (what absorbTable builds a new accumulator of)
        if (kinds[kinds.length - 1] !== acc.kind) throw new Error(`internal: metric ${name} holds accumulators of two kinds`);
        metric.push(metrics.length - 1);
        bucket.push(key);
        rep.push(names.of(id));
        accumulators.push(acc);
      }
    }
  }
  return { metrics, kinds, metric: Int32Array.from(metric), bucket: Int32Array.from(bucket), rep: Int32Array.from(rep), accumulators: Accumulator.pack(accumulators) };
}

interface Entry {
  name: number;
  signature: number | string;
  months: readonly MonthKey[];
  count: number;
  money: MoneySum;
  file: string | null;
  row: number;
}

function packActivities(entries: readonly Entry[]): PackedActivities {
  const n = entries.length;
  const files = new Numbering<string | null>();
  const packed: PackedActivities = {
    name: new Int32Array(n), signature: [], monthEnds: new Int32Array(n), months: new Int32Array(entries.reduce((sum, e) => sum + e.months.length, 0)),
    count: new Float64Array(n), lanes: new Float64Array(n * LANES), decimals: [], file: new Int32Array(n), files: files.list, row: new Float64Array(n),
  };
  let month = 0;
  entries.forEach((e, i) => {
    packed.name[i] = e.name;
    packed.signature.push(e.signature);
    for (const m of e.months) packed.months[month++] = m;
    packed.monthEnds[i] = month;
    packed.count[i] = e.count;
    packed.decimals.push(e.money.packInto(packed.lanes, i * LANES));
    packed.file[i] = files.of(e.file);
    packed.row[i] = e.row;
  });
  return packed;
}

/** A candidate back as a record's, its row `shift` lines on. */
const unpackCandidate = (c: PackedCandidate, shift: number): RecordCandidate => ({ ...c, value: c.value === null ? null : new Dec(c.value), row: c.row + shift });

/**
 * Adds a later part's packed aggregates (the rows after those of `into`) into
 * `into`: the same as unpacking them and merging, without building the
 * accumulators and totals in between. The part numbered its rows from 1:
 * `lineShift` lines of the file come before its first.
 */
export function absorbPacked(into: SourceAggregates, later: PackedAggregates, lineShift = 0): void {
  const names = later.names;
  absorbTable(into.monthly, later.monthly, names);
  absorbTable(into.daily, later.daily, names);
  for (const [column, months] of later.monthsWithRecords) {
    const mine = into.monthsWithRecords.get(column);
    if (mine) for (const month of months) mine.add(month);
    else into.monthsWithRecords.set(column, new Set(months));
  }
  if (later.latestDay !== null && (into.latestDay === null || later.latestDay > into.latestDay)) into.latestDay = later.latestDay;
  const owners = later.owners;
  for (let i = 0; i < owners.name.length; i++) {
    const rep = names[owners.name[i] as number] as string;
    let mine = into.owners.get(rep);
    if (!mine) into.owners.set(rep, (mine = new Map()));
    const signature = owners.signature[i] as number | string;
    const seen = mine.get(signature);
    if (seen) {
      seen.count += owners.count[i] as number;
      seen.money.mergePacked(owners.decimals[i] ?? null, owners.lanes, i * LANES);
    } else {
      const months = Array.from(owners.months.subarray(entryStart(owners.monthEnds, i), owners.monthEnds[i]));
      mine.set(signature, { months, ...activityAt(owners, i, lineShift) });
    }
  }
  const unknown = later.unknown;
  for (let i = 0; i < unknown.name.length; i++) {
    const raw = names[unknown.name[i] as number] as string;
    const seen = into.unknown.get(raw);
    if (seen) {
      seen.count += unknown.count[i] as number;
      seen.money.mergePacked(unknown.decimals[i] ?? null, unknown.lanes, i * LANES);
    } else into.unknown.set(raw, activityAt(unknown, i, lineShift));
  }
  for (const anomaly of later.ambiguous) into.ambiguous.push(anomaly.row === null ? anomaly : { ...anomaly, row: anomaly.row + lineShift });
  for (const [key, candidates] of later.perRecord) {
    let mine = into.perRecord.get(key);
    if (!mine) into.perRecord.set(key, (mine = []));
    for (const candidate of candidates) mine.push(unpackCandidate(candidate, lineShift));
  }
}

/** Entry i's count, money and first record (its row `lineShift` lines on), built anew (the entry is new here). */
function activityAt(packed: PackedActivities, i: number, lineShift: number): { count: number; money: MoneySum; file: string | null; row: number } {
  const money = new MoneySum();
  money.mergePacked(packed.decimals[i] ?? null, packed.lanes, i * LANES);
  return { count: packed.count[i] as number, money, file: packed.files[packed.file[i] as number] ?? null, row: (packed.row[i] as number) + lineShift };
}

function absorbTable(into: SourceAggregates["monthly"], later: PackedTable, names: readonly string[]): void {
  let metricAt = -1;
  let bucketAt = Number.NaN;
  let byBucket = new Map<number, Map<string, Accumulator>>();
  let byRep = new Map<string, Accumulator>();
  for (let i = 0; i < later.metric.length; i++) {
    const m = later.metric[i] as number;
    const key = later.bucket[i] as number;
    if (m !== metricAt) {
      const name = later.metrics[m] as string;
      let mine = into.get(name);
      if (!mine) into.set(name, (mine = new Map()));
      byBucket = mine;
      metricAt = m;
      bucketAt = Number.NaN;
    }
    if (key !== bucketAt) {
      let mine = byBucket.get(key);
      if (!mine) byBucket.set(key, (mine = new Map()));
      byRep = mine;
      bucketAt = key;
    }
    const rep = names[later.rep[i] as number] as string;
    const seen = byRep.get(rep);
    if (seen) seen.mergePacked(later.accumulators, i);
    else byRep.set(rep, Accumulator.unpack(later.kinds[m] as AggregateKind, later.accumulators, i));
  }
}
