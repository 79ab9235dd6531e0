import { describe, expect, it } from "vitest";
import { RepMatcher } from "../../../src/engine/repMatcher.js";
import { makeRep } from "../../support/builders.js";

const reps = [
  makeRep({ id: "R001", name: "Li Wei", attributes: { email: "li.wei@example.com" } }),
  makeRep({ id: "R002", name: "Wang Fang", attributes: { email: "fang@example.com" } }),
  makeRep({ id: "R003", name: "Zhang Min" }),
  makeRep({ id: "R004", name: "zhang min" }),
];
const matcher = new RepMatcher(reps, ["name", "email"]);

describe("RepMatcher", () => {
  it.each([
    ["R001", "R001"],
    [" r002 ", "R002"], // trimmed and case-folded
    ["Li Wei", "R001"], // by the first match column
    ["LI WEI", "R001"],
    ["fang@example.com", "R002"], // by a later match column
  ])("%j is %s", (raw, id) => {
    const match = matcher.match(raw);
    expect(match.kind === "rep" ? match.rep.id : match.kind).toBe(id);
  });

  it("reports a value matching two reps as ambiguous and one matching none as unknown", () => {
    const ambiguous = matcher.match("Zhang Min");
    expect(ambiguous.kind).toBe("ambiguous");
    expect(ambiguous.kind === "ambiguous" ? ambiguous.reps.map((r) => r.id) : []).toEqual(["R003", "R004"]);
    expect(matcher.match("Nobody").kind).toBe("unknown");
  });

  it("prefers an id over a name that happens to equal it", () => {
    const tricky = new RepMatcher([makeRep({ id: "R1", name: "R2" }), makeRep({ id: "R2", name: "Bob" })], ["name"]);
    const match = tricky.match("R2");
    expect(match.kind === "rep" ? match.rep.id : null).toBe("R2");
  });
});
