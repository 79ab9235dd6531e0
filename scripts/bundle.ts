/**
 * Bundles what `bin/kpi.js` runs into dist/kpi/: a few files instead of the
 * ~300 modules tsc writes, because Node resolves, reads and compiles each
 * module of an ES import graph one by one, and that was about a fifth of
 * `kpi validate`'s time (docs/decisions.md). `npm run build` runs this after
 * tsc, from tsc's output (dist/src), so the bundle is the same JavaScript
 * the tests import, with its source maps chained back to src/.
 *
 *   node dist/scripts/bundle.js
 *
 * - Entries: the CLI, and every module that code starts by URL (a reader
 *   thread's script, the sink module it imports): found in src/ as
 *   `new URL("./name.js", import.meta.url)`. Such a URL is resolved against
 *   the file the code ends up in, so every entry and chunk lies flat in
 *   dist/kpi/ and entries keep their module's name; a URL to another folder,
 *   or a use of `import.meta` this script does not know, fails the build,
 *   and so does a URL in the bundle to a file that is not there.
 * - Dynamic imports stay dynamic (code splitting): `kpi validate` still loads
 *   no reader or writer.
 * - zod's namespace of locales is bundled with English alone: kpi words its
 *   own messages, and the other 62 locales were a third of the JavaScript
 *   every command loads (zod's schemas import English directly).
 * - dist/kpi/meta.json is esbuild's metafile: which source module each
 *   output file holds (a test reads it to check what a command loads).
 * - The bundle is written beside dist/kpi/ and renamed into place: a failed
 *   build leaves the last good one.
 */
import { existsSync, realpathSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild-wasm";
import { glob } from "tinyglobby";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCES = path.join(ROOT, "src");
const COMPILED = path.join(ROOT, "dist", "src");
const BUNDLE_DIR = path.join(ROOT, "dist", "kpi");
const CLI_ENTRY = path.join(COMPILED, "cli", "main.js");

/** `new URL("./partWorker.js", import.meta.url)`, with any quotes and spacing: group 2 is the URL */
const URL_REFERENCE = /new\s+URL\(\s*(["'`])([^"'`]*)\1\s*,\s*import\.meta\.url\s*\)/g;
const FLAT_NAME = /^\.\/[\w.-]+\.js$/;

/** The compiled modules (dist/src) that some module of src/ starts by URL. */
async function modulesStartedByUrl(): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await filesUnder(SOURCES, ".ts")) {
    const text = await readFile(file, "utf8");
    const references = [...text.matchAll(URL_REFERENCE)];
    const shown = path.relative(ROOT, file);
    if (references.length !== text.split("import.meta").length - 1) throw new Error(`${shown} uses import.meta other than as new URL("./name.js", import.meta.url): make scripts/bundle.ts aware of it`);
    for (const [, , url = ""] of references) {
      if (!FLAT_NAME.test(url)) throw new Error(`${shown} starts ${url} by URL: the bundle lays every file flat, so only "./name.js" beside the module can be found; move the module there`);
      found.add(path.join(COMPILED, path.relative(SOURCES, path.dirname(file)), url));
    }
  }
  return [...found].sort();
}

/** Every file under `dir` whose name ends with `extension`, as absolute paths. */
function filesUnder(dir: string, extension: string): Promise<string[]> {
  return glob(`**/*${extension}`, { cwd: dir, absolute: true, onlyFiles: true });
}

/** Every `new URL("…", import.meta.url)` in the bundle names one of its files. */
async function checkUrlsResolve(dir: string): Promise<void> {
  for (const file of await filesUnder(dir, ".js")) {
    for (const [, , url = ""] of (await readFile(file, "utf8")).matchAll(URL_REFERENCE)) {
      if (!existsSync(path.resolve(dir, url))) throw new Error(`the bundle's ${path.basename(file)} starts ${url} by URL, which is not in the bundle`);
    }
  }
}

/** `zod/v4/locales/index.js`, as zod's own modules import it, resolved to a module exporting English alone. */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(on) {
    on.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.resolve(args.resolveDir, path.dirname(args.path), "en.js"), namespace: "zod-english-only" } : undefined,
    );
    on.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: path.dirname(args.path) }));
  },
};

export async function bundle(): Promise<string[]> {
  const entries = [CLI_ENTRY, ...(await modulesStartedByUrl())];
  const names = entries.map((file) => path.basename(file));
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`two modules started by URL are both named ${twice}: they would land on one file in the flat bundle; rename one`);
  const building = `${BUNDLE_DIR}.building`;
  await rm(building, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: building,
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
  await checkUrlsResolve(building);
  // the metafile names the files where they were written (paths with "/"); they are read from dist/kpi/
  const posix = (dir: string) => `"${path.relative(ROOT, dir).split(path.sep).join("/")}/`;
  await writeFile(path.join(building, "meta.json"), JSON.stringify(result.metafile).replaceAll(posix(building), posix(BUNDLE_DIR)));
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  await rename(building, BUNDLE_DIR);
  return names;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const names = await bundle();
  process.stderr.write(`bundled ${names.join(", ")} into ${path.relative(ROOT, BUNDLE_DIR)}/\n`);
}
