/** Builders shared by the expression tests. */
import { CalendarDate, dayFromYMD } from "../../../src/dates/calendarDate.js";
import { Dec, isDec } from "../../../src/money.js";
import type { Expr } from "../../../src/expr/ast.js";
import { compileExpression } from "../../../src/expr/compileExpression.js";
import { parseExpression } from "../../../src/expr/parseExpression.js";
import type { Reference } from "../../../src/expr/references.js";
import type { Value } from "../../../src/expr/value.js";

export const n = (text: string | number): Dec => new Dec(text);
export const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new CalendarDate(dayFromYMD(year, month, day));
};

/** a value as text, so expectations compare exactly: #1.5 (number), @2026-10-05 (date), "s", true, null */
export function show(value: Value): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (isDec(value)) return `#${value.toString()}`;
  if (value instanceof CalendarDate) return `@${value.toString()}`;
  return `?${String(value)}`;
}

export const keyOf = (ref: Reference): string => (ref.kind === "name" ? ref.name : `${ref.object}.${ref.property}`);

export function parsed(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message} at ${result.error.index}`);
  return result.expr;
}

export type Row = ReadonlyMap<string, Value>;

/** Resolves names and members against a Map (never a plain object); an unknown name fails the test. */
export function rowResolver(known: Iterable<string>) {
  const names = new Set(known);
  return (ref: Reference) => {
    const key = keyOf(ref);
    if (!names.has(key)) throw new Error(`test resolver: unknown name ${key}`);
    return (row: Row): Value => row.get(key) ?? null;
  };
}

export function evaluate(source: string, row: Row): Value {
  return compileExpression(parsed(source), rowResolver(row.keys()))(row);
}

/** the tree as an S-expression, to check precedence at a glance: (+ 1 (* 2 3)) */
export function sexpr(expr: Expr): string {
  switch (expr.kind) {
    case "literal":
      return show(expr.value).replace(/^#/, "");
    case "name":
      return expr.name;
    case "member":
      return `${expr.object}.${expr.property}`;
    case "negate":
      return `(neg ${sexpr(expr.operand)})`;
    case "not":
      return `(not ${sexpr(expr.operand)})`;
    case "arithmetic":
    case "comparison":
    case "logical":
      return `(${expr.op} ${sexpr(expr.left)} ${sexpr(expr.right)})`;
    case "in":
      return `(in ${sexpr(expr.value)} [${expr.list.map(sexpr).join(" ")}])`;
    case "call":
      return `(${expr.name}${expr.args.map((arg) => " " + sexpr(arg)).join("")})`;
  }
}
