/**
 * An output must never overwrite an input, nor be picked up by a source's
 * glob on the next run (writing commissions.csv into data/ read as data/*.csv
 * would feed last month's payouts in as deals).
 */
import { isAbsolute, relative, resolve } from "node:path";
import picomatch from "picomatch";
import type { LoadedConfig } from "./config/loadConfig.js";

/** The first clash of an output path with the config, an input file or a source pattern; null when none. */
export function outputClash(outputs: readonly string[], loaded: LoadedConfig, inputs: readonly string[]): string | null {
  const configPath = resolve(loaded.baseDir, loaded.file);
  const inputSet = new Set([configPath, ...inputs]);
  // one matcher per source, built once (building one is most of the cost of a match)
  const sources = Object.entries(loaded.config.sources).map(([name, source]) => {
    const pattern = isAbsolute(source.path) ? source.path : resolve(loaded.baseDir, source.path);
    return { name, path: source.path, matches: picomatch(relative(loaded.baseDir, pattern).split("\\").join("/"), { dot: false }) };
  });
  for (const output of outputs) {
    if (inputSet.has(output)) return `${output} is an input of this run`;
    const rel = relative(loaded.baseDir, output).split("\\").join("/");
    for (const source of sources) if (source.matches(rel)) return `${output} would be read as source "${source.name}" (path: ${source.path}) on the next run`;
  }
  return null;
}
