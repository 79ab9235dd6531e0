/**
 * `+ - * / %` and unary minus on exact decimals. Anything that is not a
 * number gives null: a null operand (null propagates), a type error such as
 * `"a" + 1`, a division or remainder by zero, and a result too large for a
 * decimal. `+` on two strings concatenates them. `%` takes the sign of the
 * dividend (`-7 % 3 == -1`), as in SQL and JavaScript.
 */
import { isDec } from "../money.js";
import type { Dec } from "../money.js";
import type { ArithmeticOp } from "./ast.js";
import type { Value } from "./value.js";

const finite = (d: Dec): Dec | null => (d.isFinite() ? d : null);

export function add(a: Value, b: Value): Value {
  if (isDec(a)) return isDec(b) ? finite(a.plus(b)) : null;
  if (typeof a === "string" && typeof b === "string") return a + b;
  return null;
}

export function subtract(a: Value, b: Value): Value {
  return isDec(a) && isDec(b) ? finite(a.minus(b)) : null;
}

export function multiply(a: Value, b: Value): Value {
  return isDec(a) && isDec(b) ? finite(a.times(b)) : null;
}

export function divide(a: Value, b: Value): Value {
  return isDec(a) && isDec(b) && !b.isZero() ? finite(a.div(b)) : null;
}

export function remainder(a: Value, b: Value): Value {
  return isDec(a) && isDec(b) && !b.isZero() ? finite(a.mod(b)) : null;
}

export function negate(a: Value): Value {
  return isDec(a) ? a.neg() : null;
}

export const ARITHMETIC: Readonly<Record<ArithmeticOp, (a: Value, b: Value) => Value>> = {
  "+": add,
  "-": subtract,
  "*": multiply,
  "/": divide,
  "%": remainder,
};
