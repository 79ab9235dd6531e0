/** Properties over random expressions built from the grammar, evaluated on random values. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarDate } from "../../../src/dates/calendarDate.js";
import { compileExpression } from "../../../src/expr/compileExpression.js";
import { FUNCTIONS } from "../../../src/expr/functions.js";
import { parseExpression } from "../../../src/expr/parseExpression.js";
import { references } from "../../../src/expr/references.js";
import type { Value } from "../../../src/expr/value.js";
import { Dec, isDec } from "../../../src/money.js";
import { keyOf } from "./helpers.js";

const NAMES = ["a", "b", "c", "d", "e", "m.x", "m.y"];
const BINARY = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or"];

const numberText = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([i, f]) => `${i}.${f}`),
  fc.constantFrom("0", "0.0", "1e3", "1e-3", "1e40", "99999999999999999999.99"),
);
const literalText = fc.oneof(
  numberText,
  fc.string({ unit: fc.constantFrom("a", "B", " ", "中", "0", "é"), maxLength: 5 }).map((s) => JSON.stringify(s)),
  fc.constantFrom("true", "false", "null"),
);

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literalText,
    fc.constantFrom(...NAMES),
    tie("expr").map((e) => `-(${e})`),
    tie("expr").map((e) => `not (${e})`),
    fc.tuple(tie("expr"), fc.constantFrom(...BINARY), tie("expr")).map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(tie("expr"), fc.array(literalText, { maxLength: 4 })).map(([e, list]) => `(${e} in [${list.join(", ")}])`),
    fc
      .tuple(fc.constantFrom(...FUNCTIONS.values()), fc.array(tie("expr"), { minLength: 0, maxLength: 4 }))
      .map(([def, args]) => {
        const count = Math.min(Math.max(args.length, def.minArgs), def.maxArgs);
        const filled = Array.from({ length: count }, (_, i) => args[i] ?? "a");
        return `${def.name}(${filled.join(", ")})`;
      }),
  ),
}));

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((i) => new Dec(i).div(100)),
  fc.constantFrom(new Dec(0), new Dec("1e40"), new Dec("-0.000001")),
  fc.integer({ min: -100_000, max: 100_000 }).map((day) => new CalendarDate(day)),
);
const env = fc.dictionary(fc.constantFrom(...NAMES), value);

const isValue = (v: unknown): boolean =>
  v === null || typeof v === "boolean" || typeof v === "string" || isDec(v) || v instanceof CalendarDate;

function compile(source: string) {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`generated expression does not parse: ${source}: ${result.error.message}`);
  return compileExpression(result.expr, (ref) => {
    const key = keyOf(ref);
    return (row: Record<string, Value>) => (Object.hasOwn(row, key) ? (row[key] ?? null) : null);
  });
}

describe("random expressions from the grammar", () => {
  it("parse, compile and evaluate to a Value without throwing", () => {
    fc.assert(
      fc.property(expr, fc.array(env, { minLength: 1, maxLength: 5 }), (source, rows) => {
        const evaluate = compile(source);
        for (const row of rows) expect(isValue(evaluate(row))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("`e or not e` is never false (three-valued excluded middle)", () => {
    fc.assert(
      fc.property(expr, env, (source, row) => {
        expect(compile(`(${source}) or not (${source})`)(row)).not.toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("`x == null` is never null, and agrees with the value", () => {
    fc.assert(
      fc.property(expr, env, (source, row) => {
        expect(compile(`(${source}) == null`)(row)).toBe(compile(source)(row) === null);
      }),
      { numRuns: 300 },
    );
  });

  it("references are in source order and point at their names", () => {
    fc.assert(
      fc.property(expr, (source) => {
        const result = parseExpression(source);
        if (!result.ok) throw new Error(result.error.message);
        const refs = references(result.expr);
        refs.forEach((ref, i) => {
          expect(source.startsWith(keyOf(ref), ref.index)).toBe(true);
          if (i > 0) expect(ref.index).toBeGreaterThan(refs[i - 1]?.index ?? -1);
        });
      }),
      { numRuns: 300 },
    );
  });
});
