import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../../src/config/loadConfig.js";
import { formatIssue } from "../../../src/errors.js";

/** A valid config; tests replace lines of it. Line numbers in the tests refer to this text. */
const valid = `version: 1
currency: CNY
sources:
  deals:
    path: deals.csv
    key: id
    columns:
      id: { from: "Deal ID" }
      rep: Owner
      amount: { from: Amount, type: money }
      closed: { from: Closed, type: date }
      stage: Stage
  roster:
    path: roster.csv
    columns: { rep: Rep, name: Name, team: Team }
metrics:
  revenue: { source: deals, where: 'stage == "Won"', date: closed, aggregate: sum, value: amount }
  deals_won: { source: deals, date: closed, aggregate: count }
  avg_deal: { formula: revenue / deals_won }
scorecards:
  - name: standard
    dimensions:
      result: { weight: 1, metrics: { revenue: 2, deals_won: 1 } }
tiers:
  - { name: A, min: 95 }
  - { name: B, min: 80 }
  - { name: C }
`;

function issuesOf(text: string): string[] {
  return parseConfigText(text, "kpi.config.yaml").issues.map(formatIssue);
}

const replace = (from: string, to: string): string => {
  if (!valid.includes(from)) throw new Error(`fixture lacks ${from}`);
  return valid.replace(from, to);
};

describe("parseConfigText", () => {
  it("accepts the valid config with no issues", () => {
    const { config, issues } = parseConfigText(valid, "kpi.config.yaml");
    expect(issues).toEqual([]);
    expect(config?.metrics["revenue"]?.aggregate).toBe("sum");
    expect(config?.sources["deals"]?.columns["rep"]).toEqual({ from: "Owner", type: "string" });
  });

  it.each([
    ["an unknown key, with a suggestion", replace("    key: id", "    kee: id"), "kpi.config.yaml:6:5 unknown key \"kee\" at sources.deals (did you mean \"key\"?)"],
    ["a wrong type", replace("currency: CNY", "currency: 12"), "kpi.config.yaml:2:11 wrong type at currency (expected a string)"],
    ["an enum value", replace("aggregate: sum", "aggregate: total"), "kpi.config.yaml:17:79 invalid value at metrics.revenue.aggregate"],
    ["a duplicate key", replace("  deals_won:", "  revenue:"), "kpi.config.yaml:18:3 duplicate key: each key may appear once in a mapping"],
    ["an unknown source", replace("revenue: { source: deals,", "revenue: { source: deal,"), "kpi.config.yaml:17:22 unknown source \"deal\" (did you mean \"deals\"?) (expected deals)"],
    ["an unknown column in where, at its column", replace(`where: 'stage == "Won"'`, `where: 'stag == "Won"'`), "kpi.config.yaml:17:37 unknown name \"stag\" (did you mean \"stage\"?)"],
    ["an expression that does not parse", replace(`where: 'stage == "Won"'`, `where: 'stage == '`), "kpi.config.yaml:17:"],
    ["an unknown metric in a formula", replace("formula: revenue / deals_won", "formula: revenue / deals"), "kpi.config.yaml:19:34 unknown name \"deals\""],
    ["a non-positive weight", replace("deals_won: 1 } }", "deals_won: 0 } }"), "kpi.config.yaml:23:62 weights must be positive; 0 is not"],
    ["tiers out of order", replace("{ name: B, min: 80 }", "{ name: B, min: 99 }"), "kpi.config.yaml:26:21 tiers must be in descending order of min: 99 comes after 95"],
    ["an unknown metric on a scorecard", replace("metrics: { revenue: 2,", "metrics: { revenu: 2,"), "kpi.config.yaml:23:39 unknown metric \"revenu\" (did you mean \"revenue\"?)"],
    ["a date column that is not a date", replace("date: closed, aggregate: count", "date: stage, aggregate: count"), "kpi.config.yaml:18:37 \"stage\" must be a date column"],
  ])("reports %s at file:line:col", (_what, text, expected) => {
    const issues = issuesOf(text);
    expect(issues.some((i) => i.startsWith(expected)), issues.join("\n")).toBe(true);
  });

  it("reports a metric cycle", () => {
    const text = replace("  avg_deal: { formula: revenue / deals_won }", "  a: { formula: b + 1 }\n  b: { formula: a + 1 }");
    expect(issuesOf(text)).toContainEqual(expect.stringMatching(/^kpi\.config\.yaml:19:17 formula metrics form a cycle: a -> b -> a/));
  });

  it("requires exactly one scorecard without applies_to, the last", () => {
    const text = replace("scorecards:\n", "scorecards:\n  - name: catch_all\n    dimensions: { result: { weight: 1, metrics: { revenue: 1 } } }\n");
    expect(issuesOf(text)).toContainEqual(expect.stringMatching(/^kpi\.config\.yaml:21:11 only the last scorecard may omit "applies_to"/));
    const withLastApplies = replace("  - name: standard\n", "  - name: standard\n    applies_to: tenure_months > 3\n");
    expect(issuesOf(withLastApplies)).toContainEqual(expect.stringMatching(/the last scorecard must have no "applies_to"/));
  });

  it("checks applies_to names against roster columns and tenure_months", () => {
    const text = replace("  - name: standard\n", "  - name: new_hire\n    applies_to: tenure_months < 3 and rol == \"x\"\n    dimensions: { result: { weight: 1, metrics: { revenue: 1 } } }\n  - name: standard\n");
    expect(issuesOf(text)).toContainEqual(expect.stringMatching(/^kpi\.config\.yaml:22:39 unknown name "rol"/));
  });

  it("lists every problem at once, in file order", () => {
    const text = replace("currency: CNY", "currency: cny").replace("aggregate: sum", "aggregate: total");
    const issues = issuesOf(text);
    expect(issues.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["a prototype key", "version: 1\n__proto__: { polluted: true }\n", "kpi.config.yaml:2:1 the key \"__proto__\" is not allowed"],
    ["constructor", "version: 1\nmetrics: { constructor: 1 }\n", "kpi.config.yaml:2:12 the key \"constructor\" is not allowed"],
    ["a YAML 1.1 directive", "%YAML 1.1\n---\nversion: 1\n", "kpi.config.yaml:1:1 kpi reads YAML 1.2"],
    ["a top-level list", "- a\n- b\n", "kpi.config.yaml:1:1 the config must be a mapping"],
    ["an empty file", "", "kpi.config.yaml:1:1 the config must be a mapping"],
    ["a NUL byte", "version: 1\ncur\0rency: CNY\n", "kpi.config.yaml:2:4 the file holds a NUL byte"],
    ["a custom tag", "version: !!js/function 1\n", "kpi.config.yaml:1:"],
  ])("rejects %s with a position", (_what, text, expected) => {
    const issues = issuesOf(text);
    expect(issues.some((i) => i.startsWith(expected)), issues.join("\n")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("stops an alias bomb with a position", () => {
    const bomb = ["version: 1", "a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]", "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]", "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]"].join("\n");
    const issues = issuesOf(bomb);
    expect(issues.some((i) => /^kpi\.config\.yaml:3:8 aliases expand too far/.test(i)), issues.join("\n")).toBe(true);
  });

  it("reads yes/no/on as strings (YAML 1.2)", () => {
    const text = replace("currency: CNY", "currency: CNY\nname: on");
    expect(parseConfigText(text, "k.yaml").config?.name).toBe("on");
  });

  it("survives 10,000 levels of nesting with an issue, not a crash", () => {
    const deep = `version: 1\nname: ${"[".repeat(10000)}${"]".repeat(10000)}\n`;
    expect(() => issuesOf(deep)).not.toThrow();
    expect(issuesOf(deep).length).toBeGreaterThan(0);
  });
});
