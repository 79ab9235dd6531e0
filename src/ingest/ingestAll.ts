/**
 * Read every source of a loaded config: resolve globs, decide which columns
 * are required, read each source's files, and fingerprint them for the Run
 * sheet. The only stage besides output that touches files.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { LoadedConfig } from "../config/loadConfig.js";
import type { Config } from "../config/schema.js";
import { dateColumnsOf } from "../engine/evaluateRun.js";
import { readSource } from "./readSource.js";
import { resolveFiles, type SourceFile } from "./resolveFiles.js";
import type { SourceData } from "./sourceData.js";

export interface IngestedFile {
  source: string;
  display: string;
  path: string;
  sha256: string;
}

export interface Ingested {
  sources: Map<string, SourceData>;
  files: IngestedFile[];
}

export async function ingestAll(loaded: LoadedConfig, progress?: (source: string, rowsRead: number) => void): Promise<Ingested> {
  const { config } = loaded;
  const sources = new Map<string, SourceData>();
  const files: IngestedFile[] = [];
  for (const [name, source] of Object.entries(config.sources)) {
    const resolved = await resolveFiles(source.path, loaded.baseDir);
    const data = await readSource(name, source, resolved, { currency: config.currency, fx: config.fx, required: requiredColumns(config, name), progress });
    sources.set(name, data);
    for (const file of resolved) files.push({ source: name, display: file.display, path: file.path, sha256: await sha256File(file) });
  }
  return { sources, files };
}

/** The key, rep and every date column that places records in periods: an empty cell there rejects the row. */
export function requiredColumns(config: Config, source: string): Set<string> {
  const spec = config.sources[source];
  const required = new Set<string>(dateColumnsOf(config, source));
  if (spec?.key) required.add(spec.key);
  if (spec?.columns["rep"]) required.add("rep");
  return required;
}

function sha256File(file: SourceFile): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file.path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
