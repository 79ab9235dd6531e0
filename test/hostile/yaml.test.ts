/**
 * Hostile YAML configs: every class gets an issue with file:line:col (or a
 * correct value), never a crash, a hang, prototype pollution or a YAML 1.1
 * reading of a YAML 1.2 file.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { loadConfig, parseConfigText } from "../../src/config/loadConfig.js";
import { ConfigError, InputError, formatIssue } from "../../src/errors.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-hostile-yaml-"));

/** A valid config; cases append to it or replace a line. */
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
  roster:
    path: roster.csv
    columns: { rep: Rep, name: Name, team: Team }
metrics:
  revenue: { source: deals, date: closed, aggregate: sum, value: amount }
  deals_won: { source: deals, date: closed, aggregate: count }
scorecards:
  - name: standard
    dimensions:
      result: { weight: 1, metrics: { revenue: 2, deals_won: 1 } }
tiers:
  - { name: A, min: 95 }
  - { name: C }
`;

const issuesOf = (text: string): string[] => parseConfigText(text, "kpi.config.yaml").issues.map(formatIssue);

function expectIssue(text: string, expected: string | RegExp): void {
  const issues = issuesOf(text);
  const found = issues.some((i) => (typeof expected === "string" ? i.startsWith(expected) : expected.test(i)));
  expect(found, issues.join("\n")).toBe(true);
}

async function load(name: string, bytes: string | Uint8Array) {
  writeFileSync(join(dir, name), bytes);
  return loadConfig(name, dir);
}

async function loadFailure(name: string, bytes: string | Uint8Array): Promise<ConfigError | InputError> {
  try {
    await load(name, bytes);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${name} loaded without an error`);
}

describe("hostile YAML", () => {
  it("accepts the valid base config", () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it("stops an alias bomb (nested) at the first alias, with file:line:col", () => {
    const bomb = ["version: 1", "a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]", "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]", "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]"].join("\n");
    expectIssue(bomb, /^kpi\.config\.yaml:3:8 aliases expand too far/);
  });

  it("stops an alias bomb (wide) at the alias past the limit", () => {
    const wide = `version: 1\na: &a x\nb: [${Array.from({ length: 150 }, () => "*a").join(", ")}]\n`;
    expectIssue(wide, /^kpi\.config\.yaml:3:\d+ more than 100 aliases/);
  });

  it.each([
    ["at the top", valid.replace("currency: CNY", "currency: CNY\ncurrency: USD"), "kpi.config.yaml:3:1 duplicate key"],
    ["nested", valid.replace("      rep: Owner", "      rep: Owner\n      rep: Seller"), "kpi.config.yaml:10:7 duplicate key"],
    ["in a flow mapping", valid.replace("{ rep: Rep, name: Name, team: Team }", "{ rep: Rep, rep: Name, team: Team }"), "kpi.config.yaml:14:26 duplicate key"],
  ])("reports a duplicate key %s", (_where, text, expected) => {
    expectIssue(text, expected);
  });

  it.each([
    ["__proto__ at the top", "__proto__: { polluted: true }\n", "kpi.config.yaml:1:1 the key \"__proto__\" is not allowed"],
    ["constructor nested", "metrics:\n  constructor: { prototype: 1 }\n", "kpi.config.yaml:2:3 the key \"constructor\" is not allowed"],
    ["prototype in a flow mapping", "metrics: { a: 1, prototype: 2 }\n", "kpi.config.yaml:1:18 the key \"prototype\" is not allowed"],
    ["a quoted __proto__", 'sources: { "__proto__": { polluted: true } }\n', "kpi.config.yaml:1:12 the key \"__proto__\" is not allowed"],
  ])("rejects %s and pollutes nothing", (_what, text, expected) => {
    expectIssue(text, expected);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it.each([
    ["no", "no"],
    ["on", "on"],
    ["yes", "yes"],
    ["Off", "Off"],
    ["y", "y"],
  ])("reads the YAML 1.1 boolean %s as the string %j (YAML 1.2)", (scalar, expected) => {
    expect(parseConfigText(valid.replace("currency: CNY", `currency: CNY\nname: ${scalar}`), "k.yaml").config?.name).toBe(expected);
  });

  it("reads 010 as ten (YAML 1.2), not eight (YAML 1.1 octal), and !!str 010 as text", () => {
    const config = parseConfigText(`${valid}targets:\n  revenue: 010\n  deals_won: { default: 0o10 }\n`, "k.yaml").config;
    expect(config?.targets?.["revenue"]).toMatchObject({ default: 10 });
    expect(config?.targets?.["deals_won"]).toMatchObject({ default: 8 }); // 0o10 is YAML 1.2's octal
    expect(parseConfigText(valid.replace("currency: CNY", "currency: CNY\nname: !!str 010"), "k.yaml").config?.name).toBe("010");
  });

  it("refuses a YAML 1.1 merge key (<<) with its position instead of silently not merging", () => {
    const text = valid.replace("  roster:\n", "  roster:\n    <<: { key: rep }\n");
    expectIssue(text, "kpi.config.yaml:13:5 merge keys (<<) are YAML 1.1");
  });

  it.each([
    ["%YAML 1.1", `%YAML 1.1\n---\n${valid}`, "kpi.config.yaml:1:1 kpi reads YAML 1.2"],
    ["%YAML 1.1 with a 1.1-only value", `%YAML 1.1\n---\n${valid.replace("currency: CNY", "currency: CNY\nname: on")}`, "kpi.config.yaml:1:1 kpi reads YAML 1.2"],
  ])("refuses the %s directive", (_what, text, expected) => {
    expectIssue(text, expected);
  });

  it("accepts an explicit %YAML 1.2 directive", () => {
    expect(issuesOf(`%YAML 1.2\n---\n${valid}`)).toEqual([]);
  });

  it("refuses tabs as indentation, with the position, and keeps tabs inside a quoted value", () => {
    expectIssue(valid.replace("  roster:\n    path: roster.csv", "  roster:\n\tpath: roster.csv"), /^kpi\.config\.yaml:13:1 a tab is used for indentation/);
    expect(parseConfigText(valid.replace("currency: CNY", 'currency: CNY\nname: "a\tb"'), "k.yaml").config?.name).toBe("a\tb");
  });

  it.each([
    ["flow sequences", `version: 1\nname: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`],
    ["flow mappings", `version: 1\nname: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`],
  ])("survives 10,000 levels of nested %s with an issue, not a crash", (_what, text) => {
    const started = Date.now();
    expect(issuesOf(text).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses a 10 MB config before parsing it", async () => {
    const huge = `${valid}# ${"x".repeat(10 * 1024 * 1024)}\n`;
    const started = Date.now();
    const error = await loadFailure("huge.yaml", huge);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/huge\.yaml: is 1048\d{4} bytes; a config may be at most 1048576 bytes/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses a 10 MB config text handed to the parser directly (kpi validate reads the bytes itself)", () => {
    const started = Date.now();
    expectIssue(`${valid}# ${"x".repeat(10 * 1024 * 1024)}\n`, /^kpi\.config\.yaml:1:1 the config is 1048\d{4} characters long; a config may be at most 1048576 bytes/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses several documents in one file", () => {
    expectIssue(`${valid}---\nversion: 2\n`, /^kpi\.config\.yaml:25:1 the file holds more than one YAML document/);
  });

  it.each([
    ["a local tag", "name: !custom x", "kpi.config.yaml:3:7 the tag !custom is not allowed"],
    ["!!binary", "name: !!binary aGVsbG8=", "kpi.config.yaml:3:7 the tag !!binary is not allowed"],
    ["!!set", "name: !!set { a, b }", "kpi.config.yaml:3:7 the tag !!set is not allowed"],
    ["!!js/function", "name: !!js/function 'function () { return 1 }'", "kpi.config.yaml:3:7 the tag !!js/function is not allowed"],
    ["!!python/object", "name: !!python/object:os.system [ls]", "kpi.config.yaml:3:7 the tag !!python/object:os.system is not allowed"],
  ])("refuses a custom tag: %s", (_what, line, expected) => {
    expectIssue(valid.replace("currency: CNY", `currency: CNY\n${line}`), expected);
  });

  it("refuses a tag declared with %TAG", () => {
    expectIssue(`%TAG !e! tag:example.com,2026:\n---\n${valid.replace("currency: CNY", "currency: CNY\nname: !e!thing x")}`, /the tag tag:example\.com,2026:thing is not allowed/);
  });

  it("refuses a NUL byte with its position", () => {
    expectIssue(valid.replace("currency: CNY", "cur\0rency: CNY"), "kpi.config.yaml:2:4 the file holds a NUL byte");
  });

  it.each([
    ["UTF-16LE", "utf-16le", [0xff, 0xfe]],
    ["UTF-16BE", "utf-16be", [0xfe, 0xff]],
  ])("reads a %s config with its BOM", async (name, encoding, bom) => {
    const body = iconv.encode(valid.replace("currency: CNY", "currency: CNY\nname: 华康医疗"), encoding);
    const loaded = await load(`${name}.yaml`, Buffer.concat([Buffer.from(bom), body]));
    expect(loaded.config.name).toBe("华康医疗");
  });

  it("says so when a config is UTF-16 without a BOM", async () => {
    const error = await loadFailure("utf16-nobom.yaml", iconv.encode(valid, "utf-16le"));
    expect(error.message).toMatch(/utf16-nobom\.yaml:1:2 the file looks like UTF-16 without a byte-order mark; save it as UTF-8/);
  });

  it("refuses bytes that are not UTF-8 (a GBK config), at their position, never a silent replacement character", async () => {
    const error = await loadFailure("gbk.yaml", iconv.encode(valid.replace("currency: CNY", "currency: CNY\nname: 华康医疗"), "gbk"));
    expect(error.message).toMatch(/gbk\.yaml:3:7 the file is not valid UTF-8 here \(saved as GBK or Latin-1\?\)/);
  });

  it.each([
    ["a top-level list", "- version: 1\n- currency: CNY\n"],
    ["a top-level scalar", "just some text\n"],
    ["an empty file", ""],
    ["a file of comments", "# nothing here\n\n"],
  ])("refuses %s: the config must be a mapping", (_what, text) => {
    expectIssue(text, "kpi.config.yaml:1:1 the config must be a mapping");
  });
});
