import { OutputError } from "../errors.js";
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Outputs appear whole or not at all: each is written to a temporary file in
 * the same folder, flushed to disk, then renamed over the target (a rename in
 * one folder is atomic on POSIX and NTFS). On any failure the temporary file
 * is removed and the previous file, if any, is left as it was. A `kill -9`
 * can leave a `.NAME.PID.RANDOM.tmp` behind, never a partial NAME.
 */

/** The output folder refused the file (read-only, full, missing). Exit 1. */
export class OutputWriteError extends OutputError {
  constructor(
    readonly file: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`cannot write "${file}": ${REASONS[code] ?? describe(options.cause)}`, options);
    this.name = "OutputWriteError";
  }
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied (EACCES)",
  EPERM: "permission denied (EPERM)",
  EROFS: "the file system is read-only (EROFS)",
  ENOSPC: "no space left on the device (ENOSPC)",
  EDQUOT: "disk quota exceeded (EDQUOT)",
  ENOENT: "its folder does not exist (ENOENT)",
  ENOTDIR: "a part of its path is not a folder (ENOTDIR)",
  EISDIR: "it is a folder (EISDIR)",
  EBUSY: "it is open in another program (EBUSY)",
};

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function systemErrorCode(error: unknown): string | null {
  if (!(error instanceof Error) || !("code" in error) || !("syscall" in error)) return null;
  return typeof error.code === "string" ? error.code : null;
}

/** `.report.xlsx.<pid>.<random>.tmp` beside `path`. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Calls `write(tmpPath)` to create the file and flush it to disk, then
 * renames it to `path`. A file-system error becomes an `OutputWriteError`
 * naming `path`; anything else the writer throws is rethrown as it is.
 */
export async function writeAtomicWith(path: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = systemErrorCode(error);
    throw code === null ? error : new OutputWriteError(path, code, { cause: error });
  }
  // make the rename itself durable; not possible everywhere (Windows), so best effort
  await fsyncPath(dirname(path), "r").catch(() => undefined);
}

/** Writes `data` (a string as UTF-8) to `path` atomically. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeAtomicWith(path, async (tmp) => {
    // `wx`: never follow or reuse something already at the temporary name
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync(); // on disk before the rename makes it the output
    } finally {
      await handle.close();
    }
  });
}
