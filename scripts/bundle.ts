/**
 * Bundles what `bin/kpi.js` runs into dist/kpi/: a few files instead of the
 * ~300 modules tsc writes, because Node resolves, reads and compiles each
 * module of an ES import graph one by one, and that was a quarter of
 * `kpi validate`'s time (docs/decisions.md). `npm run build` runs this after
 * tsc, from tsc's output (dist/src), so the bundle is the same JavaScript
 * the tests import, with its source maps chained back to src/.
 *
 *   node dist/scripts/bundle.js
 *
 * - Entries: the CLI, and every module that code starts by URL (a reader
 *   thread's script, the sink module it imports): found by looking for
 *   `new URL("./name.js", import.meta.url)` in dist/src. Such a URL is
 *   resolved against the file the code ends up in, so every entry and chunk
 *   lies flat in dist/kpi/ and entries keep their module's name.
 * - Dynamic imports stay dynamic (code splitting): `kpi validate` still loads
 *   no reader or writer.
 * - zod's namespace of locales is bundled with English alone: kpi words its
 *   own messages, and the other 48 locales were a third of the JavaScript
 *   every command loads (zod's schemas import English directly).
 * - dist/kpi/meta.json is esbuild's metafile: which source module each
 *   output file holds (a test reads it to check what a command loads).
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild-wasm";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const COMPILED = path.join(ROOT, "dist", "src");
export const BUNDLE_DIR = path.join(ROOT, "dist", "kpi");
const CLI_ENTRY = path.join(COMPILED, "cli", "main.js");

/** `new URL("./partWorker.js", import.meta.url)`: a module started by its URL */
const URL_REFERENCE = /new URL\("\.\/([\w.-]+\.js)", import\.meta\.url\)/g;

/** The modules of dist/src that some code starts by URL, as paths. */
async function modulesStartedByUrl(): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await jsFilesUnder(COMPILED)) {
    for (const match of (await readFile(file, "utf8")).matchAll(URL_REFERENCE)) found.add(path.join(path.dirname(file), match[1] as string));
  }
  return [...found].sort();
}

async function jsFilesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await jsFilesUnder(at)));
    else if (entry.name.endsWith(".js")) files.push(at);
  }
  return files;
}

/** `zod/v4/locales/index.js`, as zod's own modules import it, resolved to a module exporting English alone. */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(on) {
    on.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.resolve(args.resolveDir, "../locales/en.js"), namespace: "zod-english-only" } : undefined,
    );
    on.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: path.dirname(args.path) }));
  },
};

export async function bundle(): Promise<string[]> {
  const entries = [CLI_ENTRY, ...(await modulesStartedByUrl())];
  const names = entries.map((file) => path.basename(file));
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`two modules started by URL are both named ${twice}: they would land on one file in the flat bundle; rename one`);
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: BUNDLE_DIR,
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    metafile: true,
    plugins: [zodEnglishOnly],
    logLevel: "warning",
    // CommonJS packages bundled into ES modules still call require() for Node's own modules
    banner: { js: 'import { createRequire as kpiCreateRequire } from "node:module";\nconst require = kpiCreateRequire(import.meta.url);' },
  });
  await writeFile(path.join(BUNDLE_DIR, "meta.json"), JSON.stringify(result.metafile));
  return names;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = await bundle();
  process.stderr.write(`bundled ${names.join(", ")} into ${path.relative(ROOT, BUNDLE_DIR)}/\n`);
}
