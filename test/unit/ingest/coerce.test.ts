import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarDate, formatDay } from "../../../src/dates/calendarDate.js";
import { coerceCell, coerceText } from "../../../src/ingest/coerce.js";
import type { CoerceOptions, CoerceResult, ColumnType, XlsxCell } from "../../../src/ingest/coerce.js";
import { isDec } from "../../../src/money.js";

/** A rejection, whatever the message (messages have their own table). */
const X = "✗";

/** One comparable text per result: `1234.5` (a Dec), `"abc"` (a string), `2026-10-05 14:30:00`, null, true, ✗. */
function show(result: CoerceResult): string | boolean | null {
  if (!result.ok) return X;
  const { value } = result;
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") return JSON.stringify(value);
  if (isDec(value)) return value.toString();
  if (value.secondsOfDay === null) return formatDay(value.day);
  const s = value.secondsOfDay;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${formatDay(value.day)} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

const text = (raw: string, type: ColumnType, extra: Partial<CoerceOptions> = {}): string | boolean | null =>
  show(coerceText(raw, { type, ...extra }));
const comma = { decimal: "," } as const;

describe("numbers", () => {
  it.each<[string, ColumnType, Partial<CoerceOptions>, string | null]>([
    // SPEC table: number, integer
    ["1234.5", "number", {}, "1234.5"],
    ["1,234.5", "number", {}, "1234.5"],
    [" 12 ", "number", {}, "12"],
    ["1e3", "number", {}, "1000"],
    ["1.234,5", "number", comma, "1234.5"],
    ["abc", "number", {}, X],
    ["NaN", "number", {}, X],
    ["Infinity", "number", {}, X],
    ["-Infinity", "number", {}, X],
    ["1e309", "number", {}, X], // Infinity as a JS number: out of range here
    ["1e30", "number", {}, X], // 31 digits before the mark
    ["9".repeat(30), "number", {}, "9".repeat(30)],
    ["1e101", "number", {}, X], // absurd exponent
    ["1e-5", "number", {}, "0.00001"],
    // JS number traps
    ["", "number", {}, null], // Number('') is 0
    ["0x1F", "number", {}, X], // Number('0x1F') is 31
    ["0b101", "number", {}, X],
    ["0o17", "number", {}, X],
    ["12,500.00", "number", {}, "12500"], // parseFloat gives 12
    ["1_000", "number", {}, X],
    ["１２３", "number", {}, X], // full-width digits are not digits here
    ["١٢", "number", {}, X],
    // grammar
    ["-1,234,567.89", "number", {}, "-1234567.89"],
    ["+12", "number", {}, "12"],
    ["\u221212", "number", {}, "-12"], // U+2212 MINUS SIGN
    [".5", "number", {}, "0.5"],
    ["-0", "number", {}, "0"],
    ["00123", "number", {}, "123"],
    ["99999999999999999999.99", "number", {}, "99999999999999999999.99"],
    ["\u00A012\u3000", "number", {}, "12"],
    ["\u200B12\uFEFF", "number", {}, "12"],
    ["1\u200B234", "number", {}, X],
    ["1 234", "number", {}, X],
    ["12,50", "number", {}, X],
    ["1,2345", "number", {}, X],
    ["1234,567", "number", {}, X],
    [",123", "number", {}, X],
    ["1,,234", "number", {}, X],
    ["1,234,", "number", {}, X],
    ["12.", "number", {}, X],
    ["1.2.3", "number", {}, X],
    ["1e", "number", {}, X],
    ["e3", "number", {}, X],
    ["--1", "number", {}, X],
    ["+-1", "number", {}, X],
    ["12abc", "number", {}, X],
    ["$12", "number", {}, X],
    ["12%", "number", {}, X],
    ["1.234,5", "number", {}, X],
    ["1,234.5", "number", comma, X],
    ["1,5", "number", comma, "1.5"],
    ["1.234", "number", comma, "1234"],
    ["1.234.567,89", "number", comma, "1234567.89"],
    ["1.23", "number", comma, X],
    // integer: a whole value is accepted however written
    ["42", "integer", {}, "42"],
    ["1,234", "integer", {}, "1234"],
    ["-7", "integer", {}, "-7"],
    ["12.0", "integer", {}, "12"],
    ["1e3", "integer", {}, "1000"],
    ["12.5", "integer", {}, X],
    ["1e-1", "integer", {}, X],
    // money
    ["¥1,200.00", "money", {}, "1200"],
    ["￥1,200", "money", {}, "1200"],
    ["USD 1,200", "money", {}, "1200"],
    ["$1,200", "money", {}, "1200"],
    ["(1,200.00)", "money", {}, "-1200"],
    ["-¥1,200", "money", {}, "-1200"],
    ["¥-1,200", "money", {}, "-1200"],
    ["¥ -1,200", "money", {}, "-1200"],
    ["(¥1,200.00)", "money", {}, "-1200"],
    ["¥(1,200.00)", "money", {}, "-1200"],
    ["( 1,200.00 ) USD", "money", {}, "-1200"],
    ["1,200元", "money", {}, "1200"],
    ["1,200 CNY", "money", {}, "1200"],
    ["RMB 12,500.00", "money", {}, "12500"],
    ["人民币12,500.00", "money", {}, "12500"],
    ["US$1,200", "money", {}, "1200"],
    ["usd 1,200", "money", {}, "1200"],
    ["€1.234,50", "money", comma, "1234.5"],
    ["12500", "money", {}, "12500"],
    ["0.1", "money", {}, "0.1"],
    ["99999999999999999999.99", "money", {}, "99999999999999999999.99"],
    ["-0.00", "money", {}, "0"],
    ["¥", "money", {}, X],
    ["()", "money", {}, X],
    ["(-1,200)", "money", {}, X],
    ["-(1,200)", "money", {}, X],
    ["--1,200", "money", {}, X],
    ["-+1,200", "money", {}, X],
    ["- ¥1,200", "money", {}, X],
    ["¥$1,200", "money", {}, X],
    ["USD ¥1,200", "money", {}, X],
    ["(1,200", "money", {}, X],
    ["1,200)", "money", {}, X],
    ["¥12,50", "money", {}, X],
    ["¥0x1F", "money", {}, X],
    ["1,200 XYZ", "money", {}, X],
    ["¥NaN", "money", {}, X],
    ["¥1e309", "money", {}, X],
    // percent
    ["12%", "percent", {}, "0.12"],
    ["12.5 %", "percent", {}, "0.125"],
    ["-3%", "percent", {}, "-0.03"],
    ["12％", "percent", {}, "0.12"],
    ["0.12", "percent", {}, "0.12"],
    ["12", "percent", {}, "12"],
    ["12,5%", "percent", comma, "0.125"],
    ["%", "percent", {}, X],
    ["12%%", "percent", {}, X],
    ["abc%", "percent", {}, X],
  ])("%j as %s %j → %s", (raw, type, extra, expected) => {
    expect(text(raw, type, extra)).toBe(expected);
  });
});

describe("strings and nulls", () => {
  it.each<[string, Partial<CoerceOptions>, string | null]>([
    ["  abc  ", {}, '"abc"'],
    ["\u00A0abc\u3000", {}, '"abc"'],
    ["\u200Babc\u200D\u2060", {}, '"abc"'],
    ["\uFEFFabc\r\n", {}, '"abc"'],
    ["a\u00A0b", {}, '"a\u00A0b"'], // inside: kept
    ["00123", {}, '"00123"'], // ids that look like numbers stay strings
    ["12345678901234567", {}, '"12345678901234567"'],
    ["L\u0456 Wei", {}, '"L\u0456 Wei"'], // Cyrillic і: a look-alike, kept distinct
    ["ＡＢＣ", {}, '"ＡＢＣ"'], // full-width letters are not normalised
    ["=1+1", {}, '"=1+1"'],
    ["", {}, null],
    [" \t\u3000\u200B ", {}, null],
    ["N/A", {}, '"N/A"'],
    ["N/A", { nullValues: ["n/a"] }, null],
    [" null ", { nullValues: ["-", "NULL"] }, null],
    ["-", { nullValues: [" - "] }, null],
    ["--", { nullValues: ["-"] }, '"--"'],
  ])("%j %j → %s", (raw, extra, expected) => {
    expect(text(raw, "string", extra)).toBe(expected);
  });

  it.each<[ColumnType]>([["number"], ["money"], ["date"], ["boolean"]])("a null value is null in a %s column", (type) => {
    expect(text("N/A", type, { nullValues: ["N/A"] })).toBe(null);
  });
});

describe("dates", () => {
  it.each<[string, ColumnType, string | undefined, string | null]>([
    // SPEC table: ISO and Chinese forms; a datetime's date as written
    ["2026-10-05", "date", undefined, "2026-10-05"],
    ["2026/10/5", "date", undefined, "2026-10-05"],
    ["2026.10.5", "date", undefined, "2026-10-05"],
    ["2026-1-5", "date", undefined, "2026-01-05"],
    ["2026年10月5日", "date", undefined, "2026-10-05"],
    ["2026 年 10 月 5 日", "date", undefined, "2026-10-05"],
    ["2026-10-05T14:30:00Z", "date", undefined, "2026-10-05"],
    ["2026-10-05T23:30:00-08:00", "date", undefined, "2026-10-05"], // never converted
    ["2026-10-05 14:30", "date", undefined, "2026-10-05"],
    ["2026-10-05T00:00:00.000Z", "date", undefined, "2026-10-05"],
    ["2024-02-29", "date", undefined, "2024-02-29"],
    ["2000-02-29", "date", undefined, "2000-02-29"],
    ["2026-02-29", "date", undefined, X],
    ["1900-02-29", "date", undefined, X],
    ["2026-02-30", "date", undefined, X],
    ["2026-13-01", "date", undefined, X],
    ["2026-00-10", "date", undefined, X],
    ["0000-01-01", "date", undefined, X],
    ["2026-10-5/", "date", undefined, X],
    ["2026-10/05", "date", undefined, X],
    ["05/10/2026", "date", undefined, X], // ambiguous without a format
    ["25/10/2026", "date", undefined, X], // one reading only, still needs a format
    ["10-05-26", "date", undefined, X],
    ["2026-10-05 25:00", "date", undefined, X],
    ["2026-10-05 garbage", "date", undefined, X],
    ["2026-10-051", "date", undefined, X],
    ["Oct 5, 2026", "date", undefined, X],
    ["20261005", "date", undefined, X],
    ["46300", "date", undefined, X], // a serial written as text
    // formats, tried before ISO
    ["10/05/2026", "date", "MM/DD/YYYY", "2026-10-05"],
    ["10/5/2026", "date", "MM/DD/YYYY", X], // MM/DD are exactly two digits
    ["10/5/2026", "date", "M/D/YYYY", "2026-10-05"],
    ["05.10.2026", "date", "DD.MM.YYYY", "2026-10-05"],
    ["5.10.2026", "date", "DD.MM.YYYY", X],
    ["2026/10/05", "date", "YYYY/MM/DD", "2026-10-05"],
    ["2026-10-05", "date", "DD.MM.YYYY", "2026-10-05"], // falls back to ISO
    ["02/30/2026", "date", "MM/DD/YYYY", X],
    ["2026年10月5日", "date", "YYYY年M月D日", "2026-10-05"],
    ["10/05/2026", "date", "dd/mm/yyyy", "2026-05-10"],
    ["10/05/2026 14:30", "datetime", "MM/DD/YYYY", "2026-10-05 14:30:00"],
    ["10/05/20261", "date", "MM/DD/YYYY", X],
    // datetime: the time as written
    ["2026-10-05T14:30:00Z", "datetime", undefined, "2026-10-05 14:30:00"],
    ["2026-10-05T23:30:00-08:00", "datetime", undefined, "2026-10-05 23:30:00"],
    ["2026-10-05 14:30", "datetime", undefined, "2026-10-05 14:30:00"],
    ["2026/10/5 9:05:00", "datetime", undefined, "2026-10-05 09:05:00"],
    ["2026-10-05T23:59:59.999+0800", "datetime", undefined, "2026-10-05 23:59:59"],
    ["2026-10-05 14:30 UTC", "datetime", undefined, "2026-10-05 14:30:00"],
    ["2026-10-05", "datetime", undefined, "2026-10-05 00:00:00"],
    ["2026-10-05 12:00 AM", "datetime", undefined, "2026-10-05 00:00:00"],
    ["2026-10-05 12:15 pm", "datetime", undefined, "2026-10-05 12:15:00"],
    ["2026-10-05 9:05 PM", "datetime", undefined, "2026-10-05 21:05:00"],
    ["2026-10-05 13:00 PM", "datetime", undefined, X],
    ["2026-10-05 24:00", "datetime", undefined, X],
    ["2026-10-05 14:60", "datetime", undefined, X],
    ["2026-10-05T14", "datetime", undefined, X],
  ])("%j as %s (format %s) → %s", (raw, type, format, expected) => {
    expect(text(raw, type, { format })).toBe(expected);
  });
});

describe("booleans", () => {
  it.each<[string, boolean | string]>([
    ["true", true], ["TRUE", true], ["True", true], ["false", false],
    ["yes", true], ["YES", true], ["no", false], ["No", false],
    ["y", true], ["N", false], ["1", true], ["0", false],
    ["是", true], ["否", false], [" Yes ", true],
    ["2", X], ["t", X], ["ok", X], ["yes please", X], ["是的", X], ["1.0", X],
  ])("%j → %s", (raw, expected) => {
    expect(text(raw, "boolean")).toBe(expected);
  });
});

describe("what would be right", () => {
  it.each<[string, ColumnType, Partial<CoerceOptions>, string]>([
    ["abc", "number", {}, "a number such as 1234.5 or 1,234.50"],
    ["abc", "number", comma, "a number such as 1234,5 or 1.234,50"],
    ["12.5", "integer", {}, "a whole number such as 42 or 1,234, without a fraction"],
    ["abc", "money", {}, "an amount such as 1,234.50, ¥1,200.00, USD 1,200 or (1,200.00)"],
    ["x%", "percent", {}, "a percentage such as 12.5% or 0.125"],
    ["1e309", "number", {}, "a number smaller than 1e30 in size, with at most 60 digits"],
    ["1".repeat(61), "number", {}, "a number smaller than 1e30 in size, with at most 60 digits"],
    ["x", "date", { format: "MM/DD/YYYY" }, "a date such as 2026-10-05 or in format MM/DD/YYYY"],
    ["x", "date", {}, "a date such as 2026-10-05, 2026/10/5 or 2026年10月5日"],
    ["x", "datetime", {}, "a date and time such as 2026-10-05 14:30, 2026/10/5 9:05:00 or 2026-10-05T14:30:00Z"],
    ["2026-02-30", "date", {}, "a date that exists (2026-02 has 28 days)"],
    ["2026-13-01", "date", {}, "a date that exists (months run from 1 to 12)"],
    ["05/10/2026", "date", {}, "a date such as 2026-10-05 (day-first or month-first dates such as 05/10/2026 need the column's format, e.g. DD/MM/YYYY)"],
    ["2026-10-05 25:00", "datetime", {}, "a time of day from 00:00 to 23:59:59"],
    ["26-10-05", "date", { format: "YY-MM-DD" }, "a date format of YYYY, MM or M, DD or D and literal characters (`YY` is not one)"],
    ["2026", "date", { format: "YYYY" }, "a date format with a year (YYYY), a month (MM or M) and a day (DD or D), such as MM/DD/YYYY"],
    ["maybe", "boolean", {}, "true/false, yes/no, y/n, 1/0 or 是/否"],
  ])("%j as %s %j", (raw, type, extra, expected) => {
    expect(coerceText(raw, { type, ...extra })).toEqual({ ok: false, expected });
  });
});

describe("xlsx cells", () => {
  const num = (value: number): XlsxCell => ({ kind: "number", value });
  const date = (year: number, month: number, day: number, secondsOfDay: number | null = null): XlsxCell => ({
    kind: "date", year, month, day, secondsOfDay,
  });
  it.each<[string, XlsxCell, ColumnType, boolean, string | boolean | null]>([
    ["empty", { kind: "empty" }, "money", false, null],
    ["text through coerceText", { kind: "text", text: " ¥12,500.00 " }, "money", false, "12500"],
    ["text null value", { kind: "text", text: "N/A" }, "number", false, X], // no nullValues given
    ["float artefact", num(1234.5699999999999), "money", false, "1234.57"],
    ["0.1 + 0.2", num(0.1 + 0.2), "number", false, "0.3"],
    ["negative artefact", num(-1234.5699999999999), "money", false, "-1234.57"],
    ["integer id in a string column", num(123), "string", false, '"123"'],
    ["17-digit id the double holds", num(12345678901234560), "string", false, '"12345678901234560"'],
    ["fraction in a string column", num(1234.5), "string", false, '"1234.5"'],
    ["tiny in a string column", num(1e-7), "string", false, '"0.0000001"'],
    ["artefact in a string column", num(1234.5699999999999), "string", false, '"1234.57"'],
    ["percent cell holds the fraction", num(0.12), "percent", false, "0.12"],
    ["integer", num(12), "integer", false, "12"],
    ["fraction in integer", num(12.5), "integer", false, X],
    ["out of range", num(1e31), "money", false, X],
    ["-0", num(-0), "number", false, "0"],
    // serials, 1900 system with the Lotus leap day
    ["serial 1", num(1), "date", false, "1900-01-01"],
    ["serial 59", num(59), "date", false, "1900-02-28"],
    ["serial 60 (1900-02-29)", num(60), "date", false, X],
    ["serial 60.5", num(60.5), "date", false, X],
    ["serial 61", num(61), "date", false, "1900-03-01"],
    ["serial 0", num(0), "date", false, X],
    ["serial -1", num(-1), "date", false, X],
    ["serial 45658", num(45658), "date", false, "2025-01-01"],
    ["serial 46300", num(46300), "date", false, "2026-10-05"],
    ["serial with time, date column", num(46300.75), "date", false, "2026-10-05"],
    ["serial with time", num(46300.75), "datetime", false, "2026-10-05 18:00:00"],
    ["serial float noise", num(46300.604166666664), "datetime", false, "2026-10-05 14:30:00"],
    ["serial rounding up to midnight", num(46300.999999999), "datetime", false, "2026-10-06 00:00:00"],
    ["serial 2958465", num(2958465), "date", false, "9999-12-31"],
    ["serial 2958466", num(2958466), "date", false, X],
    // 1904 system
    ["1904 serial 0", num(0), "date", true, "1904-01-01"],
    ["1904 serial 60", num(60), "date", true, "1904-03-01"],
    ["1904 serial 44838", num(44838), "date", true, "2026-10-05"],
    // booleans
    ["boolean cell", { kind: "boolean", value: true }, "boolean", false, true],
    ["boolean in a string column", { kind: "boolean", value: false }, "string", false, '"FALSE"'],
    ["boolean in a number column", { kind: "boolean", value: true }, "number", false, X],
    ["number 1 as boolean", num(1), "boolean", false, true],
    ["number 0 as boolean", num(0), "boolean", false, false],
    ["number 2 as boolean", num(2), "boolean", false, X],
    // date cells
    ["date cell", date(2026, 10, 5), "date", false, "2026-10-05"],
    ["date cell with time, date column", date(2026, 10, 5, 52200), "date", false, "2026-10-05"],
    ["date cell with time", date(2026, 10, 5, 52200), "datetime", false, "2026-10-05 14:30:00"],
    ["date cell without time, datetime", date(2026, 10, 5), "datetime", false, "2026-10-05 00:00:00"],
    ["date cell in a string column", date(2026, 10, 5), "string", false, '"2026-10-05"'],
    ["datetime cell in a string column", date(2026, 10, 5, 52200), "string", false, '"2026-10-05 14:30:00"'],
    ["impossible date cell", date(2026, 2, 30), "date", false, X],
    ["time out of range", date(2026, 10, 5, 86400), "datetime", false, X],
    ["date cell in a money column", date(2026, 10, 5), "money", false, X],
    ["error cell", { kind: "error", text: "#N/A" }, "money", false, X],
  ])("%s", (_name, cell, type, date1904, expected) => {
    expect(show(coerceCell(cell, { type }, date1904))).toBe(expected);
  });

  it.each<[XlsxCell, string]>([
    [{ kind: "error", text: "#N/A" }, "a value, not the spreadsheet error #N/A"],
    [{ kind: "error", text: "#DIV/0!" }, "a value, not the spreadsheet error #DIV/0!"],
    [{ kind: "number", value: 60 }, "a date that exists (serial 60 is 1900-02-29, a day that never was)"],
  ])("%j says %s", (cell, expected) => {
    expect(coerceCell(cell, { type: "date" }, false)).toEqual({ ok: false, expected });
  });

  it("keeps the time of day of a serial as written", () => {
    const result = coerceCell(num(46300.5), { type: "datetime" }, false);
    expect(result).toEqual({ ok: true, value: new CalendarDate(20731, 43200) });
  });
});

describe("properties", () => {
  const types: ColumnType[] = ["string", "number", "integer", "money", "percent", "date", "datetime", "boolean"];
  const numeric = new Set<ColumnType>(["number", "integer", "money", "percent"]);
  const alphabet = [..."0123456789,.-+()eE%¥￥$€ USDxNaInfity元年月日/:T\u00A0\u3000\u200B\u2212"].map((c) => fc.constant(c));
  const raw = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({ unit: fc.oneof(...alphabet), maxLength: 30 }),
    fc.double().map(String),
  );
  const options = fc.record({
    type: fc.constantFrom(...types),
    decimal: fc.constantFrom<"." | ",">(".", ","),
    format: fc.option(fc.constantFrom("MM/DD/YYYY", "D.M.YYYY", "YYYY年M月D日", "YY"), { nil: undefined }),
  });

  it("coerceText never throws, and numeric values are finite Decs", () => {
    fc.assert(
      fc.property(raw, options, (cell, opts) => {
        const result = coerceText(cell, opts);
        if (!result.ok) return result.expected.length > 0;
        const { value } = result;
        if (typeof value === "number") return false;
        if (numeric.has(opts.type)) return value === null || (isDec(value) && value.isFinite() && !value.isNaN());
        return true;
      }),
      { numRuns: 5000 },
    );
  });

  it("coerceCell never throws on any double, and numbers come back as finite Decs", () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(...types), fc.boolean(), (value, type, date1904) => {
        const result = coerceCell({ kind: "number", value }, { type }, date1904);
        if (!result.ok) return result.expected.length > 0;
        if (typeof result.value === "number") return false;
        return !numeric.has(type) || (isDec(result.value) && result.value.isFinite());
      }),
      { numRuns: 5000 },
    );
  });

  it.each<[string, string]>([
    ["digits", "1".repeat(1 << 20)],
    ["spaces inside", `¥1${" ".repeat(1 << 20)}2`],
    ["a time followed by spaces", `2026-10-05 14:30${" ".repeat(1 << 20)}x`],
    ["commas", ",".repeat(1 << 20)],
  ])("a 1 MiB cell of %s is rejected or read in linear time", (_name, cell) => {
    const started = performance.now();
    for (const type of types) coerceText(cell, { type, format: "MM/DD/YYYY" });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a grouped amount reads back exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, cents, negative) => {
        const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        const fraction = String(cents).padStart(2, "0");
        const written = negative ? `(¥${grouped}.${fraction})` : `¥${grouped}.${fraction}`;
        const result = coerceText(written, { type: "money" });
        const expected = `${negative ? "-" : ""}${whole}.${fraction}`;
        return result.ok && isDec(result.value) && result.value.eq(expected);
      }),
    );
  });
});
