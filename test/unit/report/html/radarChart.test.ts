import { describe, expect, it } from "vitest";
import { axisAngle, pointsAttribute, radarChart, radarPoints, radarScaleMax } from "../../../../src/report/html/radarChart.js";

describe("radarPoints", () => {
  // 3 axes, centre (100, 100), radius 100, scale 0..150; axes at -90°, 30°, 150° (up, then clockwise)
  it("places a 3-axis polygon by hand", () => {
    const points = radarPoints([150, 75, 0], 150, { x: 100, y: 100 }, 100);
    // axis 0: full length straight up -> (100, 0)
    // axis 1: half length at 30° -> (100 + 50·cos30°, 100 + 50·sin30°) = (143.30, 125)
    // axis 2: 0 -> the centre
    expect(pointsAttribute(points)).toBe("100.00,0.00 143.30,125.00 100.00,100.00");
  });

  it.each([
    ["null counts as 0", [null, 150, 150], "100.00,100.00 186.60,150.00 13.40,150.00"],
    ["values clamp to the scale", [300, -20, 150], "100.00,0.00 100.00,100.00 13.40,150.00"],
  ])("%s", (_case, values, expected) => {
    expect(pointsAttribute(radarPoints(values, 150, { x: 100, y: 100 }, 100))).toBe(expected);
  });

  it("puts axis 0 up and goes clockwise", () => {
    expect(axisAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    expect(axisAngle(1, 4)).toBeCloseTo(0); // right
    expect(axisAngle(2, 4)).toBeCloseTo(Math.PI / 2); // down
  });
});

describe("radarScaleMax", () => {
  it.each([
    [[120, null, 90], 150],
    [[150], 150],
    [[151.2], 200],
    [[], 150],
  ])("%j -> %d", (values, expected) => {
    expect(radarScaleMax(values)).toBe(expected);
  });
});

describe("radarChart", () => {
  const axes = [
    { label: "result", value: 150, average: 100 },
    { label: "process", value: 75, average: 100 },
    { label: "<customer>", value: null, average: 50 },
  ];

  it("draws the rep's and the average's polygons on rings every 50 points", () => {
    const svg = radarChart({ title: "R001 Li Wei", axes, scaleMax: 150 }).text;
    expect(svg.startsWith('<svg class="radar"')).toBe(true);
    expect(svg.match(/<polygon class="rep"/g)).toHaveLength(1);
    expect(svg.match(/<polygon class="avg"/g)).toHaveLength(1);
    expect(svg.match(/<polygon class="ring[^"]*"/g)).toHaveLength(3); // 50, 100, 150
    expect(svg.match(/<polygon class="ring target"/g)).toHaveLength(1);
    expect(svg.match(/<line /g)).toHaveLength(3); // one spoke per axis
    expect(svg).toContain("150.00"); // the rep's value on the result axis
  });

  it("escapes axis labels and the title", () => {
    const svg = radarChart({ title: '"><script>x</script>', axes, scaleMax: 150 }).text;
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<customer>");
    expect(svg).toContain("&lt;customer&gt;");
  });

  it("draws no rep polygon when every dimension was left out", () => {
    const svg = radarChart({ title: "R009", axes: axes.map((a) => ({ ...a, value: null })), scaleMax: 150 }).text;
    expect(svg).not.toContain('class="rep"');
    expect(svg).toContain('class="avg"');
  });

  it("is the same string every time", () => {
    expect(radarChart({ title: "x", axes, scaleMax: 200 }).text).toBe(radarChart({ title: "x", axes, scaleMax: 200 }).text);
  });
});
