/** A source's `path` -> the files it names: the path itself, or a glob's matches in sorted order. */
import { access } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { InputError } from "../errors.js";

export interface SourceFile {
  /** absolute path */
  path: string;
  /** the path as shown to users: relative to the config's folder */
  display: string;
}

/** Characters without which a path is not a glob: such a path is used as it is, without loading the glob library (about 45 ms at start-up). */
const GLOB_CHARACTERS = /[*?[\]{}()!+@\\]/;

export async function resolveFiles(pattern: string, baseDir: string): Promise<SourceFile[]> {
  const toFile = (path: string): SourceFile => ({ path, display: relative(baseDir, path).split("\\").join("/") || path });
  const globs = GLOB_CHARACTERS.test(pattern) ? await import("tinyglobby") : null;
  if (globs === null || !globs.isDynamicPattern(pattern)) {
    const path = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
    try {
      await access(path);
    } catch {
      throw new InputError("file not found", pattern);
    }
    return [toFile(path)];
  }
  const matches = await globs.glob(pattern, { cwd: baseDir, absolute: true, onlyFiles: true, dot: false });
  if (matches.length === 0) throw new InputError("no file matches this pattern", pattern);
  return matches.sort().map(toFile);
}

/** Whether a file is read as a workbook (by its name), not as CSV. */
export function isXlsx(path: string): boolean {
  return /\.xls[xm]$/i.test(path);
}
