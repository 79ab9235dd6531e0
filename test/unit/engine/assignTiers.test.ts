import { describe, expect, it } from "vitest";
import { assignTiers } from "../../../src/engine/assignTiers.js";

const thresholds = [{ name: "S", min: 110 }, { name: "A", min: 95 }, { name: "B", min: 80 }, { name: "C", min: 60 }, { name: "D" }];

describe("assignTiers by thresholds", () => {
  it.each([
    [125, "S"],
    [110, "S"], // exactly on a min is in that tier
    [109.999, "A"],
    [95, "A"],
    [80, "B"],
    [59.99, "D"],
    [0, "D"],
  ])("score %d is tier %s", (score, tier) => {
    expect(assignTiers(thresholds, [score])).toEqual([tier]);
  });

  it("gives no tier to a rep without a score, and none below the last min when every tier has one", () => {
    expect(assignTiers(thresholds, [null])).toEqual([null]);
    expect(assignTiers([{ name: "A", min: 90 }], [50])).toEqual([null]);
  });
});

describe("assignTiers by distribution", () => {
  const distribution = { distribution: { A: "20%", B: "70%", C: "10%" } };

  it("ends each tier at round_half_up(cumulative share × N)", () => {
    // N = 10: A ends at 0.2×10 = 2, B at 0.9×10 = 9, C at 10
    const scores = [100, 95, 90, 85, 80, 75, 70, 65, 60, 55];
    expect(assignTiers(distribution, scores)).toEqual(["A", "A", "B", "B", "B", "B", "B", "B", "B", "C"]);
  });

  it("rounds half up: N = 5 puts A at round(1.0) = 1 and B at round(4.5) = 5", () => {
    expect(assignTiers(distribution, [90, 80, 70, 60, 50])).toEqual(["A", "B", "B", "B", "B"]);
  });

  it("gives reps tied across a boundary the better tier and keeps later boundaries", () => {
    // N = 10, A ends at 2, but positions 2 and 3 tie: both A; B still ends at 9
    const scores = [100, 95, 95, 85, 80, 75, 70, 65, 60, 55];
    expect(assignTiers(distribution, scores)).toEqual(["A", "A", "A", "B", "B", "B", "B", "B", "B", "C"]);
  });

  it("counts only reps with a score and leaves the others without a tier", () => {
    expect(assignTiers(distribution, [100, 90, 80, 70, 60, null])).toEqual(["A", "B", "B", "B", "B", null]);
  });
});
