/**
 * A record's values straight from its bytes, for the rows that are plainly
 * well formed — or null, and then the row is read the straightforward way
 * (`coerceRow`), which finds and words every problem. Whatever this reads
 * equals what `coerceRow` would give: each cell goes through the same
 * `coerceText`, memoised per distinct text, except for three shapes read
 * from the bytes themselves: a plain decimal such as `20000.00` (the same Dec
 * `parseDecimal` builds), a `yyyy-mm-dd` date in a column without a format,
 * and filled text (a visible ASCII character: valid once trimmed). Columns
 * no consumer reads and that cannot fail (optional text) are not decoded at
 * all; read text is decoded only when it is read.
 */
import { CalendarDate, dayFromYMD, isValidYMD } from "../../dates/calendarDate.js";
import { coerceText, type CoerceResult } from "../coerce.js";
import type { ColumnPlan } from "../coerceRow.js";
import { convertCurrency, currencyToConvert } from "../convertCurrency.js";
import type { MappedColumn } from "../mapHeader.js";
import type { ReadSourceContext } from "../readSource.js";
import type { Value } from "../../expr/value.js";
import { EMPTY_SLOT, type DeferredMoney, type LazyCells } from "../sourceData.js";
import { Dec, ZERO, decFromUnits } from "../../money.js";
import { ByteMemo } from "./byteMemo.js";
import type { RecordView } from "./byteScanner.js";

const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO_DIGIT = 0x30;
const NINE_DIGIT = 0x39;
/** Up to this many digits a plain decimal is far inside every range check. */
const PLAIN_DIGITS = 20;
/** Up to this many digits the units of a plain decimal are exact in a double. */
const SAFE_DIGITS = 15;

/** Years whose `yyyy-mm-dd` dates are kept in a table (372 slots a year: 12 months of 31 days). */
const ISO_FIRST_YEAR = 1990;
const ISO_SLOTS = 100 * 372;

/** A valid value nobody reads: not built. */
const UNREAD: CoerceResult = { ok: true, value: "" };

interface ColumnReader {
  /** the field, or -1 when the file has no such column */
  field: number;
  plan: ColumnPlan;
  skip: boolean;
  numeric: boolean;
  integer: boolean;
  /** a plain decimal here is handed on as integer units, its Dec built only if read */
  defer: boolean;
  /** no consumer reads the column: it is only checked, and a plain decimal is not built */
  checkOnly: boolean;
  /** optional text a consumer may read: decoded only if it does, while the row is being added */
  lazy: boolean;
  /** text where a visible ASCII character proves the cell valid (no null values to match): checked on the bytes */
  textByBytes: boolean;
  /** required text a consumer may read: once its bytes prove it filled, decoded only if read (as `lazy`) */
  lazyWhenFilled: boolean;
  /** a date column with no format of its own: `2026-10-05` is read straight from its ten bytes */
  isoDate: boolean;
  memo: ByteMemo<CoerceResult>;
  /** what an empty cell reads as: the column's default, or null */
  whenEmpty: CoerceResult;
}

export class FastRowReader implements LazyCells {
  private readonly columns: ColumnReader[];
  private readonly currencyIndex: number;
  private readonly moneyIndexes: number[];
  /** the deferred money value of the row just read, if any (one object, reused from row to row) */
  deferred: DeferredMoney | undefined = undefined;
  private readonly deferredSlot: DeferredMoney = { index: -1, units: 0, scale: 0 };
  /** counts the rows read: a lazy value is only there while its row is the latest */
  generation = 0;
  /** whether the row just read left a value to be read lazily */
  leftLazy = false;
  private view: RecordView | null = null;
  /** the dates read from `yyyy-mm-dd`, by ISO_SLOTS' slot (valid dates only) */
  private readonly isoDates = new Array<CoerceResult | undefined>(ISO_SLOTS);
  /** the one values array every row is read into, when the reader's rows are used one at a time; null: a new array each row */
  private readonly reused: Value[] | null;

  constructor(
    plans: readonly ColumnPlan[],
    mapped: readonly MappedColumn[],
    /** config column indexes some consumer reads; null: all of them */
    used: ReadonlySet<number> | null,
    private readonly ctx: Pick<ReadSourceContext, "currency" | "fx">,
    /** columns whose value is read straight from the values (the key, the rep): never left to be read later */
    direct: ReadonlySet<number>,
    /** whether each row's values are done with before the next row is read (a sink that declares columnsRead): then one array serves every row */
    oneRowAtATime = false,
  ) {
    this.reused = oneRowAtATime ? new Array<Value>(plans.length).fill(null) : null;
    const firstMoney = plans.findIndex((p) => p.options.type === "money" && p.options.decimal !== ",");
    this.currencyIndex = plans.findIndex((p) => p.name === "currency");
    this.columns = plans.map((plan, i) => {
      const type = plan.options.type;
      // the currency is read here, to convert money, whoever else reads it
      const read = used === null || used.has(i) || i === this.currencyIndex;
      const later = used !== null && i !== this.currencyIndex && !direct.has(i);
      // a null value ("0", "-", "1900-01-01") may look like any shortcut's shape: with null values, every cell goes through coerceText
      const noNullValues = (plan.options.nullValues ?? []).length === 0;
      const plainShortcuts = noNullValues && plan.options.decimal !== ",";
      const whenEmpty = plan.defaultValue === undefined ? { ok: true as const, value: null } : coerceText(plan.defaultValue, plan.options);
      return {
        field: mapped[i]?.index ?? -1,
        plan,
        skip: !read && type === "string" && !plan.required,
        numeric: (type === "money" || type === "number" || type === "integer" || type === "percent") && plainShortcuts,
        integer: type === "integer",
        defer: later && i === firstMoney && plainShortcuts,
        checkOnly: !read,
        lazy: later && read && type === "string" && !plan.required,
        textByBytes: type === "string" && noNullValues,
        lazyWhenFilled: later && read && type === "string" && plan.required && noNullValues,
        isoDate: type === "date" && plan.options.format === undefined && noNullValues,
        memo: new ByteMemo<CoerceResult>(),
        whenEmpty,
      };
    });
    this.moneyIndexes = plans.flatMap((p, i) => (p.options.type === "money" ? [i] : []));
  }

  /** The values in config order, or null when the row needs the straightforward reading. */
  read(view: RecordView): Value[] | null {
    const columns = this.columns;
    const values = this.reused ?? new Array<Value>(columns.length);
    this.deferred = undefined;
    this.generation++;
    this.leftLazy = false;
    this.view = view;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as ColumnReader;
      if (column.skip) {
        values[i] = null;
        continue;
      }
      if (column.lazy && column.field >= 0) {
        this.leftLazy = true;
        values[i] = EMPTY_SLOT; // valueAt asks value()
        continue;
      }
      if (column.lazyWhenFilled && column.field >= 0 && view.escaped[column.field] === 0 && hasVisibleAscii(view.buf, view.starts[column.field] as number, view.ends[column.field] as number)) {
        this.leftLazy = true;
        values[i] = EMPTY_SLOT;
        continue;
      }
      if (column.defer && column.field >= 0 && view.escaped[column.field] === 0) {
        const start = view.starts[column.field] as number;
        const end = view.ends[column.field] as number;
        if (scanPlain(view.buf, start, end, false) && plainDigits <= SAFE_DIGITS && plainUnits !== 0) {
          const slot = this.deferredSlot;
          slot.index = i;
          slot.units = plainUnits;
          slot.scale = plainScale;
          this.deferred = slot;
          values[i] = EMPTY_SLOT; // valueAt builds it
          continue;
        }
      }
      let result = column.field < 0 ? column.whenEmpty : this.cell(view, column);
      if (!result.ok) return null;
      if (result.value === null) {
        result = column.whenEmpty;
        if (!result.ok || (result.value === null && column.plan.required)) return null;
      }
      values[i] = result.value;
    }
    if (this.currencyIndex >= 0 && currencyToConvert(values[this.currencyIndex], this.ctx.currency) !== null) {
      if (this.deferred !== undefined) {
        values[this.deferred.index] = decFromUnits(this.deferred.units, this.deferred.scale); // converted below: build it now
        this.deferred = undefined;
      }
      if (convertCurrency(values, this.currencyIndex, this.moneyIndexes, this.ctx) !== null) return null;
    }
    return values;
  }

  /** A lazy text value of the latest row. */
  value(index: number, generation: number): Value {
    const column = this.columns[index];
    if (generation !== this.generation || this.view === null || column === undefined) throw new Error("internal: a lazily read value was asked for after its row was gone");
    const result = this.cell(this.view, column);
    const value = result.ok ? result.value : null;
    return value ?? (column.whenEmpty.ok ? column.whenEmpty.value : null);
  }

  /** `yyyy-mm-dd` at `start` as the date coerceText reads it, or undefined for anything else (an impossible date included). */
  private isoDate(buf: Buffer, start: number): CoerceResult | undefined {
    if (buf[start + 4] !== MINUS || buf[start + 7] !== MINUS) return undefined;
    const year = digitsAt(buf, start, 4);
    const month = digitsAt(buf, start + 5, 2);
    const day = digitsAt(buf, start + 8, 2);
    if (year < 0 || month < 0 || day < 0) return undefined;
    // a slot per year, month and day of ISO_FIRST_YEAR..: no hashing; other years are read the usual way
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const slot = (year - ISO_FIRST_YEAR) * 372 + (month - 1) * 31 + (day - 1);
    if (slot < 0 || slot >= ISO_SLOTS) return undefined;
    let known = this.isoDates[slot];
    if (known === undefined) {
      if (!isValidYMD(year, month, day)) return undefined; // coerceText words the problem
      known = { ok: true, value: new CalendarDate(dayFromYMD(year, month, day), null) };
      this.isoDates[slot] = known;
    }
    return known;
  }

  private cell(view: RecordView, column: ColumnReader): CoerceResult {
    const buf = view.buf;
    const start = view.starts[column.field] as number;
    const end = view.ends[column.field] as number;
    if (view.escaped[column.field] === 1) return coerceText(view.text(column.field), column.plan.options);
    // filled text nobody reads: valid whatever it says (trimming leaves a visible character)
    if (column.checkOnly && column.textByBytes && hasVisibleAscii(buf, start, end)) return UNREAD;
    if (column.isoDate && end - start === 10) {
      const date = this.isoDate(buf, start);
      if (date !== undefined) return date;
    }
    if (column.numeric) {
      if (column.checkOnly) {
        if (scanPlain(buf, start, end, column.integer)) return UNREAD;
      } else {
        const plain = plainDecimal(buf, start, end, column.integer);
        if (plain !== null) return { ok: true, value: plain };
      }
    }
    const known = column.memo.get(buf, start, end);
    if (known !== undefined) return known;
    const result = coerceText(buf.toString("utf8", start, end), column.plan.options);
    column.memo.set(buf, start, end, result);
    return result;
  }
}

/** The number written by `count` ASCII digits at `start`, or -1. */
function digitsAt(buf: Buffer, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const b = buf[i] as number;
    if (b < ZERO_DIGIT || b > NINE_DIGIT) return -1;
    value = value * 10 + (b - ZERO_DIGIT);
  }
  return value;
}

/** Whether the bytes hold a printable ASCII character other than the space: then the text is not blank once trimmed. */
function hasVisibleAscii(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i] as number;
    if (b > 0x20 && b < 0x7f) return true;
  }
  return false;
}

/** What scanPlain found: the number's digits (no sign), its scale, and whether every digit is 0. */
let plainDigits = 0;
let plainScale = 0;
let plainUnits = 0;

/** `-?digits(.digits)?` with at most PLAIN_DIGITS digits (the shape whose Dec parseDecimal builds from the text as is). */
function scanPlain(buf: Buffer, start: number, end: number, integer: boolean): boolean {
  let i = start;
  const negative = i < end && buf[i] === MINUS;
  if (negative) i++;
  let digits = 0;
  let units = 0;
  let dot = -1;
  for (; i < end; i++) {
    const b = buf[i] as number;
    if (b >= ZERO_DIGIT && b <= NINE_DIGIT) {
      digits++;
      units = units * 10 + (b - ZERO_DIGIT);
    } else if (b === DOT && dot < 0 && !integer && digits > 0) dot = i;
    else return false;
  }
  if (digits === 0 || digits > PLAIN_DIGITS || dot === end - 1) return false;
  plainDigits = digits;
  plainScale = dot < 0 ? 0 : end - dot - 1;
  plainUnits = negative ? -units : units;
  return true;
}

/** The Dec parseDecimal gives for a plain decimal (ZERO for every zero); null for any other text. */
export function plainDecimal(buf: Buffer, start: number, end: number, integer: boolean): Dec | null {
  if (!scanPlain(buf, start, end, integer)) return null;
  return plainUnits === 0 ? ZERO : new Dec(buf.toString("latin1", start, end));
}
