/** Input written to break out: it must stay data, reach names only through the resolver, and fail with a message, never a crash. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileExpression } from "../../../src/expr/compileExpression.js";
import { parseExpression } from "../../../src/expr/parseExpression.js";
import type { Reference } from "../../../src/expr/references.js";
import type { Value } from "../../../src/expr/value.js";
import { keyOf, parsed, show } from "./helpers.js";

/** compiles with a resolver that records every lookup and answers "seen:<name>" */
function run(source: string): { value: Value; asked: string[] } {
  const asked: string[] = [];
  const resolve = (ref: Reference) => {
    asked.push(keyOf(ref));
    const answer = `seen:${keyOf(ref)}`;
    return () => answer;
  };
  return { value: compileExpression(parsed(source), resolve)({}), asked };
}

describe("names only ever go through the resolver", () => {
  it.each([
    ["constructor", "seen:constructor"],
    ["__proto__", "seen:__proto__"],
    ["prototype", "seen:prototype"],
    ["toString", "seen:toString"],
    ["hasOwnProperty", "seen:hasOwnProperty"],
    ["valueOf", "seen:valueOf"],
    ["this", "seen:this"],
    ["globalThis", "seen:globalThis"],
    ["process", "seen:process"],
    ["a.constructor", "seen:a.constructor"],
    ["a.__proto__", "seen:a.__proto__"],
    ["__proto__.polluted", "seen:__proto__.polluted"],
    ["constructor.prototype", "seen:constructor.prototype"],
    ["$", "seen:$"],
  ])("%s", (source, expected) => {
    const { value, asked } = run(source);
    expect(value).toBe(expected);
    expect(asked).toEqual([source]);
  });

  it("calls the resolver once per reference at compile time, never per evaluation", () => {
    let calls = 0;
    const evaluate = compileExpression(parsed("a + a * b"), () => {
      calls++;
      return (row: ReadonlyMap<string, Value>) => row.get("x") ?? null;
    });
    expect(calls).toBe(3);
    for (let i = 0; i < 100; i++) evaluate(new Map());
    expect(calls).toBe(3);
  });

  it("leaves Object.prototype alone", () => {
    run("__proto__.polluted == 1 and constructor.prototype == 1 and prototype.polluted == 1");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("answers null when the resolver knows nothing", () => {
    const nothing = () => () => null;
    expect(compileExpression(parsed("constructor + 1"), nothing)({})).toBeNull();
    expect(compileExpression(parsed("lower(__proto__)"), nothing)({})).toBeNull();
  });
});

describe("everything else is refused", () => {
  it.each([
    ['a["constructor"]', '"[...]"'],
    ["a['__proto__']", '"[...]"'],
    ["a[b]", '"[...]"'],
    ["constructor(1)", 'unknown function "constructor"'],
    ["toString(1)", 'unknown function "toString"'],
    ["__proto__(1)", 'unknown function "__proto__"'],
    ["hasOwnProperty('x')", 'unknown function "hasOwnProperty"'],
    ["eval('1')", 'unknown function "eval"'],
    ["Function('return 1')", 'unknown function "Function"'],
    ["a.constructor('x')", "is not a function"],
    ["round.call(1)", "is not a function"],
    ["x.toString()", "is not a function"],
    ["a.b.constructor", "only one level"],
    ["(1).constructor", '"." can only follow a name'],
    ["'x'.length", '"." can only follow a name'],
    ["a = 1", 'write "==" to compare'],
    ["a?.b", '"?." is not supported'],
    ["x ? eval : 1", '"? :" is not supported'],
    ["[1].map(x)", "only these functions can be called"],
    ["a, b", 'unexpected ","'],
  ])("%s", (source, message) => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it("never uses eval, Function or vm in src/expr", () => {
    const dir = fileURLToPath(new URL("../../../src/expr/", import.meta.url));
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
      const code = readFileSync(dir + file, "utf8");
      expect(code, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(|node:vm|from\s+"vm"/);
    }
  });
});

describe("size and depth", () => {
  const fails = (source: string, message: string): void => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  };

  it.each([
    ["100,000 nested parentheses", "(".repeat(100_000) + "1" + ")".repeat(100_000)],
    ["100,000 unclosed parentheses", "(".repeat(100_000)],
    ["100,000 minus signs", "-".repeat(100_000) + "1"],
    ["50,000 nots", "not ".repeat(50_000) + "true"],
    ["10,000 nested calls", "abs(".repeat(10_000) + "1" + ")".repeat(10_000)],
    ["10,000 nested lists", "x in " + "[".repeat(10_000)],
    ["101 nested parentheses", "(".repeat(101) + "1" + ")".repeat(101)],
  ])("%s: a clear error, not a crash", (_label, source) => {
    fails(source, "nested too deeply");
  });

  it("refuses a chain of 20,000 operators as too deep", () => {
    fails(Array.from({ length: 20_000 }, () => "a").join(" + "), "too deep");
    fails(Array.from({ length: 20_000 }, () => "a").join(" and "), "too deep");
  });

  it("accepts 99 nested parentheses and a chain of 400 operators", () => {
    const nested = parsed("(".repeat(99) + "x" + ")".repeat(99));
    expect(nested).toMatchObject({ kind: "name", name: "x", start: 99 });
    const sum = Array.from({ length: 400 }, (_, i) => `c${i % 10}`).join(" + ");
    const resolve = () => () => "ab";
    expect(show(compileExpression(parsed(sum), resolve)({}))).toBe(JSON.stringify("ab".repeat(400)));
  });

  it("handles long flat input: a 10,000-item list, a 1 MB string, a 100,000-character name", () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `"v${i}"`).join(", ");
    const member = compileExpression(parsed(`x in [${items}]`), () => () => "v9999");
    expect(member({})).toBe(true);
    const big = "s".repeat(1_000_000);
    expect(parsed(`"${big}"`)).toMatchObject({ kind: "literal", value: big });
    const name = "n".repeat(100_000);
    expect(run(`${name} == 1`).asked).toEqual([name]);
  });
});
