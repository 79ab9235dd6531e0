import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, escapeXlsxText, isFormulaLike, neutraliseFormula } from "../../../src/report/safeText.js";
import { checkCell, significantDigits } from "../../../src/report/workbookModel.js";
import type { Cell, Sheet } from "../../../src/report/workbookModel.js";

describe("isFormulaLike", () => {
  it.each<[string, boolean]>([
    ["=1+1", true],
    ["+1", true],
    ["-1", true],
    ["@SUM(A1)", true],
    ["\t=1", true],
    ["\r=1", true],
    ["\n=1", true],
    ["", false],
    ["a=1", false],
    [" =1", false],
    ["'=1", false],
    ["１", false],
  ])("%j → %s", (text, expected) => {
    expect(isFormulaLike(text)).toBe(expected);
    expect(neutraliseFormula(text)).toBe(expected ? `'${text}` : text);
  });
});

/** Decodes `_xHHHH_` as Excel and exceljs do. */
const decode = (text: string): string => text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe("escapeXlsxText", () => {
  it.each<[string, string]>([
    ["plain", "plain"],
    ["tab\tand\nlf stay", "tab\tand\nlf stay"],
    ["cr\r", "cr_x000D_"],
    ["\u0000\u0001\u001f", "_x0000__x0001__x001F_"],
    ["del\u007f", "del_x007F_"],
    ["\ufffe\uffff", "_xFFFE__xFFFF_"],
    ["_x0041_", "_x005F_x0041_"],
    ["_x00zz_", "_x00zz_"],
    ["snake_case_x", "snake_case_x"],
    ["张伟 𠀀", "张伟 𠀀"],
  ])("%j → %j", (text, escaped) => {
    expect(escapeXlsxText(text)).toBe(escaped);
    expect(decode(escaped)).toBe(text);
  });

  it("always decodes back to the original and leaves only XML-safe characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeXlsxText(text);
        expect(decode(escaped)).toBe(text);
        expect(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/.test(escaped)).toBe(false);
      }),
    );
  });
});

describe("displayWidth", () => {
  it.each<[string, number]>([
    ["", 0],
    ["abc", 3],
    ["张伟", 4],
    ["Ｒ００１", 8],
    ["short\nlonger line", 11],
    ["😀", 2],
  ])("%j is %i wide", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("model cells", () => {
  const sheet: Sheet = { name: "S", columns: [{ header: "H", format: "money" }], rows: [] };
  it.each<[Cell, unknown]>([
    [null, { kind: "empty" }],
    ["x", { kind: "text", text: "x" }],
    [-0, { kind: "number", value: 0 }],
    [true, { kind: "boolean", value: true }],
    [{ money: "-0.00" }, { kind: "money", text: "-0.00", value: 0 }],
    [{ money: "3800.10" }, { kind: "money", text: "3800.10", value: 3800.1 }],
    [{ date: "1970-01-02" }, { kind: "date", text: "1970-01-02", day: 1 }],
  ])("%j", (cell, checked) => {
    expect(checkCell(cell, sheet, 0, 0)).toEqual(checked);
  });

  it.each<[Cell, RegExp]>([
    [{ money: "" }, /money "" is not a decimal string/],
    [{ money: "1e5" }, /money "1e5"/],
    [{ money: " 1.00" }, /money " 1.00"/],
    [{ money: "1." }, /money "1."/],
    [{ date: "2026-13-01" }, /date "2026-13-01" is not a calendar day/],
    [{ date: "2026-1-01" }, /date "2026-1-01"/],
    [Infinity, /Infinity is not a finite number/],
  ])("%j is refused", (cell, message) => {
    expect(() => checkCell(cell, sheet, 3, 0)).toThrow(message);
    expect(() => checkCell(cell, sheet, 3, 0)).toThrow(/sheet "S", row 5, column "H"/);
  });

  it.each<[string, number]>([
    ["3800.00", 2],
    ["0.05", 1],
    ["-0.00", 0],
    ["1234567890123.45", 15],
    ["99999999999999999999.99", 22],
    ["100", 1],
  ])("%s has %i significant digits", (text, digits) => {
    expect(significantDigits(text)).toBe(digits);
  });
});
