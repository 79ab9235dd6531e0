/**
 * Everything the engine needs from a record source, accumulated one record
 * at a time so that no source is ever held in memory: per metric, month and
 * rep an accumulator (any period is a merge of its months); per day for the
 * period-end check; the candidates of per_record components; and what the
 * anomaly checks need about owners (unknown, ambiguous, per-month counts).
 * Pure: records in, plain data out; memory grows with reps × months, not rows.
 */
import type { Anomaly } from "../anomalies/anomaly.js";
import type { Config } from "../config/schema.js";
import { CalendarDate, type Day } from "../dates/calendarDate.js";
import { isTrue } from "../expr/isTrue.js";
import type { PortableSink } from "../ingest/parallel/filePart.js";
import { deferredUnits, type SourceRecord } from "../ingest/sourceData.js";
import { isDec } from "../money.js";
import { MoneySum } from "./moneySum.js";
import { Accumulator } from "./accumulator.js";
import { compileForRecords, type RecordFn } from "./compileForRecords.js";
import { USUAL_FIRST_MONTH, USUAL_MONTHS, monthOfDay, monthsSignature, type MonthKey } from "./monthKeys.js";
import { ambiguousRepAnomaly, repHeader, type UnknownOwner } from "./ownerAnomalies.js";
import { RecentMonths } from "./recentMonths.js";
import type { RecordCandidate } from "./recordCandidate.js";
import type { Rep } from "./roster.js";
import type { RepMatcher } from "./repMatcher.js";

/** rep id -> accumulator */
export type RepAccumulators = Map<string, Accumulator>;

export interface OwnerActivity {
  /** months the record's date columns fall in */
  months: MonthKey[];
  count: number;
  money: MoneySum;
  file: string | null;
  row: number;
}

export interface SourceAggregates {
  source: string;
  /** metric -> month -> rep -> accumulator */
  monthly: Map<string, Map<MonthKey, RepAccumulators>>;
  /** metric -> day -> rep -> accumulator, for metrics whose last days are checked */
  daily: Map<string, Map<Day, RepAccumulators>>;
  /** date column -> months holding at least one record */
  monthsWithRecords: Map<string, Set<MonthKey>>;
  latestDay: Day | null;
  /** rep -> months signature (the month, or "m1|m2" for several) -> records of that rep touching exactly those months */
  owners: Map<string, Map<number | string, OwnerActivity>>;
  unknown: Map<string, UnknownOwner>;
  ambiguous: Anomaly[];
  /** "plan index:component index" -> records passing the component's `where` */
  perRecord: Map<string, RecordCandidate[]>;
  /** whether the source has a money column (unknown_rep and inactive_rep report money) */
  hasMoney: boolean;
}

interface MetricPlan {
  name: string;
  date: number;
  where: RecordFn | null;
  value: RecordFn | null;
  /** the column the value is, when it is a bare column (a money value read as units then adds without a decimal) */
  valueColumn: number;
  kind: Accumulator["kind"];
  daily: boolean;
}

export class SourceAggregator {
  private readonly metrics: MetricPlan[];
  private readonly components: { key: string; date: number; where: RecordFn | null; value: RecordFn | null }[];
  private readonly dateColumns: { name: string; index: number }[];
  private readonly repAt: number;
  private readonly keyAt: number;
  private readonly moneyAt: number;
  private readonly repHeader: string;
  /** month of each date column of the record being added (by column index) */
  private readonly monthAt: MonthKey[] = [];
  /** the columns `add` reads */
  private readonly reads = new Set<number>();
  private data!: SourceAggregates;
  /** monthsWithRecords' set of each date column, in dateColumns order, and which of the usual months are in it already */
  private monthSets: Set<MonthKey>[] = [];
  private monthSeen: Uint8Array[] = [];
  /** what a raw rep text resolved to, and that rep's owner entries: one look-up per record */
  private owners = new Map<string, OwnerState>();
  /** keepMonths as one byte per usual month (1: kept), looked up once or twice per record */
  private readonly keptUsual = new Uint8Array(USUAL_MONTHS);
  /** set when the aggregator can be built again on a reader thread (portableAggregator) */
  portable: PortableSink | undefined = undefined;

  constructor(
    private readonly source: string,
    private readonly columns: readonly string[],
    private readonly files: readonly string[],
    config: Config,
    private readonly matcher: RepMatcher,
    /** when the period is known before reading: the only months worth accumulating (the period's and the previous period's); null keeps every month */
    private readonly keepMonths: ReadonlySet<MonthKey> | null = null,
  ) {
    const at = (column: string) => columns.indexOf(column);
    const reads = this.reads;
    const dailyMetric = config.anomalies?.period_end_share?.metric;
    this.metrics = Object.entries(config.metrics).flatMap(([name, m]) =>
      m.source === source && m.formula === undefined
        ? [{
            name, date: at(m.date ?? ""), where: m.where ? compileForRecords(m.where, columns, reads) : null, value: m.value ? compileForRecords(m.value, columns, reads) : null,
            valueColumn: m.value === undefined ? -1 : at(m.value.trim()), kind: m.aggregate ?? "count", daily: name === dailyMetric,
          }]
        : [],
    );
    this.components = (config.commission?.plans ?? []).flatMap((plan, p) =>
      plan.components.flatMap((c, i) => {
        if (c.type !== "per_record" || c.source !== source) return [];
        const spec = config.sources[source];
        const money = columns.find((col) => spec?.columns[col]?.type === "money");
        const value = c.value ?? money;
        return [{ key: `${p}:${i}`, date: at(c.date), where: c.where ? compileForRecords(c.where, columns, reads) : null, value: value ? compileForRecords(value, columns, reads) : null }];
      }),
    );
    const dates = new Set([...this.metrics.map((m) => columns[m.date] ?? ""), ...this.components.map((c) => columns[c.date] ?? "")]);
    this.dateColumns = [...dates].filter((d) => d !== "").map((name) => ({ name, index: at(name) }));
    this.repAt = at("rep");
    this.repHeader = repHeader(config, source);
    const spec = config.sources[source];
    this.keyAt = spec?.key === undefined ? -1 : at(spec.key);
    this.moneyAt = columns.findIndex((col) => spec?.columns[col]?.type === "money");
    for (const index of [...this.dateColumns.map((d) => d.index), this.repAt, this.keyAt, this.moneyAt]) if (index >= 0) reads.add(index);
    for (const month of keepMonths ?? []) if (month >= USUAL_FIRST_MONTH && month < USUAL_FIRST_MONTH + USUAL_MONTHS) this.keptUsual[month - USUAL_FIRST_MONTH] = 1;
    this.reset();
  }

  /** Whether records of `month` are accumulated: every month without keepMonths; -1 (no date) never with them. */
  private keeps(month: MonthKey): boolean {
    if (this.keepMonths === null) return true;
    const at = month - USUAL_FIRST_MONTH;
    return at >= 0 && at < USUAL_MONTHS ? this.keptUsual[at] === 1 : this.keepMonths.has(month);
  }

  columnsRead(): ReadonlySet<number> {
    return this.reads;
  }

  /** Forget everything added (for a second pass over a source). */
  reset(): void {
    this.monthSets = this.dateColumns.map(() => new Set<MonthKey>());
    this.monthSeen = this.dateColumns.map(() => new Uint8Array(USUAL_MONTHS));
    this.owners = new Map();
    this.data = {
      source: this.source, monthly: new Map(), daily: new Map(), monthsWithRecords: new Map(this.dateColumns.map((d, i) => [d.name, this.monthSets[i] ?? new Set<MonthKey>()])),
      latestDay: null, owners: new Map(), unknown: new Map(), ambiguous: [], perRecord: new Map(this.components.map((c) => [c.key, []])), hasMoney: this.moneyAt >= 0,
    };
  }

  add(record: SourceRecord): void {
    const d = this.data;
    const monthAt = this.monthAt;
    const values = record.values;
    let first = -1; // the record's months: first, second, and any more in `more`
    let second = -1;
    let more: MonthKey[] | null = null;
    for (let c = 0; c < this.dateColumns.length; c++) {
      const index = (this.dateColumns[c] as { index: number }).index;
      const date = values[index];
      if (!(date instanceof CalendarDate)) continue;
      const day = date.day;
      const month = monthOfDay(day);
      monthAt[index] = month;
      const seenAt = month - USUAL_FIRST_MONTH;
      const seen = this.monthSeen[c] as Uint8Array;
      if (seenAt < 0 || seenAt >= seen.length || seen[seenAt] === 0) {
        (this.monthSets[c] as Set<MonthKey>).add(month);
        if (seenAt >= 0 && seenAt < seen.length) seen[seenAt] = 1;
      }
      if (first < 0) first = month;
      else if (month !== first) {
        if (second < 0) second = month;
        else if (month !== second && !(more ??= []).includes(month)) more.push(month);
      }
      if (d.latestDay === null || day > d.latestDay) d.latestDay = day;
    }
    const rawValue = values[this.repAt];
    const raw = typeof rawValue === "string" ? rawValue : String(rawValue ?? "");
    let owner = this.owners.get(raw);
    if (owner === undefined) this.owners.set(raw, (owner = this.ownerState(raw, record)));
    if (owner.rep === null) {
      if (owner.unknown !== null) {
        owner.unknown.count++;
        this.addMoney(owner.unknown.money, record);
      } else d.ambiguous.push(ambiguousRepAnomaly(this.source, this.repHeader, raw, owner.ambiguous, this.files[record.file] ?? null, record.row));
      return;
    }
    const rep = owner.rep;
    // nothing of a record outside the kept months can reach the run (not even an inactive_rep warning, which looks at the period's months)
    if (!this.keeps(first) && !this.keeps(second) && !(more?.some((m) => this.keeps(m)) ?? false)) return;
    this.noteOwner(owner, first, second, more, record);
    for (let m = 0; m < this.metrics.length; m++) this.addToMetric(this.metrics[m] as MetricPlan, m, owner.recent, rep, record);
    for (const component of this.components) {
      const date = values[component.date];
      if (!(date instanceof CalendarDate) || (component.where && !isTrue(component.where(record)))) continue;
      if (!this.keeps(monthOfDay(date.day))) continue;
      const value = component.value ? component.value(record) : null;
      const key = this.keyAt >= 0 ? String(values[this.keyAt] ?? "") : null;
      d.perRecord.get(component.key)?.push({ rep, day: date.day, value: isDec(value) ? value : null, key, file: this.files[record.file] ?? "", row: record.row });
    }
  }

  /** Resolve a raw rep text once: a rep (with its owner entries), an unknown owner, or an ambiguous one. */
  private ownerState(raw: string, record: SourceRecord): OwnerState {
    const match = this.matcher.match(raw);
    if (match.kind === "rep") {
      const rep = match.rep.id;
      let byMonths = this.data.owners.get(rep);
      if (!byMonths) this.data.owners.set(rep, (byMonths = new Map()));
      return { rep, byMonths, unknown: null, ambiguous: [], recent: new RecentMonths(this.metrics.length) };
    }
    if (match.kind === "ambiguous") return { rep: null, byMonths: new Map(), unknown: null, ambiguous: match.reps, recent: new RecentMonths(0) };
    return { rep: null, byMonths: new Map(), unknown: this.unknownOwner(raw, record), ambiguous: [], recent: new RecentMonths(0) };
  }

  private unknownOwner(raw: string, first: SourceRecord): UnknownOwner {
    let seen = this.data.unknown.get(raw);
    if (!seen) this.data.unknown.set(raw, (seen = { count: 0, money: new MoneySum(), file: this.files[first.file] ?? null, row: first.row }));
    return seen;
  }

  /** The record's money (its source's first money column) into a running total. */
  private addMoney(sum: MoneySum, record: SourceRecord): void {
    if (this.moneyAt < 0) return;
    const deferred = deferredUnits(record, this.moneyAt);
    if (deferred !== undefined) sum.addUnits(deferred.units, deferred.scale);
    else {
      const money = record.values[this.moneyAt];
      if (isDec(money)) sum.add(money);
    }
  }

  result(): SourceAggregates {
    return this.data;
  }

  /** `m`: the metric's index in `metrics`; `recent`: the rep's accumulators of its last two months */
  private addToMetric(metric: MetricPlan, m: number, recent: RecentMonths, rep: string, record: SourceRecord): void {
    const date = record.values[metric.date];
    if (!(date instanceof CalendarDate)) return;
    const month = this.monthAt[metric.date] ?? monthOfDay(date.day);
    if (!this.keeps(month)) return;
    if (metric.where && !isTrue(metric.where(record))) return;
    let monthly = recent.get(m, month);
    if (monthly === undefined) recent.remember(m, month, (monthly = accumulatorFor(this.data.monthly, metric.name, month, rep, metric.kind)));
    const daily = metric.daily ? accumulatorFor(this.data.daily, metric.name, date.day, rep, metric.kind) : null;
    const deferred = monthly.takesUnits ? deferredUnits(record, metric.valueColumn) : undefined;
    if (deferred !== undefined) {
      monthly.addUnits(deferred.units, deferred.scale);
      daily?.addUnits(deferred.units, deferred.scale);
      return;
    }
    const value = metric.value ? metric.value(record) : null;
    monthly.add(value);
    daily?.add(value);
  }

  private noteOwner(owner: OwnerState, first: MonthKey, second: MonthKey, more: MonthKey[] | null, record: SourceRecord): void {
    const byMonths = owner.byMonths;
    const signature = monthsSignature(first, second, more);
    let seen = byMonths.get(signature);
    if (!seen) {
      const months = first < 0 ? [] : second < 0 ? [first] : [first, second, ...(more ?? [])];
      byMonths.set(signature, (seen = { months, count: 0, money: new MoneySum(), file: this.files[record.file] ?? null, row: record.row }));
    }
    seen.count++;
    this.addMoney(seen.money, record);
  }
}

interface OwnerState {
  /** the roster rep, or null for an unknown or ambiguous owner */
  rep: string | null;
  byMonths: Map<number | string, OwnerActivity>;
  unknown: UnknownOwner | null;
  ambiguous: readonly Rep[];
  /** a rep's accumulators of the last two months it was given, per metric (an owner that is not a rep never reaches a metric: none) */
  recent: RecentMonths;
}

function accumulatorFor(table: Map<string, Map<number, RepAccumulators>>, metric: string, bucket: number, rep: string, kind: Accumulator["kind"]): Accumulator {
  let byBucket = table.get(metric);
  if (!byBucket) table.set(metric, (byBucket = new Map()));
  let byRep = byBucket.get(bucket);
  if (!byRep) byBucket.set(bucket, (byRep = new Map()));
  let acc = byRep.get(rep);
  if (!acc) byRep.set(rep, (acc = new Accumulator(kind)));
  return acc;
}
