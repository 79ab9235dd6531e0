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

  it("is silent when stderr is not a terminal", () => {
    expect(progressLine(io(false).io)).toBeNull();
  });
});
