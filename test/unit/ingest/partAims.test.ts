/**
 * Where a large file is cut for the reader threads: parts shrink toward the
 * end (each 1/(2 × threads) of what is left, never under the floor), so that
 * the threads run out of work together; a small file is cut in one part per thread.
 */
import { describe, expect, it } from "vitest";
import { partAims } from "../../../src/ingest/parallel/readFileInParts.js";

const MiB = 1024 * 1024;

describe("partAims", () => {
  it("shrink the parts of a large file down to the floor of 32 MiB", () => {
    // 300 MiB, 2 threads: each part a quarter of what is left, at least 32 MiB
    //   300 / 4 = 75        -> 75
    //   225 / 4 = 56.25     -> 131.25
    //   168.75 / 4 = 42.1875 -> 173.4375
    //   126.5625 / 4 < 32   -> 32 each: 205.4375, 237.4375, 269.4375
    //   30.5625 left: at least half the floor, so it is the last part (7 in all)
    expect(partAims(0, 300 * MiB, 2).map((at) => at / MiB)).toEqual([75, 131.25, 173.4375, 205.4375, 237.4375, 269.4375]);
  });

  it("cut a small file in one equal part per thread", () => {
    // 1,000,000 bytes, 2 threads: the floor is a thread's share, 500,000
    expect(partAims(0, 1_000_000, 2)).toEqual([500_000]);
    // from where the data starts (after the header)
    expect(partAims(100, 1_000_100, 2)).toEqual([500_100]);
    // 3 threads: thirds
    expect(partAims(0, 900, 3)).toEqual([300, 600]);
  });

  it("cut a file of a few floors at the floor (the bench's 91 MB of deals: 3 parts, not 4)", () => {
    // 87 MiB, 2 threads: 87 / 4 = 21.75 < 32, so 32 each: 32, 64; 23 left is at least 16, so a last part of 23
    expect(partAims(0, 87 * MiB, 2).map((at) => at / MiB)).toEqual([32, 64]);
  });

  it("leave no last part smaller than half the floor", () => {
    // 196 MiB, 2 threads: 196 / 4 = 49 -> 49; 147 / 4 = 36.75 -> 85.75; then 32 each: 117.75, 149.75; a cut at 181.75
    // would leave 14.25 < 16, so the last part runs from 149.75 to the end (46.25 MiB)
    expect(partAims(0, 196 * MiB, 2).map((at) => at / MiB)).toEqual([49, 85.75, 117.75, 149.75]);
  });
  it("cut in fewer, larger parts for a sink that asks for them", () => {
    // a quarter keeps 6 months: parts of at least 3 × 32 = 96 MiB (300 / 4 = 75 is below it): 96, 192; a cut at 288
    // would leave 12 < 48, so the last part runs from 192 to the end: 3 parts instead of 7 shrinking ones
    expect(partAims(0, 300 * MiB, 2, 96 * MiB).map((at) => at / MiB)).toEqual([96, 192]);
    // 1,200 MiB: 300 (at 300), 225 (525), 168.75 (693.75), 126.5625 (820.3125), then 96 each while at least 48 is left
    expect(partAims(0, 1200 * MiB, 2, 96 * MiB).map((at) => at / MiB)).toEqual([300, 525, 693.75, 820.3125, 916.3125, 1012.3125, 1108.3125]);
    // every month kept (no period given): one equal part per thread
    expect(partAims(0, 300 * MiB, 2, Number.POSITIVE_INFINITY).map((at) => at / MiB)).toEqual([150]);
    expect(partAims(10, 310, 3, Number.POSITIVE_INFINITY)).toEqual([110, 210]);
  });
});
