/**
 * jsep, configured once for the expression language, plus what its stock
 * parser lacks: source positions on every token, SQL precedence for `not`
 * (looser than comparisons, tighter than `and`), no silent `,`/`;`
 * separators, clear messages, and a nesting limit so hostile input gets an
 * error rather than a stack overflow.
 *
 * jsep's operator tables are global to the process: this is the only module
 * that may import jsep. Operators we do not support (`&&`, `===`, `!`...)
 * stay parseable so parseExpression.ts can reject them with a hint.
 * The result is jsep's untyped tree; parseExpression.ts turns it into ours.
 */
import jsep from "jsep";
import { ExprSyntaxError } from "./exprError.js";

/** Extra fields this parser writes on jsep's nodes. */
export interface Positions {
  /** the token's own text, without enclosing parentheses */
  start?: number;
  end?: number;
  /** with enclosing parentheses, when there are any */
  outerStart?: number;
  outerEnd?: number;
  grouped?: boolean;
}
export type JsepNode = jsep.Expression & Positions;

interface JsepInstance {
  index: number;
  readonly expr: string;
  readonly code: number;
  parse(): JsepNode;
  gobbleSpaces(): void;
  gobbleExpression(): JsepNode | false | undefined;
  gobbleBinaryOp(): string | false;
  gobbleBinaryExpression(): JsepNode | false | undefined;
  gobbleToken(): JsepNode | false | undefined;
  gobbleIdentifier(): JsepNode;
  gobbleStringLiteral(): JsepNode;
}
interface JsepClass {
  new (expr: string): JsepInstance;
  this_str: string;
  binary_ops: Record<string, number>;
  isIdentifierPart(code: number): boolean;
}

const Base = (jsep as unknown as { Jsep: JsepClass }).Jsep;

export const OR_PRECEDENCE = 1;
export const AND_PRECEDENCE = 2;
export const COMPARISON_PRECEDENCE = 6;
/** parentheses, unary operators and calls nested deeper than this are refused */
export const MAX_NESTING = 100;

// Configure once. `this` becomes an ordinary name (jsep's identifiers are never empty).
Base.this_str = "";
for (const op of ["==", "!=", "===", "!==", "<", "<=", ">", ">=", "in"]) jsep.addBinaryOp(op, COMPARISON_PRECEDENCE);
jsep.addBinaryOp("and", AND_PRECEDENCE);
jsep.addBinaryOp("or", OR_PRECEDENCE);

const CLOSE_PAREN = 41;
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

class Parser extends Base {
  /** binary operators looser than this end the current operand (set while parsing the operand of `not`) */
  private minPrecedence = 0;
  private depth = 0;

  fail(message: string, index: number): never {
    throw new ExprSyntaxError(message, index);
  }

  override gobbleExpression(): JsepNode | false | undefined {
    const saved = this.minPrecedence;
    this.minPrecedence = 0;
    try {
      return super.gobbleExpression();
    } finally {
      this.minPrecedence = saved;
    }
  }

  override gobbleBinaryOp(): string | false {
    const op = super.gobbleBinaryOp();
    if (op !== false && (Base.binary_ops[op] ?? 0) < this.minPrecedence) {
      this.index -= op.length;
      return false;
    }
    return op;
  }

  override gobbleToken(): JsepNode | false | undefined {
    this.gobbleSpaces();
    const start = this.index;
    if (++this.depth > MAX_NESTING) this.fail(`the expression is nested too deeply (more than ${MAX_NESTING} levels)`, start);
    try {
      const node = this.isWord("not") ? this.gobbleNot() : super.gobbleToken();
      if (node) this.mark(node, start);
      return node;
    } finally {
      this.depth--;
    }
  }

  override gobbleIdentifier(): JsepNode {
    const start = this.index;
    const node = super.gobbleIdentifier();
    node.start = start;
    node.end = this.index;
    return node;
  }

  override gobbleStringLiteral(): JsepNode {
    const open = this.index;
    try {
      return super.gobbleStringLiteral();
    } catch {
      return this.fail(`unclosed string: the ${this.expr.charAt(open)} here is never closed`, open);
    }
  }

  /** Like jsep's, without its silent `,`/`;` separators: one expression, then the closing character or the end. */
  gobbleExpressions(untilICode?: number): JsepNode[] {
    const nodes: JsepNode[] = [];
    while (this.index < this.expr.length && this.code !== untilICode) {
      if (nodes.length > 0) this.fail(unexpected(this.expr, this.index, true), this.index);
      const node = this.gobbleExpression();
      if (!node) {
        if (this.index < this.expr.length && this.code !== untilICode) this.fail(unexpected(this.expr, this.index, false), this.index);
        break;
      }
      nodes.push(node);
    }
    return nodes;
  }

  gobbleGroup(): JsepNode {
    const open = this.index;
    this.index++;
    const [node] = this.gobbleExpressions(CLOSE_PAREN);
    if (this.code !== CLOSE_PAREN) this.fail('unclosed "(": a ")" is missing', open);
    this.index++;
    if (!node) this.fail("empty parentheses", open);
    node.grouped = true;
    return node;
  }

  private gobbleNot(): JsepNode {
    this.index += 3;
    const saved = this.minPrecedence;
    this.minPrecedence = COMPARISON_PRECEDENCE;
    try {
      const argument = this.gobbleBinaryExpression();
      if (!argument) this.fail('expected an expression after "not"', this.index);
      return { type: "UnaryExpression", operator: "not", argument, prefix: true };
    } finally {
      this.minPrecedence = saved;
    }
  }

  private isWord(word: string): boolean {
    return this.expr.startsWith(word, this.index) && !Base.isIdentifierPart(this.expr.charCodeAt(this.index + word.length));
  }

  /** Record where a token starts and ends; a node that already has a position came out of parentheses. */
  private mark(node: JsepNode, start: number): void {
    let end = this.index;
    while (end > start && isSpace(this.expr.charCodeAt(end - 1))) end--;
    const built = node.type === "BinaryExpression" || node.type === "ConditionalExpression";
    if (node.start === undefined && !built) {
      node.start = start;
      node.end = end;
    } else if (node.start !== start) {
      node.outerStart = start;
      node.outerEnd = end;
    }
  }
}

function unexpected(source: string, index: number, afterExpression: boolean): string {
  const word = /^(?:[\p{L}\p{N}_$]+|\S)/u.exec(source.slice(index, index + 200))?.[0] ?? source.charAt(index);
  const rest = source.slice(index + word.length).trim();
  if ((word === "and" || word === "or" || word === "in") && rest === "") return `expected an expression after "${word}"`;
  if (word === "not" && afterExpression) return 'unexpected "not": put it first, as in not (x in ["a", "b"])';
  if (word === "=") return 'unexpected "=": write "==" to compare';
  return afterExpression ? `unexpected "${word}": expected an operator such as and, or, ==, +` : `unexpected "${word}"`;
}

/** jsep's own messages, reworded for people who do not write JavaScript. */
function reword(description: string, source: string, index: number): string {
  const after = /^Expected expression after (.+)$/.exec(description);
  if (after) return `expected an expression after "${after[1]}"`;
  if (description === "missing unaryOp argument") return `expected an expression after "${source.slice(0, index).trim().slice(-1)}"`;
  if (description === "Unclosed [") return 'unclosed "[": a "]" is missing';
  const expected = /^Expected ([)\]:,])$/.exec(description) ?? /^Expected (comma)$/.exec(description);
  if (expected) return `expected "${expected[1] === "comma" ? "," : expected[1]}"`;
  const token = /^Unexpected token (.)$/.exec(description);
  if (token) return `unexpected "${token[1]}"`;
  return description.charAt(0).toLowerCase() + description.slice(1);
}

/** jsep's tree for `source`, or an ExprSyntaxError. */
export function parseJsep(source: string): JsepNode {
  let root: JsepNode;
  try {
    root = new Parser(source).parse();
  } catch (error) {
    if (error instanceof ExprSyntaxError) throw error;
    if (error instanceof RangeError) throw new ExprSyntaxError("the expression is nested too deeply", 0);
    const { index, description } = error as { index?: unknown; description?: unknown };
    if (typeof index === "number" && typeof description === "string") {
      // jsep reports an unexpected token after stepping over it
      const at = description.startsWith("Unexpected token") ? Math.max(0, index - 1) : index;
      throw new ExprSyntaxError(reword(description, source, at), at);
    }
    throw error;
  }
  if (root.type === "Compound") throw new ExprSyntaxError("the expression is empty", 0);
  return root;
}
