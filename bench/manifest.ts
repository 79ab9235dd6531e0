/**
 * `manifest.json` in a cache folder: the seed, scale and generator version
 * the files were made with, and each file's rows and bytes. A file is reused
 * only when all of these still match.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export const MANIFEST = "manifest.json";

export interface FileEntry {
  rows: number;
  bytes: number;
}

export interface Manifest {
  generator: number;
  seed: number;
  scale: number;
  files: Record<string, FileEntry>;
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return null;
  }
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The same generator, seed and scale, and the file on disk with the rows and size recorded for it. */
export async function isUpToDate(dir: string, manifest: Manifest | null, wanted: Omit<Manifest, "files">, name: string, rows: number): Promise<boolean> {
  if (!manifest || manifest.generator !== wanted.generator || manifest.seed !== wanted.seed || manifest.scale !== wanted.scale) return false;
  const entry = manifest.files[name];
  if (!entry || entry.rows !== rows) return false;
  try {
    return (await stat(path.join(dir, name))).size === entry.bytes;
  } catch {
    return false;
  }
}
