/**
 * One data row -> a record's values in config column order, or the reasons it
 * is rejected (every bad cell of the row, the first one leading).
 */
import type { SourceConfig } from "../config/schema.js";
import type { Value } from "../expr/value.js";
import { coerceCell, coerceText, type CoerceOptions, type CoerceResult } from "./coerce.js";
import { convertCurrency } from "./convertCurrency.js";
import type { MappedColumn } from "./mapHeader.js";
import { rawText, type RawCell, type RawRow } from "./rawRow.js";
import type { ReadSourceContext } from "./readSource.js";

export interface ColumnPlan {
  name: string;
  from: string;
  options: CoerceOptions;
  defaultValue: string | undefined;
  required: boolean;
}

export interface RowProblem {
  column: string | null;
  value: string | null;
  message: string;
  /** the message names the physical lines of a record that runs over several (see csvShapeProblem) */
  namesLines?: boolean;
}

export type CoercedRow = { ok: true; values: Value[]; raws: string[] } | { ok: false; problems: RowProblem[] };

export function planColumns(config: SourceConfig, required: ReadonlySet<string>): ColumnPlan[] {
  return Object.keys(config.columns).map((column) => {
    const spec = config.columns[column] ?? { type: "string" as const };
    const options: CoerceOptions = { type: spec.type, ...(spec.format ? { format: spec.format } : {}), ...(spec.decimal ? { decimal: spec.decimal } : {}), nullValues: config.null_values ?? [] };
    return { name: column, from: spec.from ?? column, options, defaultValue: spec.default === undefined ? undefined : String(spec.default), required: spec.required ?? required.has(column) };
  });
}

/** `date1904`: the workbook counts serial dates from 1904 (an xlsx setting; false for CSV). */
export function coerceRow(row: RawRow, plans: readonly ColumnPlan[], mapped: readonly MappedColumn[], ctx: Pick<ReadSourceContext, "currency" | "fx">, date1904 = false): CoercedRow {
  const needed = Math.max(...mapped.map((m) => m.index)) + 1;
  if (row.cells.length < needed) {
    return { ok: false, problems: [{ column: null, value: null, message: `the row has ${row.cells.length} fields where the header has at least ${needed}; a field is missing or a quote is misplaced` }] };
  }
  const values: Value[] = new Array<Value>(plans.length);
  const raws: string[] = new Array<string>(plans.length);
  const problems: RowProblem[] = [];
  plans.forEach((plan, i) => {
    const column = mapped[i];
    const cell: RawCell | undefined = column && column.index >= 0 ? row.cells[column.index] : undefined;
    const raw = rawText(cell);
    raws[i] = raw;
    let result: CoerceResult = cell === undefined || typeof cell === "string" ? coerceText(cell ?? "", plan.options) : coerceCell(cell, plan.options, date1904);
    if (result.ok && result.value === null && plan.defaultValue !== undefined) result = coerceText(plan.defaultValue, plan.options);
    const header = column?.header ?? plan.from;
    if (!result.ok) problems.push({ column: header, value: raw, message: `${header}: "${raw}" is not ${result.expected}` });
    else if (result.value === null && plan.required) problems.push({ column: header, value: raw, message: `${header} is empty but required` });
    else values[i] = result.value;
  });
  if (problems.length > 0) return { ok: false, problems };
  const currencyIndex = plans.findIndex((p) => p.name === "currency");
  if (currencyIndex >= 0) {
    const moneyIndexes = plans.flatMap((p, i) => (p.options.type === "money" ? [i] : []));
    const problem = convertCurrency(values, currencyIndex, moneyIndexes, ctx);
    if (problem) return { ok: false, problems: [{ column: mapped[currencyIndex]?.header ?? "currency", value: raws[currencyIndex] ?? "", message: problem }] };
  }
  return { ok: true, values, raws };
}
