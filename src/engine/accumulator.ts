/**
 * Aggregates as accumulators with `add` and `merge`, so the same code serves
 * one file, several files, chunks or two cores. Numbers are exact decimals.
 * `count` counts records (nulls included); the others skip nulls and
 * non-numbers; over no records sum/count/count_distinct give 0 and
 * avg/min/max give null.
 */
import type { Value } from "../expr/value.js";
import { Dec, isDec } from "../money.js";
import { MoneySum, type PackedMoneySum } from "./moneySum.js";

export type AggregateKind = "sum" | "count" | "count_distinct" | "avg" | "min" | "max";

/** An accumulator as plain data, to cross to another thread: only what its kind keeps (a part's thousands of accumulators are cloned). */
export interface PackedAccumulator {
  kind: AggregateKind;
  records: number;
  /** sum and avg: the total, and how many numbers made it */
  sum?: PackedMoneySum;
  numbers?: number;
  /** min and max */
  extreme?: string | null;
  /** count_distinct: the text values, and every other value by its key */
  texts?: string[];
  distinct?: string[];
}

export class Accumulator {
  /** records that reached this accumulator */
  records = 0;
  private sum = new MoneySum();
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
    else if (this.kind === "min" && (this.extreme === null || value.lt(this.extreme))) this.extreme = value;
    else if (this.kind === "max" && (this.extreme === null || value.gt(this.extreme))) this.extreme = value;
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
    if (this.texts && other.texts) for (const text of other.texts) this.texts.add(text);
    if (this.distinct && other.distinct) for (const key of other.distinct) this.distinct.add(key);
    if (other.extreme !== null) {
      if (this.extreme === null || (this.kind === "min" ? other.extreme.lt(this.extreme) : other.extreme.gt(this.extreme))) this.extreme = other.extreme;
    }
  }

  /** merge(Accumulator.unpack(packed)), without the accumulator in between (a part's thousands of them are merged this way). */
  mergePacked(packed: PackedAccumulator): void {
    this.records += packed.records;
    this.numbers += packed.numbers ?? 0;
    if (packed.sum !== undefined) this.sum.mergePacked(packed.sum);
    if (this.texts && packed.texts) for (const text of packed.texts) this.texts.add(text);
    if (this.distinct && packed.distinct) for (const key of packed.distinct) this.distinct.add(key);
    if (packed.extreme !== undefined && packed.extreme !== null) {
      const other = new Dec(packed.extreme);
      if (this.extreme === null || (this.kind === "min" ? other.lt(this.extreme) : other.gt(this.extreme))) this.extreme = other;
    }
  }

  pack(): PackedAccumulator {
    const { kind, records } = this;
    switch (kind) {
      case "count":
        return { kind, records };
      case "sum":
      case "avg":
        return { kind, records, sum: this.sum.pack(), numbers: this.numbers };
      case "min":
      case "max":
        return { kind, records, numbers: this.numbers, extreme: this.extreme?.toString() ?? null };
      case "count_distinct":
        return { kind, records, texts: [...(this.texts ?? [])], distinct: [...(this.distinct ?? [])] };
    }
  }

  static unpack(packed: PackedAccumulator): Accumulator {
    const acc = new Accumulator(packed.kind);
    acc.records = packed.records;
    if (packed.sum !== undefined) acc.sum = MoneySum.unpack(packed.sum);
    acc.numbers = packed.numbers ?? 0;
    acc.extreme = packed.extreme === undefined || packed.extreme === null ? null : new Dec(packed.extreme);
    if (acc.texts && packed.texts) for (const text of packed.texts) acc.texts.add(text);
    if (acc.distinct && packed.distinct) for (const key of packed.distinct) acc.distinct.add(key);
    return acc;
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

