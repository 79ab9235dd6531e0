import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_FILES, fixture, runKpi } from "./support.js";

describe("kpi diff on the same data", () => {
  it("reads a base config kept elsewhere (e.g. from git show) against the head config's data", () => {
    const dir = fixture(BASE_FILES);
    const elsewhere = join(mkdtempSync(join(tmpdir(), "kpi-base-")), "base.yaml");
    writeFileSync(elsewhere, BASE_FILES["kpi.config.yaml"] ?? "");
    const result = runKpi(["diff", elsewhere, "--format", "json"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).reps).toEqual([]);
  });
});
