import { describe, expect, it } from "vitest";
import { Accumulator } from "../../../src/engine/accumulator.js";
import { RecentMonths } from "../../../src/engine/recentMonths.js";

describe("RecentMonths", () => {
  it("remembers two months per metric and forgets the older when a third comes", () => {
    const recent = new RecentMonths(2);
    const [aug, sep, oct] = [new Accumulator("count"), new Accumulator("count"), new Accumulator("count")];
    expect(recent.get(0, 24319)).toBeUndefined();
    recent.remember(0, 24319, aug);
    recent.remember(0, 24320, sep);
    expect([recent.get(0, 24319), recent.get(0, 24320)]).toEqual([aug, sep]);
    expect(recent.get(1, 24319)).toBeUndefined(); // metric 1 has its own
    recent.remember(0, 24321, oct); // August, the older, is forgotten
    expect([recent.get(0, 24319), recent.get(0, 24320), recent.get(0, 24321)]).toEqual([undefined, sep, oct]);
  });
});
