/**
 * Text → our syntax tree. jsep (configured in jsepParser.ts) does the
 * tokenising and precedence; this file turns its loose tree into `Expr`,
 * refusing anything outside the language with a message and the offset of
 * the problem: computed members (`a["x"]`), `a.b.c`, calls of anything but a
 * known function, wrong arity, `in` without a literal list, JavaScript
 * operators (`&&`, `===`, `!`, `?:`).
 *
 * Precedence, loosest first: or; and; not; comparisons and in; + -; * / %;
 * unary minus. Comparisons do not chain (`a < b < c` is an error).
 */
import { Dec } from "../money.js";
import { didYouMean } from "../util/nearest.js";
import type { ArithmeticOp, ComparisonOp, Expr, LiteralExpr } from "./ast.js";
import { ExprSyntaxError } from "./exprError.js";
import type { ExprError } from "./exprError.js";
import { FUNCTIONS, arityText } from "./functions.js";
import { parseJsep } from "./jsepParser.js";
import type { JsepNode } from "./jsepParser.js";

export type { ExprError } from "./exprError.js";
export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExprError };

/** operators nested deeper than this are refused (a flat chain `a + b + ...` counts one per operator) */
export const MAX_DEPTH = 500;

export function parseExpression(source: string): ParseResult {
  try {
    return { ok: true, expr: new Converter(source).convert(parseJsep(source), 0) };
  } catch (error) {
    if (error instanceof ExprSyntaxError) return { ok: false, error: { message: error.message, index: error.index } };
    if (error instanceof RangeError) return { ok: false, error: { message: "the expression is nested too deeply", index: 0 } };
    throw error;
  }
}

const ARITHMETIC_OPS: ReadonlySet<string> = new Set<ArithmeticOp>(["+", "-", "*", "/", "%"]);
const COMPARISON_OPS: ReadonlySet<string> = new Set<ComparisonOp>(["==", "!=", "<", "<=", ">", ">="]);
const REPLACED_OPS: ReadonlyMap<string, string> = new Map([
  ["&&", '"and"'], ["&", '"and"'], ["||", '"or"'], ["|", '"or"'], ["===", '"=="'], ["!==", '"!="'], ["??", "coalesce(a, b)"],
]);
/** typographic characters that jsep would silently take as part of a name */
const LOOKALIKES = /[\u00a0\u2018\u2019\u201c\u201d\u3000\uff08\uff09\uff0c\uff1a\uff1b]/u;

interface Span {
  start: number;
  end: number;
}

// jsep's nodes are loosely typed: these read their fields.
const child = (node: JsepNode, key: string): JsepNode => node[key] as JsepNode;
const text = (node: JsepNode, key: string): string => String(node[key]);

class Converter {
  constructor(private readonly source: string) {}

  fail(message: string, index: number): never {
    throw new ExprSyntaxError(message, index);
  }

  convert(node: JsepNode, depth: number): Expr {
    if (depth > MAX_DEPTH) this.fail(`the expression is too deep (more than ${MAX_DEPTH} nested operations)`, this.firstIndex(node));
    switch (node.type) {
      case "Literal":
        return this.literal(node);
      case "Identifier":
        return this.name(node);
      case "MemberExpression":
        return this.member(node);
      case "CallExpression":
        return this.call(node, depth);
      case "UnaryExpression":
        return this.unary(node, depth);
      case "BinaryExpression":
        return this.binary(node, depth);
      case "ArrayExpression":
        return this.fail('a list [...] can only follow "in", as in stage in ["Won", "Lost"]', this.firstIndex(node));
      case "ConditionalExpression": {
        const test = this.outer(child(node, "test"), this.convert(child(node, "test"), depth + 1));
        return this.fail('"? :" is not supported', this.skipSpaces(test.end));
      }
      default:
        return this.fail(`unsupported syntax (${node.type})`, this.firstIndex(node));
    }
  }

  private literal(node: JsepNode): LiteralExpr {
    const { start, end } = this.span(node);
    const value = node["value"];
    if (typeof value === "number") {
      let number: Dec;
      try {
        number = new Dec(text(node, "raw"));
      } catch {
        return this.fail(`"${text(node, "raw")}" is not a number`, start);
      }
      if (!number.isFinite()) this.fail(`the number ${text(node, "raw")} is too large`, start);
      return { kind: "literal", value: number, start, end };
    }
    if (typeof value === "string" || typeof value === "boolean" || value === null) return { kind: "literal", value, start, end };
    return this.fail("unsupported literal", start);
  }

  private name(node: JsepNode): Expr {
    const { start, end } = this.span(node);
    const name = text(node, "name");
    const odd = LOOKALIKES.exec(name);
    if (odd) this.fail(`unexpected "${odd[0]}": use plain ASCII quotes, parentheses, commas and spaces`, start + odd.index);
    return { kind: "name", name, start, end };
  }

  private member(node: JsepNode): Expr {
    const span = this.span(node);
    const object = child(node, "object");
    const property = child(node, "property");
    if (node["optional"] === true) this.fail('"?." is not supported', this.skipSpaces(this.span(object).end));
    if (node["computed"] === true) {
      const hint = object.type === "Identifier" ? `: write ${text(object, "name")}.name` : "";
      this.fail(`"[...]" after a name is not supported${hint}`, this.skipSpaces(this.outer(object, this.span(object)).end));
    }
    if (object.type === "MemberExpression") {
      const full = this.source.slice(span.start, span.end);
      this.fail(`"${full}": only one level of "." is allowed, as in dimension.process`, span.start);
    }
    if (object.type !== "Identifier" || object.grouped) this.fail('"." can only follow a name, as in dimension.process', this.span(property).start - 1);
    const objectName = this.name(object);
    const propertyName = this.name(property);
    if (objectName.kind !== "name" || propertyName.kind !== "name") return this.fail("unsupported member", span.start);
    return { kind: "member", object: objectName.name, property: propertyName.name, propertyStart: propertyName.start, start: span.start, end: span.end };
  }

  private call(node: JsepNode, depth: number): Expr {
    const span = this.span(node);
    const callee = child(node, "callee");
    if (callee.type !== "Identifier" || callee.grouped) {
      const what = callee.type === "MemberExpression" ? `"${this.source.slice(span.start, this.span(child(callee, "property")).end)}" is not a function: ` : "";
      this.fail(`${what}only these functions can be called: ${[...FUNCTIONS.keys()].join(", ")}`, span.start);
    }
    const name = text(callee, "name");
    const def = FUNCTIONS.get(name);
    if (!def) {
      const hint = didYouMean(name, FUNCTIONS.keys()) || `; the functions are ${[...FUNCTIONS.keys()].join(", ")}`;
      return this.fail(`unknown function "${name}"${hint}`, span.start);
    }
    const args = (node["arguments"] as JsepNode[]).map((arg) => this.convert(arg, depth + 1));
    if (args.length < def.minArgs || args.length > def.maxArgs) {
      this.fail(`${def.signature} takes ${arityText(def)}, not ${args.length}`, span.start);
    }
    return { kind: "call", name, args, start: span.start, end: span.end };
  }

  private unary(node: JsepNode, depth: number): Expr {
    const { start, end } = this.span(node);
    const op = text(node, "operator");
    if (op === "!") this.fail('write "not" instead of "!"', start);
    if (op !== "-" && op !== "not") this.fail(`unary "${op}" is not supported`, start);
    const operand = this.convert(child(node, "argument"), depth + 1);
    if (op === "not") return { kind: "not", operand, start, end };
    if (operand.kind === "literal" && operand.value instanceof Dec) return { kind: "literal", value: operand.value.neg(), start, end };
    return { kind: "negate", operand, start, end };
  }

  private binary(node: JsepNode, depth: number): Expr {
    const leftNode = child(node, "left");
    const rightNode = child(node, "right");
    const left = this.convert(leftNode, depth + 1);
    const leftSpan = this.outer(leftNode, left);
    const opIndex = this.skipSpaces(leftSpan.end);
    const op = text(node, "operator");
    const replacement = REPLACED_OPS.get(op);
    if (replacement !== undefined) this.fail(`write ${replacement} instead of "${op}"`, opIndex);
    const isComparison = COMPARISON_OPS.has(op) || op === "in";
    if (isComparison && (this.isBareComparison(leftNode) || this.isBareComparison(rightNode))) {
      this.fail('comparisons cannot be chained: write "a < b and b < c"', opIndex);
    }
    if (op === "in") return this.inList(left, leftSpan.start, rightNode, opIndex, depth);
    const right = this.convert(rightNode, depth + 1);
    const start = leftSpan.start;
    const end = this.outer(rightNode, right).end;
    if (op === "and" || op === "or") return { kind: "logical", op, left, right, opIndex, start, end };
    if (ARITHMETIC_OPS.has(op)) return { kind: "arithmetic", op: op as ArithmeticOp, left, right, opIndex, start, end };
    if (COMPARISON_OPS.has(op)) return { kind: "comparison", op: op as ComparisonOp, left, right, opIndex, start, end };
    return this.fail(`"${op}" is not supported`, opIndex);
  }

  private inList(value: Expr, start: number, listNode: JsepNode, opIndex: number, depth: number): Expr {
    if (listNode.type !== "ArrayExpression") {
      this.fail('"in" needs a list of values, as in stage in ["Won", "Lost"]', this.firstIndex(listNode));
    }
    const list: LiteralExpr[] = [];
    for (const element of listNode["elements"] as (JsepNode | null)[]) {
      if (element === null) this.fail("empty item in the list", this.span(listNode).start);
      const item = this.convert(element, depth + 1);
      if (item.kind !== "literal") this.fail('the list after "in" can only hold numbers, strings, true, false and null', item.start);
      list.push(item);
    }
    return { kind: "in", value, list, opIndex, start, end: this.outer(listNode, this.span(listNode)).end };
  }

  private isBareComparison(node: JsepNode): boolean {
    const op = node.type === "BinaryExpression" ? text(node, "operator") : "";
    return !node.grouped && (COMPARISON_OPS.has(op) || op === "in" || op === "===" || op === "!==");
  }

  /** a token's own span, as jsepParser recorded it */
  private span(node: JsepNode): Span {
    const start = node.start ?? node.outerStart ?? 0;
    return { start, end: node.end ?? node.outerEnd ?? start };
  }

  /** the span of a converted operand, with its parentheses if it has any */
  private outer(node: JsepNode, converted: Span): Span {
    return node.outerStart !== undefined && node.outerEnd !== undefined ? { start: node.outerStart, end: node.outerEnd } : converted;
  }

  /** where the text of a node begins, without recursion (binary chains can be long) */
  private firstIndex(node: JsepNode): number {
    let current = node;
    while (current.start === undefined && current.outerStart === undefined && current.type === "BinaryExpression") current = child(current, "left");
    return current.outerStart ?? current.start ?? 0;
  }

  private skipSpaces(index: number): number {
    let i = index;
    while (i < this.source.length && /\s/.test(this.source.charAt(i))) i++;
    return i;
  }
}
