import { describe, expect, it } from "vitest";
import { outputClash } from "../../src/outputGuard.js";
import { makeConfig } from "../support/builders.js";

const loaded = (paths: Record<string, string>) => ({
  config: makeConfig({ sources: Object.fromEntries(Object.entries(paths).map(([name, path]) => [name, { path, columns: { rep: "Rep" } }])) }),
  file: "kpi.config.yaml",
  baseDir: "/work/project",
  sha256: "",
});

describe("outputClash", () => {
  it.each([
    [{ deals: "data/*.csv", roster: "roster.csv" }, "/work/project/data/commissions.csv", /would be read as source "deals"/],
    [{ deals: "data/**/*.xlsx", roster: "roster.csv" }, "/work/project/data/out/report.xlsx", /would be read as source "deals"/],
    [{ deals: "data/deals.csv", roster: "roster.csv" }, "/work/project/kpi.config.yaml", /is an input of this run/],
  ])("refuses %j for %s", (paths, output, message) => {
    expect(outputClash([output], loaded(paths), [])).toMatch(message);
  });

  it("refuses to overwrite an input file", () => {
    expect(outputClash(["/work/project/x/results.json"], loaded({ roster: "roster.csv" }), ["/work/project/x/results.json"])).toMatch(/is an input/);
  });

  it("allows an output folder no source reads", () => {
    expect(outputClash(["/work/project/out/commissions.csv", "/work/project/out/report.xlsx"], loaded({ deals: "data/*.csv", roster: "roster.csv" }), [])).toBeNull();
  });
});
