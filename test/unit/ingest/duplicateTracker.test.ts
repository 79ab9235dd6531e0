import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DuplicateTracker, fingerprintOf, type Conflict, type KeyRow, type Verdict } from "../../../src/ingest/duplicateTracker.js";

/** The plain definition: every key kept as text, every row of it kept. */
class ReferenceTracker {
  private readonly byKey = new Map<string, { fingerprint: number; rows: KeyRow[]; conflict: boolean }>();
  private readonly order: string[] = []; // keys in the order they got their second row

  observe(key: string, fingerprint: number, row: number, file: number, record: number, rep: string | null): Verdict {
    const seen = this.byKey.get(key);
    if (seen === undefined) {
      this.byKey.set(key, { fingerprint, rows: [{ row, file, record, rep }], conflict: false });
      return "first";
    }
    if (seen.rows.length === 1) this.order.push(key);
    if (!seen.conflict && seen.fingerprint === fingerprint) {
      seen.rows.push({ row, file, record: -1, rep });
      return "duplicate";
    }
    seen.conflict = true;
    seen.rows.push({ row, file, record, rep });
    return "conflict";
  }

  conflicts(): Conflict[] {
    return this.order.flatMap((key) => {
      const seen = this.byKey.get(key);
      return seen?.conflict ? [{ key, rows: seen.rows }] : [];
    });
  }
}

const id = (i: number): string => `A${String(i).padStart(7, "0")}`;

describe("DuplicateTracker", () => {
  it("drops an exact copy and keeps the first", () => {
    const t = new DuplicateTracker();
    expect(t.observe("D1", ["D1", "100"], 2, 0, 0)).toBe("first");
    expect(t.observe("D1", ["D1", "100"], 3, 0, -1)).toBe("duplicate");
    expect(t.observe("D1", ["D1", "100"], 4, 1, -1)).toBe("duplicate");
    expect(t.conflicts()).toEqual([]);
  });

  it("reports every row of a key whose rows differ, the first with its record index and rep", () => {
    const t = new DuplicateTracker();
    expect(t.observe("D1", ["D1", "100"], 2, 0, 0, "R001")).toBe("first");
    expect(t.observe("D2", ["D2", "100"], 3, 0, 1, "R002")).toBe("first");
    expect(t.observe("D1", ["D1", "100"], 4, 0, 2, "Li Wei")).toBe("duplicate");
    expect(t.observe("D1", ["D1", "999"], 5, 1, 2)).toBe("conflict");
    expect(t.conflicts()).toEqual([
      {
        key: "D1",
        rows: [
          { row: 2, file: 0, record: 0, rep: "R001" },
          { row: 4, file: 0, record: -1, rep: "Li Wei" },
          { row: 5, file: 1, record: 2, rep: null },
        ],
      },
    ]);
  });

  it("judges every later row of a conflicting key a conflict, even an exact copy of the first", () => {
    const t = new DuplicateTracker();
    t.observe("K", ["K", "1"], 2, 0, 0);
    expect(t.observe("K", ["K", "2"], 3, 0, 1)).toBe("conflict");
    expect(t.observe("K", ["K", "1"], 4, 0, 2)).toBe("conflict");
    expect(t.observe("K", ["K", "2"], 5, 0, 3)).toBe("conflict");
    expect(t.conflicts()[0]?.rows.map((r) => [r.row, r.record])).toEqual([[2, 0], [3, 1], [4, 2], [5, 3]]);
  });

  it("does not confuse values that only differ in where the separator falls", () => {
    const t = new DuplicateTracker();
    t.observe("K", ["a", "bc"], 2, 0, 0);
    expect(t.observe("K", ["ab", "c"], 3, 0, 1)).toBe("conflict");
  });

  it("tells apart keys that differ only slightly: case, spacing, non-ASCII, the empty key", () => {
    const t = new DuplicateTracker();
    const keys = ["", " ", "a", "A", "a ", " a", "ab", "ba", "订单1", "订单2", "😀", "\u{1F601}", "\u0000", "\u0000\u0000"];
    keys.forEach((key, i) => expect(t.observe(key, [key], i + 2, 0, i), JSON.stringify(key)).toBe("first"));
    keys.forEach((key, i) => expect(t.observe(key, [key], i + 100, 0, -1), JSON.stringify(key)).toBe("duplicate"));
    expect(t.conflicts()).toEqual([]);
  });

  it("gives the same verdicts through observeFingerprint", () => {
    const a = new DuplicateTracker();
    const b = new DuplicateTracker();
    const rows: [string, string[]][] = [["X", ["X", "1"]], ["Y", ["Y", "1"]], ["X", ["X", "1"]], ["Y", ["Y", "2"]], ["Z", ["Z"]]];
    rows.forEach(([key, values], i) => expect(b.observeFingerprint(key, fingerprintOf(values), i + 2, 0, i, "R1")).toBe(a.observe(key, values, i + 2, 0, i, "R1")));
    expect(b.conflicts()).toEqual(a.conflicts());
  });

  it("lists conflicts in the order their keys first repeated, not the order they first appeared", () => {
    const t = new DuplicateTracker();
    t.observe("K1", ["1"], 2, 0, 0);
    t.observe("K2", ["2"], 3, 0, 1);
    t.observe("K3", ["3"], 4, 0, 2);
    t.observe("K3", ["3"], 5, 0, -1); // K3 repeats first, as a duplicate
    t.observe("K2", ["x"], 6, 0, 3); // K2 conflicts
    t.observe("K1", ["y"], 7, 0, 4); // K1 conflicts
    t.observe("K3", ["z"], 8, 0, 5); // K3 turns into a conflict only now
    expect(t.conflicts().map((c) => c.key)).toEqual(["K3", "K2", "K1"]);
  });

  it("refuses a row, file or record index that is not a 32-bit integer rather than storing it wrongly", () => {
    const t = new DuplicateTracker();
    expect(() => t.observe("K", ["K"], 2 ** 31, 0, 0)).toThrow(RangeError);
    expect(() => t.observe("K", ["K"], 2, 0.5, 0)).toThrow(RangeError);
    expect(t.observe("K", ["K"], 2 ** 31 - 1, 0, 0)).toBe("first");
  });

  it("keeps every verdict right through many doublings: 300,000 keys, every 7th repeated", () => {
    const t = new DuplicateTracker();
    const n = 300_000;
    let row = 2;
    let bad = 0;
    for (let i = 0; i < n; i++) if (t.observeFingerprint(id(i), i, row++, 0, i, `R${i % 50}`) !== "first") bad++;
    // second round: every 7th key again, an exact copy when i % 14 === 0, a changed row otherwise
    for (let i = 0; i < n; i += 7) {
      const want = i % 14 === 0 ? "duplicate" : "conflict";
      if (t.observeFingerprint(id(i), i % 14 === 0 ? i : -i - 1, row++, 1, -1, null) !== want) bad++;
    }
    // and the first row of every key once more: first-round exact copies stay duplicates, conflicting keys stay conflicts
    for (let i = 0; i < n; i++) {
      const want = i % 7 !== 0 || i % 14 === 0 ? "duplicate" : "conflict";
      if (t.observeFingerprint(id(i), i, row++, 2, -1, null) !== want) bad++;
    }
    expect(bad).toBe(0);
    const conflicts = t.conflicts();
    const keys = [];
    for (let i = 7; i < n; i += 14) keys.push(id(i));
    expect(conflicts.map((c) => c.key)).toEqual(keys);
    expect(conflicts[0]?.rows).toEqual([
      { row: 2 + 7, file: 0, record: 7, rep: "R7" },
      { row: 2 + n + 1, file: 1, record: -1, rep: null },
      { row: 2 + n + Math.ceil(n / 7) + 7, file: 2, record: -1, rep: null },
    ]);
  });

  it("agrees with a plain Map of every key and row (property)", () => {
    // keys from a small pool (so they repeat) and a large one (so the table grows), and any text
    const key = fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((i) => `K${i}`),
      fc.integer({ min: 0, max: 5_000 }).map(id),
      fc.string({ unit: "binary", maxLength: 6 }),
    );
    const step = fc.record({ key, values: fc.array(fc.constantFrom("", "1", "2", "a,b", "ab"), { maxLength: 3 }), rep: fc.constantFrom(null, "R1", "R2", "Li Wei"), file: fc.nat(3) });
    fc.assert(
      // short runs, and long ones (up to 2,000 rows: the table and the slot arrays double a few times)
      fc.property(fc.oneof(fc.array(step, { maxLength: 40 }), fc.array(step, { maxLength: 2_000, size: "max" })), (steps) => {
        const t = new DuplicateTracker();
        const reference = new ReferenceTracker();
        let record = 0;
        for (const [i, s] of steps.entries()) {
          const want = reference.observe(s.key, fingerprintOf([s.key, ...s.values]), i + 2, s.file, record, s.rep);
          if (t.observe(s.key, [s.key, ...s.values], i + 2, s.file, record, s.rep) !== want) return false;
          if (want !== "duplicate") record++;
        }
        expect(t.conflicts()).toEqual(reference.conflicts());
      }),
      // shrinking a failing run of 2,000 rows can take very long: report what it has after 30 s
      { numRuns: 200, plugins: [fc.interruptAfterTimeLimit(30_000)] },
    );
  });
});
