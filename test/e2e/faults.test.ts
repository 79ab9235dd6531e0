import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { BASE_FILES, BIN, fixture, runKpi } from "./support.js";

const OUTPUTS = ["report.xlsx", "commissions.xlsx", "commissions.csv", "anomalies.xlsx", "results.json", "report.html"];

/** A complete output: a JSON that parses, a zip whose every entry inflates, a CSV that ends with a record end. */
async function isComplete(path: string): Promise<boolean> {
  const bytes = readFileSync(path);
  try {
    if (path.endsWith(".json")) return JSON.parse(bytes.toString("utf8")).version === 1;
    if (path.endsWith(".html")) return bytes.toString("utf8").trimEnd().endsWith("</html>");
    if (path.endsWith(".csv")) return bytes.length > 3 && bytes.toString("utf8").endsWith("\r\n");
    const zip = await JSZip.loadAsync(bytes);
    await Promise.all(Object.values(zip.files).map((f) => f.async("uint8array")));
    return zip.file("[Content_Types].xml") !== null;
  } catch {
    return false;
  }
}

function killAfter(cwd: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "run", "--quiet", "--fail-on", "never"], { cwd, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("faults while writing outputs", () => {
  it("kill -9 at any moment leaves each output either complete or absent, never partial", async () => {
    const dir = fixture(BASE_FILES);
    // a first complete run, then runs killed at spread-out moments (deterministic, not random: repeatable)
    expect(runKpi(["run", "--quiet", "--fail-on", "never"], { cwd: dir }).code).toBe(0);
    for (const ms of [50, 120, 200, 280, 360, 450, 550, 700, 900]) {
      writeFileSync(join(dir, "deals.csv"), (BASE_FILES["deals.csv"] ?? "") + `D${ms},R001,${ms}.00,2026-10-09,Closed Won,\n`);
      await killAfter(dir, ms);
      for (const name of OUTPUTS) {
        const path = join(dir, "out", name);
        if (existsSync(path)) expect(await isComplete(path), `${name} after a kill at ${ms} ms`).toBe(true);
      }
    }
    // a later run cleans up nothing by magic, but completes over any leftovers
    expect(runKpi(["run", "--quiet", "--fail-on", "never"], { cwd: dir }).code).toBe(0);
    for (const name of OUTPUTS) expect(await isComplete(join(dir, "out", name)), name).toBe(true);
    const stray = readdirSync(join(dir, "out")).filter((f) => !OUTPUTS.includes(f));
    expect(stray.every((f) => /^\..+\.\d+\.[0-9a-f]+\.tmp$/.test(f)), stray.join(", ")).toBe(true);
  }, 120_000);

  it("gives a clear error and exit 1 when the output folder cannot be written", () => {
    const dir = fixture(BASE_FILES);
    const result = runKpi(["run", "-o", "/proc/kpi-out"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/kpi-out/);
    expect(result.stderr).not.toMatch(/internal error/);
  });
});

describe("a full output disk", () => {
  it("gives a clear error and exit 1, and keeps the previous complete files", async () => {
    const { execFileSync } = await import("node:child_process");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    // a 160 KiB file system: room for the first run's small outputs, not for a second copy of each
    const mountPoint = mkdtempSync(join(tmpdir(), "kpi-full-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=160k", "tmpfs", mountPoint]);
    } catch (error) {
      throw new Error(`this test mounts a tiny tmpfs and needs root (as on CI): ${(error as Error).message}`);
    }
    try {
      const dir = fixture(BASE_FILES);
      const first = runKpi(["run", "-o", mountPoint, "--quiet", "--fail-on", "never"], { cwd: dir });
      // fill what is left so the next write cannot complete
      try {
        execFileSync("dd", ["if=/dev/zero", `of=${join(mountPoint, "filler")}`, "bs=4k", "count=1000"], { stdio: "ignore" });
      } catch {
        // dd stops with ENOSPC once the disk is full: that is the point
      }
      const second = runKpi(["run", "-o", mountPoint, "--fail-on", "never"], { cwd: dir });
      expect(second.code, second.stderr).toBe(1);
      expect(second.stderr).toMatch(/no space left on the device \(ENOSPC\)/);
      expect(second.stderr).not.toMatch(/internal error/);
      if (first.code === 0) for (const name of OUTPUTS) if (existsSync(join(mountPoint, name))) expect(await isComplete(join(mountPoint, name)), name).toBe(true);
    } finally {
      execFileSync("umount", [mountPoint]);
    }
  }, 60_000);
});
