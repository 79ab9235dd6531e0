/**
 * Headless Chromium for the HTML report: launching Debian's chromium through
 * playwright-core (which downloads no browser), and the README screenshot.
 *
 *   npm run screenshot   (npm run build && node dist/scripts/screenshot.js [DIR])
 *
 * scores the bundled example, renders its report.html and writes two PNGs
 * into DIR (default docs/img): report.png, the top of the page, and
 * report-radars.png, the first radars. The e2e test
 * (test/e2e/htmlReport.test.ts) uses the same launcher.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { computeRun } from "../src/pipeline.js";
import { renderHtmlReport } from "../src/report/html/renderHtmlReport.js";

/** Debian's package; `KPI_CHROMIUM` points elsewhere. */
export const CHROMIUM_PATH = process.env["KPI_CHROMIUM"] ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(`Chromium is not installed at ${path}: install it with \`apt-get update && apt-get install -y chromium\` (as .ci/run does), or set KPI_CHROMIUM to a Chromium binary`);
    this.name = "ChromiumMissingError";
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError(CHROMIUM_PATH);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * PNGs of the page at `path`, `width` wide: the first `height` pixels, and,
 * with `section`, the top 760 pixels of its element (`section.selector`)
 * written to `section.png`.
 */
export async function screenshotHtml(browser: Browser, path: string, png: string, section?: { selector: string; png: string }, size = { width: 1280, height: 1400 }): Promise<void> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  try {
    await page.goto(pathToFileURL(path).href);
    await page.screenshot({ path: png });
    const box = section ? await page.locator(section.selector).boundingBox() : null;
    if (section && box) await page.screenshot({ path: section.png, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 760) } });
  } finally {
    await page.close();
  }
}

/** The bundled example's report.html, written to a temporary folder; returns its path. */
export async function writeExampleReport(root: string): Promise<string> {
  const outcome = await computeRun({ config: "kpi.config.yaml", cwd: root });
  const file = join(mkdtempSync(join(tmpdir(), "kpi-html-")), "report.html");
  writeFileSync(file, renderHtmlReport(outcome));
  return file;
}

async function main(): Promise<void> {
  // dist/scripts/screenshot.js -> the repository root
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  const dir = resolve(root, process.argv[2] ?? "docs/img");
  const png = join(dir, "report.png");
  const radars = join(dir, "report-radars.png");
  const report = await writeExampleReport(root);
  const browser = await launchChromium();
  try {
    await screenshotHtml(browser, report, png, { selector: "#radars", png: radars });
  } finally {
    await browser.close();
  }
  process.stdout.write(`Wrote ${png} and ${radars}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
