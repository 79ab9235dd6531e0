import { describe, expect, it } from "vitest";
import { DuplicateTracker } from "../../../src/ingest/duplicateTracker.js";

describe("DuplicateTracker", () => {
  it("drops an exact copy and keeps the first", () => {
    const t = new DuplicateTracker();
    expect(t.observe("D1", ["D1", "100"], 2, 0, 0)).toBe("first");
    expect(t.observe("D1", ["D1", "100"], 3, 0, -1)).toBe("duplicate");
    expect(t.conflicts()).toEqual([]);
  });

  it("reports every row of a key whose rows differ", () => {
    const t = new DuplicateTracker();
    t.observe("D1", ["D1", "100"], 2, 0, 0);
    t.observe("D1", ["D1", "100"], 3, 0, -1);
    expect(t.observe("D1", ["D1", "999"], 4, 0, 1)).toBe("conflict");
    expect(t.conflicts()).toEqual([{ key: "D1", rows: [{ row: 2, file: 0, record: 0, rep: null }, { row: 3, file: 0, record: -1, rep: null }, { row: 4, file: 0, record: 1, rep: null }] }]);
  });

  it("does not confuse values that only differ in where the separator falls", () => {
    const t = new DuplicateTracker();
    t.observe("K", ["a", "bc"], 2, 0, 0);
    expect(t.observe("K", ["ab", "c"], 3, 0, 1)).toBe("conflict");
  });
});
