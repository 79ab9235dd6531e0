import { Dec, ZERO } from "../money.js";

/**
 * The strict number grammar of every numeric column. Text is matched against
 * the grammar first and only then handed to Dec, so none of JavaScript's
 * number traps can get through: `Number('')` is 0, `Number('0x1F')` is 31,
 * `parseFloat('12,500.00')` is 12 and `1e309` is Infinity; here they are all
 * rejections.
 *
 *   [sign] (digits | 1-3 digits (sep 3 digits)+ | ) [mark digits] [e [sign] digits]
 *
 * with sign `+`, `-` or U+2212 (the minus sign), the mark `.` and the group
 * separator `,` (swapped with `decimal: ","`). There must be digits before or
 * after the mark (`.5` is 0.5, `5.` is not a number). No white space inside.
 */
export type DecimalMark = "." | ",";

export type NumberParse = { ok: true; value: Dec } | { ok: false; reason: NumberProblem };

/** `syntax`: not the grammar; `range`: too large, too many digits or an absurd exponent. */
export type NumberProblem = "syntax" | "range";

/** At most this many digits in the mantissa: Dec (precision 60) then holds every input exactly. */
export const MAX_DIGITS = 60;
/** Largest exponent written in the text, either way (`1e100`, `1e-100`). */
export const MAX_EXPONENT = 100;
/** Numbers must be below 1e30 in magnitude (at most 30 digits before the decimal mark). */
const MAX_MAGNITUDE_EXPONENT = 30;

/** |value| < 1e30; decimal.js's `e` is the exponent of the leading digit. */
export function inRange(value: Dec): boolean {
  return value.e < MAX_MAGNITUDE_EXPONENT;
}
/** Longer text is not read as a number at all (keeps every check linear and cheap). */
export const MAX_NUMBER_TEXT = 200;

const GRAMMAR: Record<DecimalMark, RegExp> = {
  ".": /^([+\-\u2212]?)(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))(?:[eE]([+-]?\d+))?$/,
  ",": /^([+\-\u2212]?)(?:(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?|,(\d+))(?:[eE]([+-]?\d+))?$/,
};

/** Reads one number written in the grammar above (no surrounding white space). */
export function parseDecimal(text: string, decimal: DecimalMark = "."): NumberParse {
  if (text.length > MAX_NUMBER_TEXT) return { ok: false, reason: /^[\d.,+\-\u2212eE]*$/.test(text) ? "range" : "syntax" };
  const match = GRAMMAR[decimal].exec(text);
  if (!match) return { ok: false, reason: "syntax" };
  const [, sign = "", grouped = "0", fractionAfterWhole, bareFraction, exponent] = match;
  const fraction = fractionAfterWhole ?? bareFraction ?? "";
  const separator = decimal === "." ? "," : ".";
  const whole = grouped.length > 3 && grouped.includes(separator) ? grouped.split(separator).join("") : grouped;
  if (whole.length + fraction.length > MAX_DIGITS) return { ok: false, reason: "range" };
  if (exponent !== undefined && (exponent.replace(/^[+-]/, "").length > 4 || Math.abs(Number(exponent)) > MAX_EXPONENT)) {
    return { ok: false, reason: "range" };
  }
  const negative = sign !== "" && sign !== "+";
  const canonical = `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}${exponent === undefined ? "" : `e${exponent}`}`;
  const value = new Dec(canonical);
  if (!inRange(value)) return { ok: false, reason: "range" };
  return { ok: true, value: value.isZero() ? ZERO : value };
}

/** `12%` (or `12 ％`, the full-width sign) is 0.12 exactly; a bare number is taken as written. */
export function parsePercent(text: string, decimal: DecimalMark = "."): NumberParse {
  const last = text.charAt(text.length - 1);
  if (last !== "%" && last !== "\uFF05") return parseDecimal(text, decimal);
  const parsed = parseDecimal(text.slice(0, -1).trimEnd(), decimal);
  // dividing a number of at most 60 digits by 100 only moves its exponent: exact
  return parsed.ok ? { ok: true, value: parsed.value.div(100) } : parsed;
}
