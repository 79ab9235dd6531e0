import { describe, expect, it } from "vitest";
import { isTrue } from "../../../src/expr/isTrue.js";
import { references } from "../../../src/expr/references.js";
import { n, parsed } from "./helpers.js";

describe("references", () => {
  it.each([
    ["1 + 2", []],
    ["amount", [{ kind: "name", name: "amount", index: 0 }]],
    ["days(created, closed) > 30", [{ kind: "name", name: "created", index: 5 }, { kind: "name", name: "closed", index: 14 }]],
    ["a + a", [{ kind: "name", name: "a", index: 0 }, { kind: "name", name: "a", index: 4 }]],
    ["dimension.process >= 80", [{ kind: "member", object: "dimension", property: "process", index: 0 }]],
    [
      "score >= 60 and (not attainment.visits < 1 or tier in ['A'])",
      [
        { kind: "name", name: "score", index: 0 },
        { kind: "member", object: "attainment", property: "visits", index: 21 },
        { kind: "name", name: "tier", index: 46 },
      ],
    ],
    ["coalesce(x, -y, round(z))", [{ kind: "name", name: "x", index: 9 }, { kind: "name", name: "y", index: 13 }, { kind: "name", name: "z", index: 22 }]],
    ["  \n  won_deals / closed_deals", [{ kind: "name", name: "won_deals", index: 5 }, { kind: "name", name: "closed_deals", index: 17 }]],
    ["this + constructor", [{ kind: "name", name: "this", index: 0 }, { kind: "name", name: "constructor", index: 7 }]],
  ] as const)("%s", (source, expected) => {
    expect(references(parsed(source))).toEqual(expected);
  });

  it("does not count function names as references", () => {
    expect(references(parsed("lower(upper(s))")).map((ref) => ref.kind === "name" && ref.name)).toEqual(["s"]);
  });
});

describe("isTrue", () => {
  it.each([
    [true, true],
    [false, false],
    [null, false],
    ["true", false],
    [n(1), false],
  ] as const)("%s → %s", (value, expected) => {
    expect(isTrue(value)).toBe(expected);
  });
});
