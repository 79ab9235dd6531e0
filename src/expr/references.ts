/** The names an expression reads, for checking them against the config and for compiling. */
import type { Expr, MemberExpr, NameExpr } from "./ast.js";

export type Reference =
  | { readonly kind: "name"; readonly name: string; readonly index: number }
  | { readonly kind: "member"; readonly object: string; readonly property: string; readonly index: number };

export function referenceOf(expr: NameExpr | MemberExpr): Reference {
  return expr.kind === "name"
    ? { kind: "name", name: expr.name, index: expr.start }
    : { kind: "member", object: expr.object, property: expr.property, index: expr.start };
}

/** Every name and `object.property` the expression reads, in source order, repeats included. Function names are not references. */
export function references(expr: Expr): Reference[] {
  const found: Reference[] = [];
  collect(expr, found);
  return found;
}

function collect(expr: Expr, found: Reference[]): void {
  switch (expr.kind) {
    case "literal":
      return;
    case "name":
    case "member":
      found.push(referenceOf(expr));
      return;
    case "negate":
    case "not":
      collect(expr.operand, found);
      return;
    case "arithmetic":
    case "comparison":
    case "logical":
      collect(expr.left, found);
      collect(expr.right, found);
      return;
    case "in":
      collect(expr.value, found);
      return;
    case "call":
      for (const arg of expr.args) collect(arg, found);
      return;
  }
}
