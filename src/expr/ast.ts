import type { Dec } from "../money.js";

/**
 * The syntax tree of one expression, as `parseExpression` builds it from
 * jsep's tree. Only what the language allows can be represented here: there
 * is no node for `this`, computed members, method calls or assignment.
 *
 * Every node spans `start`..`end` (0-based offsets into the source, `end`
 * exclusive), so messages can point at a line and column of the config.
 * Binary nodes also keep `opIndex`, where their operator is written.
 */
export type LiteralValue = null | boolean | string | Dec;

export type ArithmeticOp = "+" | "-" | "*" | "/" | "%";
export type ComparisonOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type LogicalOp = "and" | "or";

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LiteralExpr extends Span {
  readonly kind: "literal";
  readonly value: LiteralValue;
}

/** A bare name: a column, a metric, `score`... resolved by the caller. */
export interface NameExpr extends Span {
  readonly kind: "name";
  readonly name: string;
}

/** `object.property`, one level only (`dimension.process`). */
export interface MemberExpr extends Span {
  readonly kind: "member";
  readonly object: string;
  readonly property: string;
  readonly propertyStart: number;
}

/** unary minus */
export interface NegateExpr extends Span {
  readonly kind: "negate";
  readonly operand: Expr;
}

export interface NotExpr extends Span {
  readonly kind: "not";
  readonly operand: Expr;
}

export interface ArithmeticExpr extends Span {
  readonly kind: "arithmetic";
  readonly op: ArithmeticOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly opIndex: number;
}

export interface ComparisonExpr extends Span {
  readonly kind: "comparison";
  readonly op: ComparisonOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly opIndex: number;
}

export interface LogicalExpr extends Span {
  readonly kind: "logical";
  readonly op: LogicalOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly opIndex: number;
}

/** `value in [literal, ...]` */
export interface InExpr extends Span {
  readonly kind: "in";
  readonly value: Expr;
  readonly list: readonly LiteralExpr[];
  readonly opIndex: number;
}

/** A call of a whitelisted function (see functions.ts); `start` is where its name begins. */
export interface CallExpr extends Span {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly Expr[];
}

export type Expr =
  | LiteralExpr
  | NameExpr
  | MemberExpr
  | NegateExpr
  | NotExpr
  | ArithmeticExpr
  | ComparisonExpr
  | LogicalExpr
  | InExpr
  | CallExpr;
