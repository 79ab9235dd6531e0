import { describe, expect, it } from "vitest";
import { CalendarDate } from "../../../src/dates/calendarDate.js";
import type { Value } from "../../../src/expr/value.js";
import { d, evaluate, n, show } from "./helpers.js";

/** One record as the resolver sees it. */
const row: ReadonlyMap<string, Value> = new Map<string, Value>([
  ["amount", n("1200.50")],
  ["qty", n(3)],
  ["zero", n(0)],
  ["neg", n("-2.5")],
  ["name", "Li Wei"],
  ["stage", "Closed Won"],
  ["empty", ""],
  ["none", null],
  ["yes", true],
  ["no", false],
  ["created", d("2026-10-01")],
  ["closed", d("2026-10-05")],
  ["dimension.process", n(85)],
  ["metric.won_revenue", n("130000.00")],
]);

const check = (source: string, expected: Value): void => {
  expect(show(evaluate(source, row))).toBe(show(expected));
};

describe("three-valued logic (SQL)", () => {
  // yes = true, no = false, none = null
  it.each([
    ["yes and yes", true], ["yes and no", false], ["yes and none", null],
    ["no and yes", false], ["no and no", false], ["no and none", false],
    ["none and yes", null], ["none and no", false], ["none and none", null],
  ] as const)("%s → %s", check);

  it.each([
    ["yes or yes", true], ["yes or no", true], ["yes or none", true],
    ["no or yes", true], ["no or no", false], ["no or none", null],
    ["none or yes", true], ["none or no", null], ["none or none", null],
  ] as const)("%s → %s", check);

  it.each([
    ["not yes", false], ["not no", true], ["not none", null],
    // an operand that is not a boolean counts as null
    ["not amount", null], ["amount and yes", null], ["amount and no", false], ["name or yes", true], ["name or no", null],
  ] as const)("%s → %s", check);

  it.each([
    ["not yes and no", false], // (not yes) and no
    ["not no and yes", true],
    ["no or yes and none", null], // no or (yes and none) = no or null
    ["yes or yes and none", true],
    ["not stage == 'Closed Won'", false], // not (stage == ...)
    ["not stage == 'Closed Lost' and yes", true],
  ] as const)("precedence: %s → %s", check);
});

describe("arithmetic on exact decimals", () => {
  it.each([
    ["1 + 2 * 3", n(7)],
    ["(1 + 2) * 3", n(9)],
    ["10 - 4 - 3", n(3)],
    ["-qty * 2", n(-6)],
    ["- -qty", n(3)],
    ["2 - -1", n(3)],
    ["0.1 + 0.2", n("0.3")],
    ["0.1 + 0.2 == 0.3", true], // true in decimals, false in binary floats
    ["amount * 3", n("3601.5")],
    ["amount / 4", n("300.125")],
    ["1 / 3", n("0.333333333333333333333333333333333333333333333333333333333333")], // 60 significant digits
    ["7 % 3", n(1)],
    ["-7 % 3", n(-1)], // the sign of the dividend
    ["5.5 % 2", n("1.5")],
    ["99999999999999999999.99 + 0.01", n("100000000000000000000")],
    ["'Closed' + ' ' + 'Won'", "Closed Won"],
    ["empty + name", "Li Wei"],
  ] as const)("%s → %s", (source, expected) => check(source, expected));

  it.each([
    ["amount / zero", "division by zero"],
    ["amount / 0.0", "division by zero"],
    ["amount % zero", "remainder by zero"],
    ["1e9000000000000000 * 1e9000000000000000", "too large for a decimal"],
    ["none + 1", "null propagates"],
    ["1 + none", "null propagates"],
    ["none * 0", "null propagates"],
    ["-none", "null propagates"],
    ["'a' + 1", "type error"],
    ["1 + 'a'", "type error"],
    ["name - 1", "type error"],
    ["-name", "type error"],
    ["closed - created", "dates: use days(a, b)"],
    ["closed + 1", "no date arithmetic"],
    ["yes + 1", "type error"],
    ["name + none", "null propagates"],
  ])("%s → null (%s)", (source) => check(source, null));
});

describe("comparisons", () => {
  it.each([
    ["1.50 == 1.5", true],
    ["amount == 1200.5", true],
    ["amount > 1000", true],
    ["amount <= 1200.49", false],
    ["neg < 0", true],
    ["'a' < 'b'", true],
    ["'B' < 'a'", true], // code unit order: upper case before lower case
    ["'Z' >= 'Zebra'", false],
    ["stage == 'Closed Won'", true],
    ["stage != 'Closed Won'", false],
    ["stage == 'closed won'", false], // case-sensitive
    ["closed > created", true],
    ["closed == closed", true],
    ["created >= closed", false],
    ["true > false", true],
    ["yes == true", true],
    ["dimension.process >= 80", true],
    ["metric.won_revenue == 130000", true],
    // different types: never equal, no order
    ["1 == '1'", false],
    ["1 != '1'", true],
    ["closed == '2026-10-05'", false],
    ["yes == 1", false],
    ["1 < '2'", null],
    ["closed > 5", null],
    ["yes < 1", null],
    // null
    ["none == null", true],
    ["none != null", false],
    ["null == none", true],
    ["amount == null", false],
    ["amount != null", true],
    ["null == null", true],
    ["(amount / zero) == null", true],
    ["none == 1", null],
    ["none != 1", null],
    ["none == none", null], // only the literal null tests nullness
    ["none < 1", null],
    ["1 >= none", null],
  ] as const)("%s → %s", check);
});

describe("in [...]", () => {
  it.each([
    ["stage in ['Closed Won', 'Closed Lost']", true],
    ["stage in ['Open']", false],
    ["stage in []", false],
    ["amount in [1, 1200.5]", true], // 1200.50 equals 1200.5
    ["0 in [-0]", true],
    ["qty in [-3]", false],
    ["neg in [-2.5]", true],
    ["1 in ['1']", false],
    ["closed in ['2026-10-05']", false],
    ["yes in [true]", true],
    ["no in [true, null]", false],
    ["none in ['a']", null], // like none == 'a'
    ["none in ['a', null]", true], // like none == 'a' or none == null
    ["not stage in ['Open', 'Lost']", true],
  ] as const)("%s → %s", check);
});

describe("functions", () => {
  it.each([
    ["days(created, closed)", n(4)],
    ["days(closed, created)", n(-4)],
    ["days(closed, closed)", n(0)],
    ["days(created, none)", null],
    ["days(none, closed)", null],
    ["days(created, '2026-10-05')", null],
    ["days(1, 2)", null],

    ["abs(neg)", n("2.5")],
    ["abs(qty)", n(3)],
    ["abs(none)", null],
    ["abs(name)", null],

    ["min(3, 1, 2)", n(1)],
    ["max(3, 1, 2)", n(3)],
    ["min(qty)", n(3)],
    ["max(neg, 0)", n(0)],
    ["min('b', 'a')", "a"],
    ["max(created, closed)", d("2026-10-05")],
    ["min(1, none)", null],
    ["max(1, 'a')", null],

    ["round(2.5)", n(3)], // half-up: ties away from zero
    ["round(-2.5)", n(-3)],
    ["round(2.4)", n(2)],
    ["round(2.345, 2)", n("2.35")],
    ["round(amount, 1)", n("1200.5")],
    ["round(1250, -2)", n(1300)],
    ["round(1249.99, -2)", n(1200)],
    ["round(1 / 3, 4)", n("0.3333")],
    ["round(none)", null],
    ["round(1, none)", null],
    ["round(1, 0.5)", null],
    ["round(1, 61)", null],
    ["round(name)", null],

    ["coalesce(none, 1)", n(1)],
    ["coalesce(none, none)", null],
    ["coalesce(none, 'x', 1)", "x"],
    ["coalesce(qty, 0)", n(3)],
    ["coalesce(amount / zero, 0)", n(0)],
    ["coalesce(no, yes)", false],

    ["lower(name)", "li wei"],
    ["upper(name)", "LI WEI"],
    ["lower('ÄBC')", "äbc"],
    ["lower(amount)", null],
    ["upper(none)", null],

    ["contains(name, 'Wei')", true],
    ["contains(name, 'wei')", false], // case-sensitive: contains(lower(name), 'wei')
    ["contains(lower(name), 'wei')", true],
    ["contains(name, '')", true],
    ["contains(amount, '1')", null],
    ["contains(none, 'a')", null],
    ["contains(name, none)", null],

    ["starts_with(stage, 'Closed')", true],
    ["starts_with(stage, 'Won')", false],
    ["starts_with(none, 'a')", null],
    ["starts_with(qty, 3)", null],

    ["year(closed)", n(2026)],
    ["month(closed)", n(10)],
    ["month(created) == 10 and year(created) == 2026", true],
    ["year(none)", null],
    ["month('2026-10-05')", null],
    ["year(qty)", null],
  ] as const)("%s → %s", (source, expected) => check(source, expected));

  it("evaluates dates from the resolver by calendar day, ignoring a datetime's time", () => {
    const times = new Map<string, Value>([
      ["morning", new CalendarDate(d("2026-03-01").day, 3600)],
      ["evening", new CalendarDate(d("2026-03-01").day, 80000)],
      ["leap", d("2024-02-29")],
    ]);
    expect(evaluate("morning == evening", times)).toBe(true);
    expect(evaluate("morning < evening", times)).toBe(false);
    expect(show(evaluate("days(leap, morning)", times))).toBe("#731"); // 2024-02-29 → 2025-03-01 is 366 days, then 365 more
  });
});
