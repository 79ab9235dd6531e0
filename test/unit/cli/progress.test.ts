import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressLine } from "../../../src/cli/progress.js";

function io(isTTY: boolean) {
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let text = "";
  stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { io: { cwd: "/", stdout: new PassThrough(), stderr, env: {} }, text: () => text };
}

describe("progressLine", () => {
  it("prints rows and rate on a terminal and clears the line when done", () => {
    const t = io(true);
    let clock = 0;
    const progress = progressLine(t.io, () => clock);
    clock = 2000; // 2 s for 40,000 rows: 20,000 rows/s
    progress?.update("deals", 40_000);
    progress?.done();
    expect(t.text()).toBe("\r\x1b[2Kdeals: 40,000 rows · 20,000 rows/s\r\x1b[2K");
  });

  it("shows every source read side by side, with the rate over all of them", () => {
    const t = io(true);
    let clock = 0;
    const progress = progressLine(t.io, () => clock);
    clock = 1000;
    progress?.update("deals", 20_000); // 20,000 rows in 1 s
    clock = 2000;
    progress?.update("activities", 60_000); // (20,000 + 60,000) rows in 2 s: 40,000 rows/s
    expect(t.text()).toBe("\r\x1b[2Kdeals: 20,000 rows · 20,000 rows/s\r\x1b[2Kdeals: 20,000 rows · activities: 60,000 rows · 40,000 rows/s");
  });

  it("cuts a line that would wrap at the terminal's width", () => {
    const t = io(true);
    Object.assign(t.io.stderr, { columns: 20 });
    const progress = progressLine(t.io, () => 1000);
    progress?.update("activities", 5_000_000); // "activities: 5,000,000 rows · …" is 43 characters
    // 18 characters and the ellipsis: 19, one short of the width (the cursor must not reach the last column)
    expect(t.text()).toBe("\r\x1b[2Kactivities: 5,000,…");
  });

  it("is silent when stderr is not a terminal", () => {
    expect(progressLine(io(false).io)).toBeNull();
  });
});
