/**
 * A per_record component: one line per record of the source that is dated in
 * the period, passes `where` and belongs to the rep — `rate` × value (the
 * `value` expression, or the source's money column) or a fixed `amount`.
 * The candidates were collected while the source was read.
 */
import type { ComponentConfig } from "../config/schema.js";
import { Dec } from "../money.js";
import { periodEnd, periodStart, type Period } from "../engine/period.js";
import { candidateLabel } from "../engine/recordCandidate.js";
import type { SourceAggregates } from "../engine/sourceAggregator.js";

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

export function perRecordIndex(
  component: Extract<ComponentConfig, { type: "per_record" }>,
  key: string,
  aggregates: ReadonlyMap<string, SourceAggregates>,
  period: Period,
): PerRecordIndex {
  const index: PerRecordIndex = new Map();
  const candidates = aggregates.get(component.source)?.perRecord.get(key) ?? [];
  const rate = component.rate === undefined ? null : new Dec(String(component.rate));
  const fixed = component.amount === undefined ? null : new Dec(String(component.amount));
  const first = periodStart(period);
  const last = periodEnd(period);
  for (const record of candidates) {
    if (record.day < first || record.day > last) continue;
    const label = candidateLabel(record);
    let pay: RecordPay;
    if (fixed !== null) pay = { label, value: record.value, rate: null, amount: fixed, note: `${fixed.toString()} per record` };
    else if (rate !== null && record.value !== null) pay = { label, value: record.value, rate, amount: record.value.times(rate), note: `${rate.times(100).toString()}% of the record's value` };
    else pay = { label, value: null, rate, amount: new Dec(0), note: "the record has no value to pay on" };
    const list = index.get(record.rep);
    if (list) list.push(pay);
    else index.set(record.rep, [pay]);
  }
  return index;
}
