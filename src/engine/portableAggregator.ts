/**
 * A SourceAggregator that can be built again on a reader thread (see
 * ingest/parallel): everything it is made from, as plain data, and the
 * module function that builds it there.
 */
import type { Config } from "../config/schema.js";
import type { PortableSink, BuiltSink } from "../ingest/parallel/filePart.js";
import { absorbPacked, packAggregates, type PackedAggregates } from "./aggregatesTransfer.js";
import { RepMatcher } from "./repMatcher.js";
import type { Rep } from "./roster.js";
import type { MonthKey } from "./monthKeys.js";
import { SourceAggregator } from "./sourceAggregator.js";
import { PORTABLE_AGGREGATOR_MODULE } from "./portableAggregatorModule.js";

interface AggregatorSpec {
  source: string;
  columns: string[];
  files: string[];
  config: Config;
  /** roster reps, their match columns as text (what RepMatcher compares) */
  reps: Rep[];
  matchColumns: string[];
  keepMonths: MonthKey[] | null;
}

/** The aggregator, with what a reader thread needs to build one like it and hand back what it gathered. */
export function portableAggregator(source: string, columns: readonly string[], files: readonly string[], config: Config, reps: readonly Rep[], matchColumns: readonly string[], keepMonths: ReadonlySet<MonthKey> | null): SourceAggregator {
  const aggregator = new SourceAggregator(source, columns, files, config, new RepMatcher(reps, matchColumns), keepMonths);
  const spec: AggregatorSpec = {
    source, columns: [...columns], files: [...files], config, matchColumns: [...matchColumns], keepMonths: keepMonths === null ? null : [...keepMonths],
    reps: reps.map((rep) => ({ ...rep, attributes: new Map(matchColumns.map((c) => [c, textOf(rep.attributes.get(c))])) })),
  };
  const portable: PortableSink = {
    module: PORTABLE_AGGREGATOR_MODULE,
    spec,
    absorb: (packed, lineShift) => absorbPacked(aggregator.result(), packed as PackedAggregates, lineShift),
    // a part packs every month it keeps, for every rep: the more months, the fewer parts are worth it (every month, when
    // the period is not known before reading: one part per thread)
    partScale: keepMonths === null ? Number.POSITIVE_INFINITY : Math.max(2, keepMonths.size) / 2,
  };
  aggregator.portable = portable;
  return aggregator;
}

export function buildPortableSink(raw: unknown): BuiltSink {
  const spec = raw as AggregatorSpec;
  const matcher = new RepMatcher(spec.reps, spec.matchColumns);
  const aggregator = new SourceAggregator(spec.source, spec.columns, spec.files, spec.config, matcher, spec.keepMonths === null ? null : new Set(spec.keepMonths));
  return { sink: aggregator, pack: () => packAggregates(aggregator.result()) };
}

function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
