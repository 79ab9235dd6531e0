/**
 * Expr → a closure `(ctx) => Value`, built once and run per record. Names are
 * resolved at compile time through the caller's `resolve` (once per
 * reference), so evaluation never looks anything up by name and never
 * touches a JavaScript property named by user text.
 *
 * Semantics (SPEC §3):
 * - null propagates through arithmetic, comparisons and functions (except
 *   coalesce); runtime type errors (`"a" + 1`, `lower(5)`) give null too;
 * - `x == null` / `x != null` (a literal null on either side) test nullness
 *   and give true or false; any other comparison with a null operand gives null;
 * - `==`/`!=` between different types give false/true; `<` etc. give null;
 * - `and`, `or`, `not` follow SQL's three-valued logic; an operand that is
 *   not a boolean counts as null;
 * - `x in [a, b]` means `x == a or x == b`.
 * Evaluation never throws on values of type `Value`.
 */
import type { ComparisonExpr, Expr, InExpr, LogicalExpr } from "./ast.js";
import { ARITHMETIC, negate } from "./arithmetic.js";
import { equalityKey, equals, order } from "./compare.js";
import { FUNCTIONS } from "./functions.js";
import { referenceOf } from "./references.js";
import type { Reference } from "./references.js";
import type { Value } from "./value.js";

export type Evaluate<C> = (ctx: C) => Value;
export type Resolve<C> = (ref: Reference) => Evaluate<C>;

export function compileExpression<C>(expr: Expr, resolve: Resolve<C>): Evaluate<C> {
  const compile = (e: Expr): Evaluate<C> => compileExpression(e, resolve);
  switch (expr.kind) {
    case "literal": {
      const value = expr.value;
      return () => value;
    }
    case "name":
    case "member":
      return resolve(referenceOf(expr));
    case "negate": {
      const operand = compile(expr.operand);
      return (ctx) => negate(operand(ctx));
    }
    case "not": {
      const operand = compile(expr.operand);
      return (ctx) => {
        const v = operand(ctx);
        return v === true ? false : v === false ? true : null;
      };
    }
    case "arithmetic": {
      const left = compile(expr.left);
      const right = compile(expr.right);
      const apply = ARITHMETIC[expr.op];
      return (ctx) => {
        const a = left(ctx);
        return a === null ? null : apply(a, right(ctx));
      };
    }
    case "comparison":
      return compileComparison(expr, compile);
    case "logical":
      return compileLogical(expr, compile);
    case "in":
      return compileIn(expr, compile(expr.value));
    case "call":
      return compileCall(expr.name, expr.args.map(compile));
  }
}

const isNullLiteral = (e: Expr): boolean => e.kind === "literal" && e.value === null;

const ORDER_TESTS: Readonly<Record<"<" | "<=" | ">" | ">=", (o: number) => boolean>> = {
  "<": (o) => o < 0,
  "<=": (o) => o <= 0,
  ">": (o) => o > 0,
  ">=": (o) => o >= 0,
};

function compileComparison<C>(expr: ComparisonExpr, compile: (e: Expr) => Evaluate<C>): Evaluate<C> {
  const { op } = expr;
  if (op === "==" || op === "!=") {
    const wanted = op === "==";
    if (isNullLiteral(expr.left) || isNullLiteral(expr.right)) {
      const other = compile(isNullLiteral(expr.right) ? expr.left : expr.right);
      return (ctx) => (other(ctx) === null) === wanted;
    }
    const left = compile(expr.left);
    const right = compile(expr.right);
    return (ctx) => {
      const a = left(ctx);
      if (a === null) return null;
      const b = right(ctx);
      return b === null ? null : equals(a, b) === wanted;
    };
  }
  const left = compile(expr.left);
  const right = compile(expr.right);
  const test = ORDER_TESTS[op];
  return (ctx) => {
    const a = left(ctx);
    if (a === null) return null;
    const b = right(ctx);
    if (b === null) return null;
    const o = order(a, b);
    return o === null ? null : test(o);
  };
}

function compileLogical<C>(expr: LogicalExpr, compile: (e: Expr) => Evaluate<C>): Evaluate<C> {
  const left = compile(expr.left);
  const right = compile(expr.right);
  if (expr.op === "and") {
    return (ctx) => {
      const a = left(ctx);
      if (a === false) return false;
      const b = right(ctx);
      if (b === false) return false;
      return a === true && b === true ? true : null;
    };
  }
  return (ctx) => {
    const a = left(ctx);
    if (a === true) return true;
    const b = right(ctx);
    if (b === true) return true;
    return a === false && b === false ? false : null;
  };
}

function compileIn<C>(expr: InExpr, value: Evaluate<C>): Evaluate<C> {
  const keys = new Set<string>();
  let hasNull = false;
  for (const item of expr.list) {
    if (item.value === null) hasNull = true;
    else {
      const key = equalityKey(item.value);
      if (key !== null) keys.add(key);
    }
  }
  return (ctx) => {
    const v = value(ctx);
    if (v === null) return hasNull ? true : null;
    const key = equalityKey(v);
    return key !== null && keys.has(key);
  };
}

function compileCall<C>(name: string, args: readonly Evaluate<C>[]): Evaluate<C> {
  const def = FUNCTIONS.get(name);
  if (!def) throw new Error(`internal error: unknown function "${name}" reached the compiler`);
  const { apply } = def;
  const n = args.length;
  if (!def.propagatesNull) return (ctx) => apply(args.map((arg) => arg(ctx)));
  return (ctx) => {
    const values: Value[] = new Array<Value>(n);
    for (let i = 0; i < n; i++) {
      const v = (args[i] as Evaluate<C>)(ctx);
      if (v === null) return null;
      values[i] = v;
    }
    return apply(values);
  };
}
