/**
 * A per_record component: one line per record of the source that is dated in
 * the period, passes `where` and belongs to the rep — `rate` × value (the
 * `value` expression, or the source's money column) or a fixed `amount`.
 */
import type { ComponentConfig, Config } from "../config/schema.js";
import { CalendarDate } from "../dates/calendarDate.js";
import { isTrue } from "../expr/isTrue.js";
import type { SourceData } from "../ingest/sourceData.js";
import { Dec, isDec } from "../money.js";
import { compileForRecords } from "../engine/compileForRecords.js";
import { periodEnd, periodStart } from "../engine/period.js";
import type { EngineResult } from "../engine/runResult.js";

export interface RecordPay {
  /** the record's key (or file:row when the source has none) */
  label: string;
  value: Dec | null;
  rate: Dec | null;
  /** unrounded */
  amount: Dec;
  note: string;
}

/** rep id -> the lines the component pays that rep, in file order */
export type PerRecordIndex = Map<string, RecordPay[]>;

export function perRecordIndex(component: Extract<ComponentConfig, { type: "per_record" }>, config: Config, sources: ReadonlyMap<string, SourceData>, engine: EngineResult): PerRecordIndex {
  const index: PerRecordIndex = new Map();
  const source = sources.get(component.source);
  const attribution = engine.attribution.get(component.source);
  if (!source || !attribution) return index;
  const spec = config.sources[component.source];
  const dateAt = source.columns.indexOf(component.date);
  const keyAt = spec?.key === undefined ? -1 : source.columns.indexOf(spec.key);
  const moneyColumn = source.columns.find((c) => spec?.columns[c]?.type === "money");
  const where = component.where === undefined ? null : compileForRecords(component.where, source.columns);
  const value = component.value !== undefined ? compileForRecords(component.value, source.columns) : moneyColumn !== undefined ? compileForRecords(moneyColumn, source.columns) : null;
  const rate = component.rate === undefined ? null : new Dec(String(component.rate));
  const fixed = component.amount === undefined ? null : new Dec(String(component.amount));
  const first = periodStart(engine.period);
  const last = periodEnd(engine.period);
  source.records.forEach((record, i) => {
    const rep = attribution.repOf[i];
    const date = record.values[dateAt];
    if (!rep || !(date instanceof CalendarDate) || date.day < first || date.day > last) return;
    if (where && !isTrue(where(record))) return;
    const raw = value ? value(record) : null;
    const v = isDec(raw) ? raw : null;
    const label = keyAt >= 0 ? String(record.values[keyAt] ?? "") : `${source.files[record.file] ?? ""}:${record.row}`;
    let pay: RecordPay;
    if (fixed !== null) pay = { label, value: v, rate: null, amount: fixed, note: `${fixed.toString()} per record` };
    else if (rate !== null && v !== null) pay = { label, value: v, rate, amount: v.times(rate), note: `${rate.times(100).toString()}% of the record's value` };
    else pay = { label, value: null, rate, amount: new Dec(0), note: "the record has no value to pay on" };
    const list = index.get(rep.id);
    if (list) list.push(pay);
    else index.set(rep.id, [pay]);
  });
  return index;
}
