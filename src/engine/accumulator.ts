/**
 * Aggregates as accumulators with `add` and `merge`, so the same code serves
 * one file, several files, chunks or two cores. Numbers are exact decimals.
 * `count` counts records (nulls included); the others skip nulls and
 * non-numbers; over no records sum/count/count_distinct give 0 and
 * avg/min/max give null.
 */
import type { Value } from "../expr/value.js";
import { Dec, isDec } from "../money.js";
import { LANES, MoneySum } from "./moneySum.js";

export type AggregateKind = "sum" | "count" | "count_distinct" | "avg" | "min" | "max";

/**
 * Accumulators as columns, to cross to another thread: a few typed arrays and
 * string lists instead of an object per accumulator (a part holds thousands,
 * and cloning and then collecting them cost the main thread more than
 * merging them). Entry i is the i-th accumulator packed.
 */
export interface PackedAccumulators {
  records: Float64Array;
  /** how many of the values were numbers (an avg divides its sum by this) */
  numbers: Float64Array;
  /** sum and avg: the total's lanes, LANES per entry (see MoneySum) */
  lanes: Float64Array;
  /** sum and avg: the total's decimal part; min and max: the extreme; as text, or null */
  decimals: (string | null)[];
  /** count_distinct: entry i's text values are texts[textEnds[i - 1] (0 for the first), textEnds[i]); its other values, by key, likewise in distinct */
  textEnds: Int32Array;
  texts: string[];
  distinctEnds: Int32Array;
  distinct: string[];
}

/** Where entry `i` of a list cut by `ends` (each entry's end, exclusive, one after another) starts. */
export function entryStart(ends: Int32Array, i: number): number {
  return i === 0 ? 0 : (ends[i - 1] as number);
}

export class Accumulator {
  /** records that reached this accumulator */
  records = 0;
  private readonly sum = new MoneySum();
  private numbers = 0;
  private extreme: Dec | null = null;
  /** count_distinct: text values as they are, every other value by its distinctKey */
  private readonly texts: Set<string> | null;
  private readonly distinct: Set<string> | null;

  constructor(readonly kind: AggregateKind) {
    this.texts = kind === "count_distinct" ? new Set() : null;
    this.distinct = kind === "count_distinct" ? new Set() : null;
  }

  add(value: Value): void {
    this.records++;
    if (this.distinct) {
      if (typeof value === "string") this.texts?.add(value);
      else if (value !== null) this.distinct.add(distinctKey(value));
      return;
    }
    if (!isDec(value)) return;
    this.numbers++;
    if (this.kind === "sum" || this.kind === "avg") this.sum.add(value);
    else if (this.kind === "min" || this.kind === "max") this.takeExtreme(value);
  }

  /** Whether `addUnits` can take a number as integer units (sum and avg), so that no decimal need be built for it. */
  get takesUnits(): boolean {
    return this.kind === "sum" || this.kind === "avg";
  }

  /** A number given as `units` × 10^-scale (a safe integer; see MoneySum.addUnits), for a sum or an avg. */
  addUnits(units: number, scale: number): void {
    this.records++;
    this.numbers++;
    this.sum.addUnits(units, scale);
  }

  merge(other: Accumulator): void {
    this.records += other.records;
    this.numbers += other.numbers;
    this.sum.merge(other.sum);
    this.addDistinct(other.texts, other.distinct);
    this.takeExtreme(other.extreme);
  }

  /** Packs accumulators (of any kinds) as columns, in order. */
  static pack(accumulators: readonly Accumulator[]): PackedAccumulators {
    const n = accumulators.length;
    const packed: PackedAccumulators = {
      records: new Float64Array(n), numbers: new Float64Array(n), lanes: new Float64Array(n * LANES), decimals: new Array<string | null>(n).fill(null),
      textEnds: new Int32Array(n), texts: [], distinctEnds: new Int32Array(n), distinct: [],
    };
    accumulators.forEach((acc, i) => {
      packed.records[i] = acc.records;
      packed.numbers[i] = acc.numbers;
      if (acc.kind === "sum" || acc.kind === "avg") packed.decimals[i] = acc.sum.packInto(packed.lanes, i * LANES);
      else if (acc.extreme !== null) packed.decimals[i] = acc.extreme.toString();
      for (const text of acc.texts ?? []) packed.texts.push(text);
      for (const key of acc.distinct ?? []) packed.distinct.push(key);
      packed.textEnds[i] = packed.texts.length;
      packed.distinctEnds[i] = packed.distinct.length;
    });
    return packed;
  }

  /** Adds entry `i` of packed accumulators (another thread's) as `merge` adds an accumulator, without building one in between. */
  mergePacked(packed: PackedAccumulators, i: number): void {
    this.records += packed.records[i] as number;
    this.numbers += packed.numbers[i] as number;
    const decimal = packed.decimals[i] ?? null;
    if (this.kind === "sum" || this.kind === "avg") this.sum.mergePacked(decimal, packed.lanes, i * LANES);
    else if (decimal !== null) this.takeExtreme(new Dec(decimal));
    if (this.texts) for (let j = entryStart(packed.textEnds, i); j < (packed.textEnds[i] as number); j++) this.texts.add(packed.texts[j] as string);
    if (this.distinct) for (let j = entryStart(packed.distinctEnds, i); j < (packed.distinctEnds[i] as number); j++) this.distinct.add(packed.distinct[j] as string);
  }

  static unpack(kind: AggregateKind, packed: PackedAccumulators, i: number): Accumulator {
    const acc = new Accumulator(kind);
    acc.mergePacked(packed, i);
    return acc;
  }

  /** min and max: keep `value` when it beats the extreme so far. */
  private takeExtreme(value: Dec | null): void {
    if (value !== null && (this.extreme === null || (this.kind === "min" ? value.lt(this.extreme) : value.gt(this.extreme)))) this.extreme = value;
  }

  private addDistinct(texts: Iterable<string> | null | undefined, keys: Iterable<string> | null | undefined): void {
    if (this.texts && texts) for (const text of texts) this.texts.add(text);
    if (this.distinct && keys) for (const key of keys) this.distinct.add(key);
  }

  result(): Dec | null {
    switch (this.kind) {
      case "count":
        return new Dec(this.records);
      case "count_distinct":
        return new Dec((this.distinct?.size ?? 0) + (this.texts?.size ?? 0));
      case "sum":
        return this.sum.total();
      case "avg":
        return this.numbers === 0 ? null : this.sum.total().div(this.numbers);
      case "min":
      case "max":
        return this.extreme;
    }
  }
}

/** A value other than text as a key (text is kept as it is, in a set of its own): a number by its decimal text (1.50 and 1.5 are one value), the rest by type. */
function distinctKey(value: Exclude<Value, null>): string {
  if (isDec(value)) return `n:${value.toString()}`;
  return `${typeof value}:${String(value)}`;
}

