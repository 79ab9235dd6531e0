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

  /** Adds a packed accumulator (another thread's) as `merge` adds an accumulator, without building one in between (a part's thousands of them are merged this way). */
  mergePacked(packed: PackedAccumulator): void {
    this.records += packed.records;
    this.numbers += packed.numbers ?? 0;
    if (packed.sum !== undefined) this.sum.mergePacked(packed.sum);
    this.addDistinct(packed.texts, packed.distinct);
    this.takeExtreme(packed.extreme === undefined || packed.extreme === null ? null : new Dec(packed.extreme));
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
    acc.mergePacked(packed);
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

