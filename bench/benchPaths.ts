/** Where the bench lives, found from this module's own location (bench/ or dist/bench/). */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, "package.json")) || !existsSync(path.join(dir, "bench"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${from}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The bench sources and configs (not dist/bench). */
export const BENCH_DIR = path.join(REPO_ROOT, "bench");
export const DIST_BENCH_DIR = path.join(REPO_ROOT, "dist", "bench");
export const KPI_BIN = path.join(REPO_ROOT, "bin", "kpi.js");
