import { describe, expect, it } from "vitest";
import { computeRun } from "../../../../src/pipeline.js";
import { renderHtmlReport } from "../../../../src/report/html/renderHtmlReport.js";
import type { RunOutcome } from "../../../../src/runOutcome.js";
import { BASE_FILES, fixture } from "../../../e2e/support.js";
import { escapeHtml } from "../../../../src/report/html/escapeHtml.js";
import { HOSTILE, hostileOutcome } from "./hostileRun.js";

const TAGS = new Set(
  "html head meta title style body main header p h1 h2 h3 dl div dt dd span nav a section figure figcaption svg g line text polygon circle rect ul li strong br table thead tbody tr th td code footer".split(" "),
);
const ATTRIBUTES = new Set(
  "lang charset http-equiv content name class id href role aria-label aria-labelledby tabindex scope title style viewBox x y x1 y1 x2 y2 cx cy r width height points fill text-anchor".split(" "),
);

interface Tag {
  name: string;
  attributes: [string, string][];
}

/** Every start and end tag; attribute values are double-quoted and, once escaped, hold no `"`. */
function tagsOf(page: string): Tag[] {
  return [...page.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1] ?? "",
    attributes: [...(m[2] ?? "").matchAll(/([a-zA-Z][a-zA-Z0-9-]*)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1] ?? "", a[2] ?? ""]),
  }));
}

describe("renderHtmlReport on hostile text", async () => {
  const outcome = await hostileOutcome();
  const page = renderHtmlReport(outcome);
  const tags = tagsOf(page);

  it("writes only its own markup: every < opens a known tag (or the doctype)", () => {
    expect(page.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(page.split("<").length - 1).toBe(tags.length + 1);
    expect([...new Set(tags.map((t) => t.name))].filter((n) => !TAGS.has(n))).toEqual([]);
  });

  it("has no event handler, script, external reference or CSS from user text", () => {
    const attributes = tags.flatMap((t) => t.attributes);
    expect(attributes.map(([n]) => n).filter((n) => !ATTRIBUTES.has(n))).toEqual([]);
    expect(attributes.filter(([n]) => n === "href").every(([, v]) => v.startsWith("#"))).toBe(true);
    expect(attributes.filter(([n]) => n === "style").every(([, v]) => /^background-color:#[0-9A-Fa-f]{6}$/.test(v))).toBe(true);
    expect(page).not.toMatch(/<script|<img|<iframe|<link|@import|url\(|https?:/i);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
  });

  it.each(Object.entries(HOSTILE))("shows the hostile %s as text", (_key, text) => {
    expect(page).toContain(escapeHtml(text));
  });

  it("is the same string for the same outcome, and for a second run of the same files", async () => {
    expect(renderHtmlReport(outcome)).toBe(page);
    expect(renderHtmlReport(await hostileOutcome()).replace(/kpi-e2e-\w+/g, "")).toBe(page.replace(/kpi-e2e-\w+/g, ""));
  });
});

describe("renderHtmlReport sections", async () => {
  const outcome = await computeRun({ config: "kpi.config.yaml", cwd: fixture(BASE_FILES), period: "2026-10" });
  const page = renderHtmlReport(outcome);

  it("has a radar per rep, in rank order, each linked from the ranking", () => {
    expect(page.match(/<svg class="radar"/g)).toHaveLength(outcome.engine.reps.length);
    const ids = outcome.engine.reps.map((r) => r.rep.id); // R003, R001, R002
    expect([...page.matchAll(/<th scope="row"><a href="#(rep-\d+)">(\w+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual(ids.map((id, i) => [`rep-${i + 1}`, id]));
    expect([...page.matchAll(/<figure class="radar-card" id="(rep-\d+)">.*?<strong>(\w+)<\/strong>/g)].map((m) => [m[1], m[2]])).toEqual(ids.map((id, i) => [`rep-${i + 1}`, id]));
  });

  it("shows the header numbers", () => {
    expect(page).toContain("<dt>Period</dt><dd>2026-10</dd>");
    expect(page).toContain("<dt>Reps scored</dt><dd>3</dd>");
    expect(page).toContain('<span class="sev error">0 errors</span>');
    expect(page).toContain("No anomalies.");
  });

  it("shows scores to 2 decimals and the tier in its colour", () => {
    // R001: 0.7 × 1.3 + 0.3 × (1 / 2) = 1.06 -> 106.00, tier A (min 100), the palette's first colour
    expect(page).toMatch(/<a href="#rep-2">R001<\/a><\/th><td>Li Wei<\/td><td>East<\/td><td>standard<\/td><td><span class="tier" style="background-color:#FFD966">A<\/span><\/td><td class="num score">106.00<\/td>/);
  });

  it("shades the threshold tiers' bands behind the histogram and counts them", () => {
    // scores 120, 106 and 69.25 (R002): bins 60-130; A spans [100, 130), B [60, 100)
    expect(page.match(/<g class="band">/g)).toHaveLength(2);
    expect(page).toMatch(/A ≥ 100: <strong>2<\/strong>/);
    expect(page).toMatch(/B: <strong>1<\/strong>/);
  });

  it("leaves out the payout column without commission plans", () => {
    expect(page).not.toContain("Payout (");
    expect(page).toContain("<dt>Total payout</dt><dd>—</dd>");
  });
});

describe("renderHtmlReport with distribution tiers", async () => {
  const files = { ...BASE_FILES, "kpi.config.yaml": (BASE_FILES["kpi.config.yaml"] ?? "").replace(/tiers:\n(  - .*\n)+/, "tiers: { distribution: { Top: 34%, Rest: 66% } }\n") };
  const outcome: RunOutcome = await computeRun({ config: "kpi.config.yaml", cwd: fixture(files), period: "2026-10" });
  const page = renderHtmlReport(outcome);

  it("shades no bands and shows the count of each tier", () => {
    expect(outcome.engine.reps.map((r) => r.tier)).toEqual(["Top", "Rest", "Rest"]); // round_half_up(0.34 × 3) = 1
    expect(page).not.toContain('<g class="band">');
    expect(page).toContain("no fixed score range");
    expect(page).toMatch(/Top: <strong>1<\/strong>/);
    expect(page).toMatch(/Rest: <strong>2<\/strong>/);
  });
});

describe("renderHtmlReport with a rep without a score", async () => {
  const base = await computeRun({ config: "kpi.config.yaml", cwd: fixture(BASE_FILES), period: "2026-10" });
  const [first, ...others] = base.engine.reps;
  if (!first) throw new Error("no rep");
  const last = { ...first, score: null, tier: null, dimensions: { result: null }, rank: 3 };
  const outcome: RunOutcome = { ...base, engine: { ...base.engine, reps: [...others, last] } };
  const page = renderHtmlReport(outcome);

  it("still draws its radar, without a polygon, and counts it under no tier", () => {
    expect(page.match(/<svg class="radar"/g)).toHaveLength(3);
    expect(page.match(/<polygon class="rep"/g)).toHaveLength(2);
    expect(page).toContain("1 rep has no score and is not shown.");
    expect(page).toMatch(/no tier: <strong>1<\/strong>/);
    expect(page).toContain('<span class="tier none">—</span>');
  });
});
