import { MAX_NUMBER_TEXT, parseDecimal } from "./parseNumber.js";
import type { DecimalMark, NumberParse } from "./parseNumber.js";

/**
 * Money as CRMs and spreadsheets write it: the strict number grammar plus at
 * most one currency symbol or code before or after (`¥1,200.00`, `￥1,200`,
 * `USD 1,200`, `1,200元`, `-¥1,200`, `¥-1,200`) and accounting parentheses
 * for a negative amount (`(1,200.00)`, `(¥1,200.00)`, `¥(1,200.00)`).
 * The symbol is ignored: a record's currency comes from its currency column.
 * White space is allowed next to a currency and inside the parentheses, never
 * between a sign and its digits.
 */
const SYMBOLS = ["¥", "￥", "$", "＄", "€", "£", "￡", "₹", "₩", "￦", "₽", "₺", "₫", "฿", "₱", "₪", "₦", "₴"];
const DOLLARS = ["US$", "HK$", "NT$", "A$", "AU$", "C$", "CA$", "S$", "SG$", "NZ$", "R$", "MX$"];
const CODES = [
  "CNY", "CNH", "RMB", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "MOP", "KRW", "SGD", "AUD", "NZD", "CAD", "CHF",
  "SEK", "NOK", "DKK", "INR", "IDR", "MYR", "THB", "VND", "PHP", "RUB", "TRY", "BRL", "MXN", "ZAR", "AED", "SAR",
  "KWD", "BHD", "OMR", "QAR", "ILS", "PLN", "CZK", "HUF",
];
const WORDS = ["人民币", "美元", "港元", "港币", "欧元", "日元", "英镑", "元", "圆", "円"];

// every token is 1 to 3 characters long: a token is found by looking up at most three slices
const TOKENS: ReadonlySet<string> = new Set([...DOLLARS, ...SYMBOLS, ...CODES, ...WORDS].map((token) => token.toUpperCase()));
const LONGEST = 3;
/** No token starts or ends with one of these: the common case needs no look-up. */
const NOT_A_TOKEN = /^[0-9.,()+\-\u2212]$/;

/** The length of the currency token at the start (or the end) of text, 0 when there is none; longest first (`US$` before `$`). */
function tokenAt(text: string, atEnd: boolean): number {
  if (NOT_A_TOKEN.test(text.charAt(atEnd ? text.length - 1 : 0))) return 0;
  for (let length = Math.min(LONGEST, text.length); length > 0; length--) {
    const slice = atEnd ? text.slice(text.length - length) : text.slice(0, length);
    if (TOKENS.has(slice.toUpperCase())) return length;
  }
  return 0;
}

interface Stripped {
  rest: string;
  currencies: number;
}

/** Removes one currency before and one after, with the white space next to them. */
function stripCurrency(text: string): Stripped {
  let rest = text;
  let currencies = 0;
  const before = tokenAt(rest, false);
  if (before > 0) {
    rest = rest.slice(before).trimStart();
    currencies++;
  }
  const after = tokenAt(rest, true);
  if (after > 0) {
    rest = rest.slice(0, rest.length - after).trimEnd();
    currencies++;
  }
  return { rest, currencies };
}

const SYNTAX: NumberParse = { ok: false, reason: "syntax" };

/** `text` is already trimmed. */
export function parseMoney(text: string, decimal: DecimalMark = "."): NumberParse {
  if (text.length > MAX_NUMBER_TEXT) return parseDecimal(text, decimal); // too long: says whether it is a syntax or a range problem
  const outer = stripCurrency(text);
  let rest = outer.rest;
  let currencies = outer.currencies;
  let negative = false;
  if (rest.startsWith("(") && rest.endsWith(")")) {
    const inner = stripCurrency(rest.slice(1, -1).trim());
    rest = inner.rest;
    currencies += inner.currencies;
    negative = true;
  }
  const sign = /^[+\-\u2212]/.exec(rest)?.[0];
  if (sign !== undefined) {
    if (negative) return SYNTAX; // `(-1,200)`: a sign inside parentheses
    negative = sign !== "+";
    const afterSign = tokenAt(rest.slice(1), false);
    if (afterSign > 0) {
      rest = rest.slice(1 + afterSign).trimStart();
      currencies++;
    } else {
      rest = rest.slice(1);
    }
  }
  if (currencies > 1 || (sign !== undefined && /^[+\-\u2212]/.test(rest))) return SYNTAX;
  const parsed = parseDecimal(rest, decimal);
  if (!parsed.ok || !negative || parsed.value.isZero()) return parsed;
  return { ok: true, value: parsed.value.neg() };
}
