/** A problem with an expression's text: what is wrong, and where (0-based offset into the source). */
export interface ExprError {
  message: string;
  index: number;
}

/** Thrown inside the parser and caught by `parseExpression`, which returns it as data. */
export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = "ExprSyntaxError";
  }
}
