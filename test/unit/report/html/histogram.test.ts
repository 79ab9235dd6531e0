import { describe, expect, it } from "vitest";
import { histogram, histogramBins, thresholdBands } from "../../../../src/report/html/histogram.js";

describe("histogramBins", () => {
  it.each([
    ["no scores, no bins", [], []],
    ["one score", [42], [[40, 50, 1]]],
    ["a score on a bound goes up", [50, 49.99], [[40, 50, 1], [50, 60, 1]]],
    ["empty bins in between are kept", [61, 85, 88], [[60, 70, 1], [70, 80, 0], [80, 90, 2]]],
    ["the top score gets its own bin", [100, 150], [[100, 110, 1], [110, 120, 0], [120, 130, 0], [130, 140, 0], [140, 150, 0], [150, 160, 1]]],
  ])("%s", (_case, scores, expected) => {
    expect(histogramBins(scores, 10).map((b) => [b.from, b.to, b.count])).toEqual(expected);
  });

  it("counts every score once", () => {
    const scores = [0, 3.5, 33.18, 59.99, 60, 134.55, 150];
    expect(histogramBins(scores, 10).reduce((n, b) => n + b.count, 0)).toBe(scores.length);
  });
});

describe("thresholdBands", () => {
  it("spans each tier from its min to the min of the tier above", () => {
    const bands = thresholdBands([
      { name: "A", min: 100, colour: "#111111" },
      { name: "B", min: 80, colour: "#222222" },
      { name: "C", min: null, colour: "#333333" },
    ]);
    expect(bands.map((b) => [b.name, b.from, b.to])).toEqual([
      ["A", 100, null],
      ["B", 80, 100],
      ["C", null, 80],
    ]);
  });
});

describe("histogram", () => {
  const bands = thresholdBands([
    { name: "A", min: 100, colour: "#A9D08E" },
    { name: "<B>", min: null, colour: "#F4B084" },
  ]);

  it("draws one bar per non-empty bin and a shaded band per tier in range", () => {
    const svg = histogram({ title: "Scores", scores: [85, 88, 104, 131], binWidth: 10, bands }).text;
    expect(svg.match(/<g class="bar">/g)).toHaveLength(3); // 80-90 (2), 100-110 (1), 130-140 (1)
    expect(svg.match(/<g class="band">/g)).toHaveLength(2);
    expect(svg).toContain("&lt;B&gt;");
    expect(svg).not.toContain("<B>");
  });

  it("leaves out a band outside the scores' range", () => {
    const svg = histogram({ title: "Scores", scores: [40, 55], binWidth: 10, bands }).text;
    expect(svg.match(/<g class="band">/g)).toHaveLength(1);
  });

  it("says so when no rep has a score", () => {
    expect(histogram({ title: "Scores", scores: [], binWidth: 10, bands }).text).toContain("No rep has a score");
  });
});
