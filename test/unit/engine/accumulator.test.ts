import { describe, expect, it } from "vitest";
import { Accumulator, type AggregateKind } from "../../../src/engine/accumulator.js";
import { Dec } from "../../../src/money.js";

const values = [new Dec("100.10"), null, new Dec("200.20"), "x", new Dec("0.30")];

describe("Accumulator", () => {
  it.each<[AggregateKind, string | null]>([
    ["sum", "300.6"], // 100.10 + 200.20 + 0.30, exactly
    ["count", "5"], // records, nulls and non-numbers included
    ["count_distinct", "4"], // 100.1, 200.2, "x", 0.3 (null skipped)
    ["avg", "100.2"], // 300.60 / 3 numbers
    ["min", "0.3"],
    ["max", "200.2"],
  ])("%s", (kind, expected) => {
    const acc = new Accumulator(kind);
    values.forEach((v) => acc.add(v));
    expect(acc.result()?.toString() ?? null).toBe(expected);
  });

  it.each<[AggregateKind, string | null]>([
    ["sum", "0"],
    ["count", "0"],
    ["count_distinct", "0"],
    ["avg", null],
    ["min", null],
    ["max", null],
  ])("%s over no records", (kind, expected) => {
    expect(new Accumulator(kind).result()?.toString() ?? null).toBe(expected);
  });

  it("merges like a single pass", () => {
    for (const kind of ["sum", "count", "count_distinct", "avg", "min", "max"] as const) {
      const whole = new Accumulator(kind);
      const left = new Accumulator(kind);
      const right = new Accumulator(kind);
      values.forEach((v, i) => {
        whole.add(v);
        (i < 2 ? left : right).add(v);
      });
      left.merge(right);
      expect(left.result()?.toString(), kind).toBe(whole.result()?.toString());
      expect(left.records).toBe(whole.records);
    }
  });

  it("keeps 0.1 + 0.2 exact", () => {
    const acc = new Accumulator("sum");
    acc.add(new Dec("0.1"));
    acc.add(new Dec("0.2"));
    expect(acc.result()?.toString()).toBe("0.3");
  });
});
