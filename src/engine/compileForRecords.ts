/** Compile a checked `where` / `value` expression into a function of a source record. */
import { compileExpression } from "../expr/compileExpression.js";
import { parseExpression } from "../expr/parseExpression.js";
import type { Value } from "../expr/value.js";
import { valueAt, type SourceRecord } from "../ingest/sourceData.js";

export type RecordFn = (record: SourceRecord) => Value;

/** `reads`, when given, collects the indexes of the columns the expression reads. */
export function compileForRecords(text: string, columns: readonly string[], reads?: Set<number>): RecordFn {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`internal: expression "${text}" passed the config checks but does not parse: ${parsed.error.message}`);
  return compileExpression<SourceRecord>(parsed.expr, (ref) => {
    const index = ref.kind === "name" ? columns.indexOf(ref.name) : -1;
    if (index < 0) return () => null;
    reads?.add(index);
    return (record) => valueAt(record, index);
  });
}
