/**
 * For `kpi validate`: does every source open, and does its header row hold
 * every mapped column? Reads only up to each file's header row.
 */
import type { ConfigPath, LocateOptions, Position } from "../config/positions.js";
import type { Config } from "../config/schema.js";
import { InputError, type Issue } from "../errors.js";
import { HeaderFinder } from "./headerFinder.js";
import type { RawRow } from "./rawRow.js";
import { readCsvRows } from "./readCsvRows.js";
import { readXlsxRows } from "./readXlsxRows.js";
import { isXlsx, resolveFiles } from "./resolveFiles.js";

/**
 * Bytes per read when looking for a header: csv-parse parses a whole read
 * before the first row is handed on, and 1 MiB reads of a large export cost
 * `validate` about 0.1 s a file.
 */
const HEADER_CHUNK_BYTES = 64 * 1024;

export async function checkSourcesOpen(config: Config, file: string, baseDir: string, locate: (path: ConfigPath, options?: LocateOptions) => Position): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const [name, source] of Object.entries(config.sources)) {
    const columns = Object.entries(source.columns).map(([column, spec]) => ({ name: column, from: spec.from ?? column, hasDefault: spec.default !== undefined }));
    try {
      for (const f of await resolveFiles(source.path, baseDir)) {
        const rows: AsyncGenerator<RawRow> = isXlsx(f.path)
          ? readXlsxRows(f.path, f.display, source.sheet === undefined ? {} : { sheet: source.sheet })
          : readCsvRows(f.path, f.display, { encoding: source.encoding, delimiter: source.delimiter, chunkBytes: HEADER_CHUNK_BYTES });
        // the same header search as `kpi run` (a title above the header is fine)
        const finder = new HeaderFinder(columns, f.display, source.header_row);
        let mapped = null;
        for await (const row of rows) if ((mapped = finder.offer(row)) !== null) break;
        await rows.return(undefined);
        if (mapped === null) throw finder.failure();
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const column = error.column === null ? undefined : columns.find((c) => c.from === error.column)?.name;
      // point at the header text itself (`from`), or at the short form's value
      const path: ConfigPath = column === undefined ? ["sources", name, "path"] : ["sources", name, "columns", column, "from"];
      issues.push({ code: "data", message: `source "${name}": ${error.message}`, file, ...locate(path) });
    }
  }
  return issues;
}
