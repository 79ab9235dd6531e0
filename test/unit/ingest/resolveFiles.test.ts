/**
 * A source's path -> its files: a plain path is used as it is (without
 * loading the glob library), a glob gives its matches in sorted order, and
 * both say clearly when nothing is there.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { resolveFiles } from "../../../src/ingest/resolveFiles.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-resolve-"));
for (const name of ["deals-2026-10.csv", "deals-2026-09.csv", "x+y.csv", "notes.txt"]) writeFileSync(join(dir, name), "a\n");

describe("resolveFiles", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("use a plain path as it is, shown relative to the config's folder", async () => {
    expect(await resolveFiles("deals-2026-10.csv", dir)).toEqual([{ path: join(dir, "deals-2026-10.csv"), display: "deals-2026-10.csv" }]);
    // `+` is a glob character only before `(`: this is a plain name
    expect((await resolveFiles("x+y.csv", dir)).map((f) => f.display)).toEqual(["x+y.csv"]);
  });

  it("give a glob's matches in sorted order, whatever order the disk lists them in", async () => {
    expect((await resolveFiles("deals-*.csv", dir)).map((f) => f.display)).toEqual(["deals-2026-09.csv", "deals-2026-10.csv"]);
  });

  it("say which path names nothing", async () => {
    await expect(resolveFiles("missing.csv", dir)).rejects.toThrow(new InputError("file not found", "missing.csv"));
    await expect(resolveFiles("payments-*.csv", dir)).rejects.toThrow(new InputError("no file matches this pattern", "payments-*.csv"));
  });
});
