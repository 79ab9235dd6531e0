/**
 * Test helper, loaded with `node --import`: records every module the process
 * loads (ESM resolutions through a loader hook, CommonJS through the require
 * cache at exit) into the file named by KPI_TEST_MODULE_LOG, one URL or path a
 * line. Only tests set that variable; kpi itself never reads it.
 */
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const log = process.env.KPI_TEST_MODULE_LOG;
if (log) {
  register("./recordModulesHooks.mjs", import.meta.url, { data: { log } });
  const require = createRequire(import.meta.url);
  process.on("exit", () => appendFileSync(log, Object.keys(require.cache).map((p) => `cjs ${p}\n`).join("")));
}
