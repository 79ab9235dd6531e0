import { describe, expect, it } from "vitest";
import { ByteMemo } from "../../../src/ingest/csvBytes/byteMemo.js";

/** The bytes of `text` inside a larger buffer, as a field of a record is: [start, end). */
function field(text: string, before = "x,"): [Buffer, number, number] {
  const buf = Buffer.from(`${before}${text},y`);
  const start = Buffer.byteLength(before);
  return [buf, start, start + Buffer.byteLength(text)];
}

describe("ByteMemo", () => {
  it("finds what was set under the same bytes, wherever they sit in a buffer", () => {
    const memo = new ByteMemo<string>();
    expect(memo.get(...field("Closed Won"))).toBeUndefined(); // nothing set yet
    memo.set(...field("Closed Won"), "won");
    expect(memo.get(...field("Closed Won", "a longer prefix,"))).toBe("won");
    expect(memo.get(...field("Closed Lost"))).toBeUndefined();
    expect(memo.get(...field("Closed Wo"))).toBeUndefined(); // a prefix is another key
  });

  it("keeps every entry while its tables grow from 16 slots to the most (4,096 entries)", () => {
    const memo = new ByteMemo<number>();
    // 4,096 distinct keys: the tables double from 16 to 8,192 slots on the way, each time placing every entry again
    for (let i = 0; i < 4096; i++) memo.set(...field(`R${i}`), i);
    const wrong: number[] = [];
    for (let i = 0; i < 4096; i++) if (memo.get(...field(`R${i}`)) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    memo.set(...field("one more"), -1); // full: not learnt
    expect(memo.get(...field("one more"))).toBeUndefined();
  });

  it("tells apart keys of the same length and the empty key", () => {
    const memo = new ByteMemo<string>();
    memo.set(...field(""), "empty");
    memo.set(...field("ab"), "ab");
    memo.set(...field("ba"), "ba");
    expect([memo.get(...field("")), memo.get(...field("ab")), memo.get(...field("ba")), memo.get(...field("aa"))]).toEqual(["empty", "ab", "ba", undefined]);
  });

  it("does not learn a key longer than 48 bytes", () => {
    const memo = new ByteMemo<string>();
    const long = "c".repeat(49);
    memo.set(...field(long), "long");
    memo.set(...field("c".repeat(48)), "48");
    expect(memo.get(...field(long))).toBeUndefined();
    expect(memo.get(...field("c".repeat(48)))).toBe("48");
  });

  it("switches itself off when fewer than half of its first 20,000 look-ups hit (texts that rarely repeat)", () => {
    const memo = new ByteMemo<number>();
    memo.set(...field("kept"), 1);
    // 19,999 look-ups of distinct ids miss; the 20,000th ends the trial (1 hit < 10,000) and is still answered
    for (let i = 0; i < 19_999; i++) memo.get(...field(`id${i}`));
    expect(memo.get(...field("kept"))).toBe(1);
    expect(memo.get(...field("kept"))).toBeUndefined(); // off from then on: even a known key misses
    memo.set(...field("later"), 2);
    expect(memo.get(...field("later"))).toBeUndefined();
  });

  it("stays on when at least half of the first 20,000 look-ups hit", () => {
    const memo = new ByteMemo<number>();
    memo.set(...field("visit"), 1);
    for (let i = 0; i < 20_000; i++) memo.get(...field(i % 2 === 0 ? "visit" : `id${i}`)); // 10,000 hits
    expect(memo.get(...field("visit"))).toBe(1);
  });
});
