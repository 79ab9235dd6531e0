/**
 * Aggregates as accumulators with `add` and `merge`, so the same code serves
 * one file, several files, chunks or two cores. Numbers are exact decimals.
 * `count` counts records (nulls included); the others skip nulls and
 * non-numbers; over no records sum/count/count_distinct give 0 and
 * avg/min/max give null.
 */
import type { Value } from "../expr/value.js";
import { Dec, ZERO, isDec } from "../money.js";

export type AggregateKind = "sum" | "count" | "count_distinct" | "avg" | "min" | "max";

/** An accumulator as plain data, to cross to another thread. */
export interface PackedAccumulator {
  kind: AggregateKind;
  records: number;
  sum: string;
  numbers: number;
  extreme: string | null;
  distinct: string[] | null;
}

export class Accumulator {
  /** records that reached this accumulator */
  records = 0;
  private sum: Dec = ZERO;
  private numbers = 0;
  private extreme: Dec | null = null;
  private readonly distinct: Set<string> | null;

  constructor(readonly kind: AggregateKind) {
    this.distinct = kind === "count_distinct" ? new Set() : null;
  }

  add(value: Value): void {
    this.records++;
    if (this.distinct) {
      if (value !== null) this.distinct.add(distinctKey(value));
      return;
    }
    if (!isDec(value)) return;
    this.numbers++;
    if (this.kind === "sum" || this.kind === "avg") this.sum = this.sum.plus(value);
    else if (this.kind === "min" && (this.extreme === null || value.lt(this.extreme))) this.extreme = value;
    else if (this.kind === "max" && (this.extreme === null || value.gt(this.extreme))) this.extreme = value;
  }

  merge(other: Accumulator): void {
    this.records += other.records;
    this.numbers += other.numbers;
    this.sum = this.sum.plus(other.sum);
    if (this.distinct && other.distinct) for (const key of other.distinct) this.distinct.add(key);
    if (other.extreme !== null) {
      if (this.extreme === null || (this.kind === "min" ? other.extreme.lt(this.extreme) : other.extreme.gt(this.extreme))) this.extreme = other.extreme;
    }
  }

  pack(): PackedAccumulator {
    return { kind: this.kind, records: this.records, sum: this.sum.toString(), numbers: this.numbers, extreme: this.extreme?.toString() ?? null, distinct: this.distinct ? [...this.distinct] : null };
  }

  static unpack(packed: PackedAccumulator): Accumulator {
    const acc = new Accumulator(packed.kind);
    acc.records = packed.records;
    acc.sum = new Dec(packed.sum);
    acc.numbers = packed.numbers;
    acc.extreme = packed.extreme === null ? null : new Dec(packed.extreme);
    if (acc.distinct && packed.distinct) for (const key of packed.distinct) acc.distinct.add(key);
    return acc;
  }

  result(): Dec | null {
    switch (this.kind) {
      case "count":
        return new Dec(this.records);
      case "count_distinct":
        return new Dec(this.distinct?.size ?? 0);
      case "sum":
        return this.sum;
      case "avg":
        return this.numbers === 0 ? null : this.sum.div(this.numbers);
      case "min":
      case "max":
        return this.extreme;
    }
  }
}

function distinctKey(value: Exclude<Value, null>): string {
  if (isDec(value)) return `n:${value.toString()}`;
  return `${typeof value}:${String(value)}`;
}
