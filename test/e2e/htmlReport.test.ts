/**
 * report.html in a real headless browser: Debian's chromium driven by
 * playwright-core. No chromium is a failure with the install command, never
 * a skip (.ci/run installs it).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, writeExampleReport } from "../../scripts/screenshot.js";
import { computeRun } from "../../src/pipeline.js";
import { renderHtmlReport } from "../../src/report/html/renderHtmlReport.js";
import { HOSTILE, hostileOutcome } from "../unit/report/html/hostileRun.js";
import { BASE_FILES, fixture, ROOT, runKpi } from "./support.js";

interface Loaded {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

// launched by the first test that needs it, so without chromium every test fails with the install command
let launched: Promise<Browser> | undefined;

function chromiumBrowser(): Promise<Browser> {
  launched ??= launchChromium();
  return launched;
}

afterAll(async () => {
  await launched?.then((browser) => browser.close()).catch(() => undefined);
});

/** Opens `file` and records every request, console error, page error and dialog. */
async function load(file: string, options: Parameters<Browser["newPage"]>[0] = {}): Promise<Loaded> {
  const page = await (await chromiumBrowser()).newPage(options);
  const url = pathToFileURL(file).href;
  const loaded: Loaded = { page, url, requests: [], errors: [], dialogs: [] };
  page.on("request", (request) => loaded.requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") loaded.errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => loaded.errors.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    loaded.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  return loaded;
}

/** Evaluates a JavaScript expression in the page (text, as the tests compile without the DOM's types). */
async function inPage<T = unknown>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

function writeTemp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "kpi-html-")), name);
  writeFileSync(file, text);
  return file;
}

describe("report.html of the bundled example, in headless Chromium", () => {
  let file = "";
  let reps = 0;

  beforeAll(async () => {
    file = await writeExampleReport(ROOT);
    reps = (await computeRun({ config: "kpi.config.yaml", cwd: ROOT })).engine.reps.length;
  });

  it("loads with no console error and no request but the file itself", async () => {
    const { page, url, requests, errors } = await load(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await inPage<number>(page, "document.scripts.length")).toBe(0);
    await page.close();
  });

  it("draws a radar for every rep, each with a visible size", async () => {
    const { page } = await load(file, { viewport: { width: 1280, height: 900 } });
    expect(reps).toBe(39);
    expect(await page.locator("svg.radar").count()).toBe(reps);
    const sizes = await page.$$eval("svg.radar", (svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    expect(sizes.every((w) => w > 150)).toBe(true);
    expect(await page.locator("table.ranking tbody tr").count()).toBe(reps);
    await page.close();
  });

  it("fits a phone: nothing wider than 375px, the ranking scrolls inside its wrapper", async () => {
    const { page, errors } = await load(file, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const widths = await inPage<{ viewport: number; document: number; body: number; wrapper: number; table: number; radarsPerRow: number }>(
      page,
      `({
        viewport: window.innerWidth,
        document: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        wrapper: document.querySelector(".table-wrap").clientWidth,
        table: document.querySelector("table.ranking").scrollWidth,
        radarsPerRow: new Set([...document.querySelectorAll(".radar-card")].map((card) => card.getBoundingClientRect().left)).size,
      })`,
    );
    expect(widths.viewport).toBe(375);
    expect(widths.document).toBeLessThanOrEqual(375);
    expect(widths.body).toBeLessThanOrEqual(375);
    expect(widths.wrapper).toBeLessThanOrEqual(375);
    expect(widths.table).toBeGreaterThan(widths.wrapper); // wide, so it scrolls in its wrapper
    expect(widths.radarsPerRow).toBe(1); // the radars wrap, one per row
    expect(errors).toEqual([]);
    await page.close();
  });

  it("prints on white, with the big sections on new pages, tables within the page and radars three to a row", async () => {
    // A4 less 12 mm margins: 186 mm ≈ 703 CSS pixels
    const { page } = await load(file, { viewport: { width: 703, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    const { widestTable, ...print } = await inPage<{ widestTable: number }>(
      page,
      `({
        background: getComputedStyle(document.body).backgroundColor,
        breaks: ["ranking", "radars", "anomalies"].map((id) => getComputedStyle(document.getElementById(id)).breakBefore),
        radarColumns: getComputedStyle(document.querySelector(".radars")).gridTemplateColumns.split(" ").length,
        widestTable: Math.max(...[...document.querySelectorAll("table")].map((table) => table.getBoundingClientRect().right)),
      })`,
    );
    expect(print).toEqual({ background: "rgb(255, 255, 255)", breaks: ["page", "page", "page"], radarColumns: 3 });
    expect(widestTable).toBeLessThanOrEqual(703); // cells wrap in print, so no column falls off the paper
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it("takes a screenshot (npm run screenshot writes docs/img/report.png the same way)", async () => {
    const { page } = await load(file, { viewport: { width: 1280, height: 1400 } });
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1280); // IHDR width
    await page.close();
  });
});

describe("report.html with hostile text, in headless Chromium", () => {
  it("shows every hostile string as text and runs nothing", async () => {
    const file = writeTemp("report.html", renderHtmlReport(await hostileOutcome()));
    const { page, url, requests, errors, dialogs } = await load(file);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await inPage<number>(page, `document.querySelectorAll("script, img, iframe, b, i, svg svg").length`)).toBe(0);
    expect(await page.locator("h1").textContent()).toBe(HOSTILE.config);
    expect(await page.title()).toBe(`${HOSTILE.config} · 2026-10`);
    const text = (await page.locator("body").textContent()) ?? "";
    for (const hostile of Object.values(HOSTILE)) expect(text).toContain(hostile);
    await page.close();
  });
});

describe("kpi run writes report.html", () => {
  it("with the renderer's output, byte for byte the same under far-apart time zones", async () => {
    const a = fixture(BASE_FILES);
    const b = fixture(BASE_FILES);
    expect(runKpi(["run", "--quiet"], { cwd: a, env: { TZ: "Pacific/Kiritimati" } }).code).toBe(0);
    expect(runKpi(["run", "--quiet"], { cwd: b, env: { TZ: "America/Adak" } }).code).toBe(0);
    expect(existsSync(join(a, "out", "report.html")), "kpi run wrote no out/report.html: writeOutputs must write renderHtmlReport(outcome)").toBe(true);
    const html = readFileSync(join(a, "out", "report.html"), "utf8");
    expect(readFileSync(join(b, "out", "report.html"), "utf8")).toBe(html);
    expect(html).toBe(renderHtmlReport(await computeRun({ config: "kpi.config.yaml", cwd: a })));
  });
});
