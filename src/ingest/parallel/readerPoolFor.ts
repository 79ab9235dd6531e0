/**
 * Whether a run needs reader threads, decided from the config alone (its
 * files' sizes), before anything is read. Kept apart from the reading itself
 * so that the threads can start before the main thread has loaded the
 * modules of the later stages: the two then load side by side.
 */
import { stat } from "node:fs/promises";
import type { LoadedConfig } from "../../config/loadConfig.js";
import { RESERVED_SOURCES } from "../../config/scopes.js";
import { readInParts, readerSettings } from "../readerSettings.js";
import { resolveFiles } from "../resolveFiles.js";
import { ReaderPool } from "./readerPool.js";

/**
 * Reader threads for the run, when some record source has a CSV file large
 * enough to be read in parts (none otherwise: a small run does not pay for
 * threads it would not use). Started at once, so that they boot while the
 * roster is read; `preload` names the modules the sinks will need there.
 */
export async function readerPoolFor(loaded: LoadedConfig, preload: readonly string[]): Promise<ReaderPool | undefined> {
  const settings = readerSettings();
  for (const [name, source] of Object.entries(loaded.config.sources)) {
    if (RESERVED_SOURCES.has(name)) continue;
    // a path that does not resolve is reported when the source is read
    const files = await resolveFiles(source.path, loaded.baseDir).catch(() => []);
    for (const file of files) {
      const size = await stat(file.path).then((s) => s.size, () => 0);
      if (readInParts(source, file.path, size, settings)) return new ReaderPool(settings.threads, preload);
    }
  }
  return undefined;
}
