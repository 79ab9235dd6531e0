/**
 * `kpi init [DIR]`: a starter config and sample exports, so that `kpi run`
 * in DIR works at once. Writes nothing when any of its files already exists.
 */
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../../errors.js";
import { starterFiles, type StarterFile } from "../../init/starterFiles.js";
import { write, type CommandIO } from "../io.js";

export interface InitOptions {
  /** the folder to write into, as the user gave it */
  dir: string;
}

export async function initCommand(options: InitOptions, io: CommandIO): Promise<void> {
  const root = resolve(io.cwd, options.dir);
  const files = starterFiles();
  const shown = (file: StarterFile) => join(options.dir, file.path);
  await refuseExisting(root, options.dir, files, shown);
  const written: string[] = [];
  try {
    for (const file of files) {
      const path = join(root, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, { flag: "wx" }); // wx: never over a file that appeared meanwhile
      written.push(path);
    }
  } catch (error) {
    for (const path of written) await rm(path, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const file = files[written.length];
    throw new InputError(code === "EEXIST" ? "already exists; kpi init writes nothing over an existing file" : `cannot write: ${(error as Error).message}`, file ? shown(file) : options.dir);
  }
  await write(io.stderr, renderSummary(options.dir, files, shown));
}

async function refuseExisting(root: string, dir: string, files: readonly StarterFile[], shown: (file: StarterFile) => string): Promise<void> {
  const info = await stat(root).catch(() => null);
  if (info && !info.isDirectory()) throw new InputError("is a file, not a folder", dir);
  for (const file of files) {
    if (await stat(join(root, file.path)).catch(() => null)) {
      throw new InputError("already exists; kpi init writes nothing when any of its files is there (move it away, or init into another folder)", shown(file));
    }
  }
}

export function renderSummary(dir: string, files: readonly StarterFile[], shown: (file: StarterFile) => string): string {
  const width = Math.max(...files.map((f) => shown(f).length));
  const lines = files.map((f) => `  ${shown(f).padEnd(width)}  ${f.about}`);
  const next = dir === "." || dir === "" ? "kpi run" : `cd ${quoteArg(dir)} && kpi run`;
  return `Wrote a starter config and sample exports:\n${lines.join("\n")}\nNext: ${next}\n`;
}

/** A folder name as it can be pasted into a POSIX shell. */
function quoteArg(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
