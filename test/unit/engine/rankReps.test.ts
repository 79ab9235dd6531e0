import { describe, expect, it } from "vitest";
import { competitionRanks, rankReps, type Rankable } from "../../../src/engine/rankReps.js";

const rep = (id: string, score: number | null, revenue: number | null = null, better: "higher" | "lower" = "higher"): Rankable => ({ id, score, tieBreak: [{ value: revenue, better }] });

describe("rankReps", () => {
  it("gives standard competition ranks on the unrounded score (1, 2, 2, 4)", () => {
    const { ordered, ranks } = rankReps([rep("R4", 80), rep("R2", 95), rep("R3", 95), rep("R1", 100)]);
    expect(ordered.map((r) => r.id)).toEqual(["R1", "R2", "R3", "R4"]);
    expect(ranks).toEqual([1, 2, 2, 4]);
  });

  it("orders tied reps by tie_break without splitting their rank", () => {
    const { ordered, ranks } = rankReps([rep("R1", 95, 100), rep("R2", 95, 300)]);
    expect(ordered.map((r) => r.id)).toEqual(["R2", "R1"]);
    expect(ranks).toEqual([1, 1]);
  });

  it("follows a tie_break metric's better direction and puts missing values last", () => {
    const { ordered } = rankReps([rep("R1", 90, 40, "lower"), rep("R2", 90, 30, "lower"), rep("R3", 90, null, "lower")]);
    expect(ordered.map((r) => r.id)).toEqual(["R2", "R1", "R3"]);
  });

  it("breaks remaining ties by rep id ascending", () => {
    expect(rankReps([rep("R9", 90), rep("R10", 90), rep("R1", 90)]).ordered.map((r) => r.id)).toEqual(["R1", "R10", "R9"]);
  });

  it("does not treat scores that differ below the 2nd decimal as tied", () => {
    expect(rankReps([rep("R1", 95.001), rep("R2", 95.004)]).ranks).toEqual([1, 2]);
  });

  it("ranks reps without a score last, sharing one rank", () => {
    expect(competitionRanks([100, 90, null, null])).toEqual([1, 2, 3, 3]);
  });
});
