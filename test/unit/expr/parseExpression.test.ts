import { describe, expect, it } from "vitest";
import { parseExpression } from "../../../src/expr/parseExpression.js";
import { parsed, sexpr } from "./helpers.js";

describe("parseExpression: precedence and shape", () => {
  it.each([
    ["1 + 2 * 3", "(+ 1 (* 2 3))"],
    ["(1 + 2) * 3", "(* (+ 1 2) 3)"],
    ["10 - 4 - 3", "(- (- 10 4) 3)"], // left-associative: (10 - 4) - 3
    ["8 / 4 / 2", "(/ (/ 8 4) 2)"],
    ["a % b * c", "(* (% a b) c)"],
    ["-a * b", "(* (neg a) b)"],
    ["-2 * 3", "(* -2 3)"], // a minus on a number literal folds into the literal
    ["- -a", "(neg (neg a))"],
    ["a - -1", "(- a -1)"],
    ["not a and b", "(and (not a) b)"],
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c", "(or (and a b) c)"],
    ["not a == b", "(not (== a b))"], // SQL: not binds looser than comparisons
    ["not a == b and c", "(and (not (== a b)) c)"],
    ["not (a and b)", "(not (and a b))"],
    ["not not a", "(not (not a))"],
    ["not a in [1]", "(not (in a [1]))"],
    ["a + 1 > b * 2", "(> (+ a 1) (* b 2))"],
    ["a < b and b <= c", "(and (< a b) (<= b c))"],
    ["(a < b) == c", "(== (< a b) c)"],
    ["x in [1, -2.5, 'q', \"r\", true, null]", '(in x [1 -2.5 "q" "r" true null])'],
    ["x + 1 in []", "(in (+ x 1) [])"],
    ["days(created, closed) > 30", "(> (days created closed) 30)"],
    ["round(x, 2) + abs(-y)", "(+ (round x 2) (abs (neg y)))"],
    ["coalesce(a, b, 0)", "(coalesce a b 0)"],
    ["dimension.process >= 80", "(>= dimension.process 80)"],
    ["change.win_rate < -0.1 and change.visits > 0.1", "(and (< change.win_rate -0.1) (> change.visits 0.1))"],
    ["a.b + c .d", "(+ a.b c.d)"],
    ["0.1", "0.1"],
    [".5 + 1.", "(+ 0.5 1)"],
    ["1e3", "1000"],
  ])("%s  →  %s", (source, expected) => {
    expect(sexpr(parsed(source))).toBe(expected);
  });

  it.each([
    ['"double"', '"double"'],
    ["'single'", '"single"'],
    ['"with \\"escaped\\" quote"', '"with \\"escaped\\" quote"'],
    ['"tab\\there"', '"tab\\there"'],
    ['"中文 value"', '"中文 value"'],
    ["true", "true"],
    ["false", "false"],
    ["null", "null"],
  ])("literal %s", (source, expected) => {
    expect(sexpr(parsed(source))).toBe(expected);
  });

  it("keeps numbers exact: 0.1 is the decimal 0.1, not a binary float", () => {
    const expr = parsed("0.1000000000000000055511151231257827");
    expect(expr.kind === "literal" && String(expr.value)).toBe("0.1000000000000000055511151231257827");
  });

  it("records where each node starts and ends", () => {
    // 0         1         2
    // 0123456789012345678901234567
    // (a + b) * round(c.d, 2)
    const expr = parsed("(a + b) * round(c.d, 2)");
    expect(expr).toMatchObject({
      kind: "arithmetic",
      start: 0,
      end: 23,
      opIndex: 8,
      left: { kind: "arithmetic", start: 1, end: 6, opIndex: 3 },
      right: { kind: "call", name: "round", start: 10, end: 23, args: [{ kind: "member", start: 16, end: 19, propertyStart: 18 }, { start: 21 }] },
    });
  });

  it("accepts newlines and tabs as spaces (YAML block scalars)", () => {
    expect(sexpr(parsed("a\n  and\tb\r\n"))).toBe("(and a b)");
  });

  it("parses every whitelisted function with a valid number of arguments", () => {
    for (const source of ["days(a, b)", "abs(a)", "min(a)", "max(a, b, c)", "round(a)", "round(a, 1)", "coalesce(a, b)", "lower(a)", "upper(a)", "contains(a, b)", "starts_with(a, b)", "year(a)", "month(a)"]) {
      expect(parseExpression(source).ok, source).toBe(true);
    }
  });
});

describe("parseExpression: errors say what and where", () => {
  it.each([
    // source, index, message (a part of it)
    ["", 0, "the expression is empty"],
    ["   ", 0, "the expression is empty"],
    ["a +", 3, 'expected an expression after "+"'],
    ["a and", 2, 'expected an expression after "and"'],
    ["not", 3, 'expected an expression after "not"'],
    ["-", 1, 'expected an expression after "-"'],
    ["(a", 0, 'unclosed "("'],
    ["a + (b * (c)", 4, 'unclosed "("'],
    ["()", 0, "empty parentheses"],
    ['stage == "Won', 9, "unclosed string"],
    ["'abc", 0, "unclosed string"],
    ["a b", 2, 'unexpected "b": expected an operator'],
    ['stage == "Won" x', 15, 'unexpected "x"'],
    ["1 2", 2, 'unexpected "2"'],
    ["a)", 1, 'unexpected ")"'],
    ["a, b", 1, 'unexpected ","'],
    ["a; b", 1, 'unexpected ";"'],
    ["a = 1", 2, 'write "==" to compare'],
    ["x not in [1]", 2, "put it first"],
    ["a && b", 2, 'write "and" instead of "&&"'],
    ["a || b", 2, 'write "or" instead of "||"'],
    ["a & b", 2, 'write "and" instead of "&"'],
    ["a === 1", 2, 'write "==" instead of "==="'],
    ["a !== 1", 2, 'write "!=" instead of "!=="'],
    ["a ?? 0", 2, "write coalesce(a, b) instead of"],
    ["!a", 0, 'write "not" instead of "!"'],
    ["~a", 0, 'unary "~" is not supported'],
    ["+a", 0, 'unary "+" is not supported'],
    ["a ** 2", 2, '"**" is not supported'],
    ["a ^ 2", 2, '"^" is not supported'],
    ["a << 2", 2, '"<<" is not supported'],
    ["a ? b : c", 2, '"? :" is not supported'],
    ["a < b < c", 6, "comparisons cannot be chained"],
    ["a == b == c", 7, "comparisons cannot be chained"],
    ["a == b in [true]", 7, "comparisons cannot be chained"],
    ["x in y", 5, '"in" needs a list'],
    ["x in (1, 2)", 7, 'unexpected ","'],
    ["x in [y]", 6, "can only hold numbers, strings, true, false and null"],
    ["x in [1 + 1]", 6, "can only hold"],
    ["x in [1,,2]", 5, "empty item"],
    ["[1, 2]", 0, 'a list [...] can only follow "in"'],
    ["a.b.c", 0, "only one level"],
    ["x + dimension.a.b", 4, "only one level"],
    ['a["b"]', 1, '"[...]" after a name is not supported: write a.name'],
    ["a[0]", 1, '"[...]"'],
    ["a?.b", 1, '"?." is not supported'],
    ["(a).b", 3, '"." can only follow a name'],
    ["foo(1)", 0, 'unknown function "foo"; the functions are days, abs,'],
    ["x + rnd(1)", 4, 'unknown function "rnd" (did you mean "round"?)'],
    ["ROUND(x)", 0, '(did you mean "round"?)'],
    ["startswith(a, 'x')", 0, '(did you mean "starts_with"?)'],
    ["a.b(1)", 0, '"a.b" is not a function'],
    ["f(1)(2)", 0, "only these functions can be called"],
    ["(round)(1)", 0, "only these functions can be called"],
    ["round()", 0, "round(x, n) takes 1 or 2 arguments, not 0"],
    ["round(1, 2, 3)", 0, "takes 1 or 2 arguments, not 3"],
    ["days(a)", 0, "days(from, to) takes 2 arguments, not 1"],
    ["abs(a, b)", 0, "abs(x) takes 1 argument, not 2"],
    ["min()", 0, "takes at least 1 argument, not 0"],
    ["coalesce(a)", 0, "coalesce(a, b, ...) takes at least 2 arguments, not 1"],
    ["round(1,)", 8, 'unexpected ")"'],
    ["1e99999999999999999", 0, "is too large"],
    ["3x", 1, "cannot start with a number"],
    ["1.2.3", 3, "unexpected period"],
    ["stage == “Won”", 9, 'unexpected "“": use plain ASCII quotes'],
    ["days(created，closed)", 12, 'unexpected "，"'],
    ["a\n  + foo(1)", 6, 'unknown function "foo"'],
  ] as const)("%j → at %i: %s", (source, index, message) => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.index).toBe(index);
  });
});
