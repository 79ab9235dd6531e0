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

  it("adds amounts given as integer units exactly, alongside decimals", () => {
    const sum = new Accumulator("sum");
    sum.addUnits(2_750_053, 2); // 27500.53
    sum.add(new Dec("0.47"));
    sum.addUnits(-1, 0); // -1
    expect(sum.result()?.toString()).toBe("27500"); // 27500.53 + 0.47 - 1
    expect(sum.records).toBe(3);
    const avg = new Accumulator("avg");
    avg.addUnits(15, 1); // 1.5
    avg.add(new Dec("2.5"));
    expect(avg.result()?.toString()).toBe("2"); // (1.5 + 2.5) / 2
    expect(avg.takesUnits && sum.takesUnits).toBe(true);
    expect(new Accumulator("max").takesUnits).toBe(false);
  });

  it("counts text and numbers apart, and keeps them apart through pack and unpack", () => {
    const acc = new Accumulator("count_distinct");
    for (const value of ["1.5", new Dec("1.5"), new Dec("1.50"), "Acme", "Acme", true, "true"]) acc.add(value);
    // "1.5" (text), 1.5 (1.50 is the same number), "Acme", true, "true": 5
    expect(acc.result()?.toString()).toBe("5");
    const copy = Accumulator.unpack("count_distinct", Accumulator.pack([acc]), 0);
    copy.add("1.5"); // already there as text
    copy.add(new Dec("1.5")); // already there as a number
    expect(copy.result()?.toString()).toBe("5");
    expect(copy.records).toBe(9);
  });
  it.each(["sum", "avg", "count", "count_distinct", "min", "max"] as const)("merges a packed %s as it merges the accumulator unpacked", (kind) => {
    const build = (values: (string | Dec)[], units: [number, number][]): Accumulator => {
      const acc = new Accumulator(kind);
      for (const value of values) acc.add(value);
      if (acc.takesUnits) for (const [u, scale] of units) acc.addUnits(u, scale);
      return acc;
    };
    // earlier part: 10, 2.25 (and 27500.53 as units); later part: 7.5, 2.25, "x" (and -1 as units)
    const later = build([new Dec("7.5"), new Dec("2.25"), "x"], [[-1, 0]]);
    const viaUnpack = build([new Dec("10"), new Dec("2.25")], [[2_750_053, 2]]);
    viaUnpack.merge(Accumulator.unpack(kind, Accumulator.pack([later]), 0));
    const viaPacked = build([new Dec("10"), new Dec("2.25")], [[2_750_053, 2]]);
    viaPacked.mergePacked(Accumulator.pack([later]), 0);
    expect(viaPacked.result()?.toString()).toBe(viaUnpack.result()?.toString());
    expect(viaPacked.records).toBe(viaUnpack.records);
    // sum: 10 + 2.25 + 27500.53 + 7.5 + 2.25 - 1 = 27521.53; avg: that / 6 (to 60 significant digits); count: 2 + 3 values
    // added (units go to sums and averages only); count_distinct: 10, 2.25, 7.5 and "x"; min 2.25; max 10
    const expected = { sum: "27521.53", avg: "4586.92166666666666666666666666666666666666666666666666666667", count: "5", count_distinct: "4", min: "2.25", max: "10" }[kind];
    expect(viaPacked.result()?.toString()).toBe(expected);
  });

  it("packs accumulators of every kind side by side, each entry keeping only its own values", () => {
    const distinct = (values: string[]): Accumulator => {
      const acc = new Accumulator("count_distinct");
      for (const value of values) acc.add(value);
      return acc;
    };
    const sum = new Accumulator("sum");
    sum.add(new Dec("0.1")); // the decimal part
    sum.addUnits(2_750_053, 2); // 27500.53 in the lanes
    const max = new Accumulator("max");
    for (const value of ["3", "11.5", "7"]) max.add(new Dec(value));
    const empty = distinct([]);
    const packed = Accumulator.pack([distinct(["a", "b"]), sum, empty, max, distinct(["c"]), new Accumulator("min")]);
    // texts one after another: entry 0 has a, b (ends at 2); entry 2 none (still 2); entry 4 has c (ends at 3)
    expect([...packed.textEnds]).toEqual([2, 2, 2, 2, 3, 3]);
    const results = (["count_distinct", "sum", "count_distinct", "max", "count_distinct", "min"] as const).map((kind, i) => Accumulator.unpack(kind, packed, i).result()?.toString() ?? null);
    // 0.1 + 27500.53 = 27500.63; max of 3, 11.5, 7; min over no numbers is null
    expect(results).toEqual(["2", "27500.63", "0", "11.5", "1", null]);
    const merged = distinct(["b", "z"]);
    merged.mergePacked(packed, 0); // b is already there: b, z, a
    expect([merged.result()?.toString(), merged.records]).toEqual(["3", 4]);
  });
});
