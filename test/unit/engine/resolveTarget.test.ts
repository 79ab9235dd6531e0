import { describe, expect, it } from "vitest";
import { parsePeriod, type Period } from "../../../src/engine/period.js";
import { resolveTarget } from "../../../src/engine/resolveTarget.js";
import { TargetsIndex } from "../../../src/engine/targetsIndex.js";
import { Dec } from "../../../src/money.js";
import { day, makeConfig, makeRep } from "../../support/builders.js";

const p = (text: string): Period => {
  const period = parsePeriod(text);
  if (!period) throw new Error(text);
  return period;
};

function index(rows: [string, string, string, string][]): TargetsIndex {
  const idx = new TargetsIndex();
  rows.forEach(([rep, metric, period, value], i) => idx.set(TargetsIndex.key(rep, metric, period), { value: new Dec(value), file: "targets.csv", row: i + 2 }));
  return idx;
}

const rep = makeRep({ id: "R001", role: "key_account", team: "East" });

describe("resolveTarget for an additive metric", () => {
  it("takes the file's row for the period itself", () => {
    const t = resolveTarget(makeConfig(), index([["R001", "revenue", "2026-10", "250000"]]), rep, "revenue", p("2026-10"));
    expect(t).toEqual({ value: new Dec("250000"), source: "targets.csv row 2" });
  });

  it("decomposes a quarter row into months: 900,000 / 3 = 300,000 for October", () => {
    const t = resolveTarget(makeConfig(), index([["R001", "revenue", "2026-Q4", "900000"]]), rep, "revenue", p("2026-10"));
    expect(t?.value.toString()).toBe("300000");
    expect(t?.source).toBe("targets.csv row 2 (2026-Q4) ÷ 3");
  });

  it("decomposes a year row into months: 1,200,000 / 12 = 100,000", () => {
    const t = resolveTarget(makeConfig(), index([["R001", "revenue", "2026", "1200000"]]), rep, "revenue", p("2026-10"));
    expect(t?.value.toString()).toBe("100000");
  });

  it("sums a quarter from its months, each by its own best source", () => {
    // Oct row 310,000 + Nov from Q? none -> year 1,200,000/12 = 100,000 + Dec row 290,000 = 700,000
    const idx = index([
      ["R001", "revenue", "2026-10", "310000"],
      ["R001", "revenue", "2026", "1200000"],
      ["R001", "revenue", "2026-12", "290000"],
    ]);
    expect(resolveTarget(makeConfig(), idx, rep, "revenue", p("2026-Q4"))?.value.toString()).toBe("700000");
  });

  it("scales a monthly config default to a quarter: 300,000 a month is 900,000", () => {
    const config = makeConfig({ targets: { revenue: 300000 } });
    expect(resolveTarget(config, index([]), rep, "revenue", p("2026-Q4"))?.value.toString()).toBe("900000");
  });

  it("spreads a quarterly config default over months: 900,000 a quarter is 300,000 for a month", () => {
    const config = makeConfig({ period: "quarter", targets: { revenue: 900000 } });
    const t = resolveTarget(config, index([]), rep, "revenue", p("2026-11"));
    expect(t?.value.toString()).toBe("300000");
    expect(t?.source).toBe("config default ÷ 3");
  });

  it("prefers by_role over by_team over default", () => {
    const config = makeConfig({ targets: { revenue: { default: 300000, by_team: { East: 500000 }, by_role: { key_account: 800000 } } } });
    expect(resolveTarget(config, index([]), rep, "revenue", p("2026-10"))).toEqual({ value: new Dec("800000"), source: "config by_role key_account" });
    expect(resolveTarget(config, index([]), makeRep({ role: "sdr", team: "East" }), "revenue", p("2026-10"))?.value.toString()).toBe("500000");
  });

  it("prorates by days employed, counting the hire day: hired 2026-10-12 is 20/31 of October", () => {
    const config = makeConfig({ targets: { revenue: { default: 310000, prorate: true } } });
    const t = resolveTarget(config, index([]), makeRep({ hired: day("2026-10-12") }), "revenue", p("2026-10"));
    expect(t?.value.toString()).toBe("200000"); // 310,000 × 20 / 31
    expect(t?.source).toBe("config default × 20/31 days employed");
  });

  it("has no target when a month of the period has none", () => {
    expect(resolveTarget(makeConfig(), index([["R001", "revenue", "2026-10", "1"]]), rep, "revenue", p("2026-Q4"))).toBeNull();
  });
});

describe("resolveTarget for a non-additive metric", () => {
  it("takes the smallest containing period's row, unscaled", () => {
    const idx = index([
      ["R001", "avg_deal", "2026", "40000"],
      ["R001", "avg_deal", "2026-Q4", "50000"],
    ]);
    const t = resolveTarget(makeConfig(), idx, rep, "avg_deal", p("2026-10"));
    expect(t?.value.toString()).toBe("50000");
    expect(t?.source).toBe("targets.csv row 3 (2026-Q4)");
  });

  it("uses the config default unscaled for a quarter", () => {
    const config = makeConfig({ targets: { avg_deal: 45000 } });
    expect(resolveTarget(config, index([]), rep, "avg_deal", p("2026-Q4"))?.value.toString()).toBe("45000");
  });
});
