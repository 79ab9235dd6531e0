import { describe, expect, it } from "vitest";
import { shorten } from "../../../../src/report/html/shorten.js";
import { tierBars } from "../../../../src/report/html/tierBars.js";

describe("tierBars", () => {
  const tiers = [
    { name: "A", colour: "#A9D08E" },
    { name: "B", colour: "#F4B084" },
  ];

  it("draws a segment per non-zero count and the team's total", () => {
    const svg = tierBars({ title: "Tiers", tiers, teams: [{ team: "East", counts: [2, 1] }, { team: "West", counts: [0, 3] }] }).text;
    expect(svg.match(/<g class="segment">/g)).toHaveLength(3);
    expect(svg).toContain('<text class="total" ');
    expect(svg).toMatch(/>3<\/text><\/g>$/m); // West's total
  });

  it("scales every bar by the largest team", () => {
    // width for counts: 560 - 112 - 36 = 412 per 4 reps (the largest team) -> 103 per rep
    const svg = tierBars({ title: "Tiers", tiers, teams: [{ team: "East", counts: [4, 0] }, { team: "West", counts: [1, 0] }] }).text;
    expect(svg).toContain('width="412.00"');
    expect(svg).toContain('width="103.00"');
  });

  it("escapes team names and shortens long ones", () => {
    const svg = tierBars({ title: "Tiers", tiers, teams: [{ team: "<script>alert(1)</script>", counts: [1, 0] }] }).text;
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;"); // in the <title>
    expect(svg).toContain("&lt;script&gt;alert(1…</text>"); // the label: 15 characters and an ellipsis
  });
});

describe("shorten", () => {
  it.each([
    ["East", 16, "East"],
    ["Northeast Greater China", 10, "Northeast…"],
    ["华东大区销售一部", 5, "华东大区…"],
  ])("%s (%d) -> %s", (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
  });
});
