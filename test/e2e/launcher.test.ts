/**
 * The launcher (bin/kpi.js) sets a V8 flag before kpi loads. A flag this
 * Node's V8 did not know would be reported by V8 itself, as an error line on
 * stderr at every command: the version is the simplest output to check.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, fixture, runKpi } from "./support.js";

describe("the launcher", () => {
  it("prints nothing of its own: --version is the package's version and nothing else", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const result = runKpi(["--version"], { cwd: fixture({}) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.stderr).toBe("");
  });
});
