import { describe, expect, it } from "vitest";
import type { HashTask, PartTask } from "../../../src/ingest/parallel/filePart.js";
import { nextTaskFor } from "../../../src/ingest/parallel/readerPool.js";

// only `kind` and `source` matter to the choice
const part = (source: string): PartTask => ({ kind: "part", source }) as PartTask;
const hash: HashTask = { kind: "hash", paths: ["deals.csv"] };

describe("nextTaskFor", () => {
  const queue = [part("activities"), hash, part("deals"), part("activities"), part("deals")];

  it("takes the first part of the source the thread read last, skipping what is queued before it", () => {
    expect(nextTaskFor(queue, "deals")).toBe(2);
    expect(nextTaskFor(queue, "activities")).toBe(0);
  });

  it("takes the first part when no part of that source is queued, or the thread has read none: hashes wait for every part", () => {
    expect(nextTaskFor([hash, part("deals")], "activities")).toBe(1);
    expect(nextTaskFor(queue, null)).toBe(0);
    expect(nextTaskFor([hash, part("deals")], null)).toBe(1);
  });

  it("takes a hash only when no part is queued", () => {
    expect(nextTaskFor([hash, { ...hash, paths: ["activities.csv"] }], "deals")).toBe(0);
    expect(nextTaskFor([hash], null)).toBe(0);
  });
});
