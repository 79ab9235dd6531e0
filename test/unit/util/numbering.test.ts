import { describe, expect, it } from "vitest";
import { Numbering } from "../../../src/util/numbering.js";

describe("Numbering", () => {
  it("numbers values in order of first use and gives a value its number again", () => {
    const names = new Numbering<string | null>();
    expect([names.of("R002"), names.of("R001"), names.of("R002"), names.of(null), names.of("R001")]).toEqual([0, 1, 0, 2, 1]);
    expect(names.list).toEqual(["R002", "R001", null]); // by number
  });
});
