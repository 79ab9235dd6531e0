/** Semantic rules about sources: the roster, the targets file, keys and matching columns. */
import type { SemanticCheck } from "./checkContext.js";
import { didYouMean } from "../util/nearest.js";
import { ROSTER, TARGETS, columnsOf } from "./scopes.js";

const DATE_TYPES = new Set(["date", "datetime"]);

export const checkSources: SemanticCheck = (ctx) => {
  const { sources } = ctx.config;
  if (!sources[ROSTER]) ctx.report(["sources"], `the sources need a "roster": the people who are scored`, { expected: "sources.roster with at least a rep column" });
  for (const [name, source] of Object.entries(sources)) {
    const columns = columnsOf(ctx.config, name);
    if (source.key !== undefined && !columns.has(source.key)) {
      ctx.report(["sources", name, "key"], `key "${source.key}" is not a column of source "${name}"${didYouMean(source.key, columns)}`, { expected: [...columns].join(", ") });
    }
    if (source.match !== undefined && name !== ROSTER) ctx.report(["sources", name, "match"], `"match" belongs to the roster only`, { key: true });
    for (const [column, spec] of Object.entries(source.columns)) {
      if (spec.format !== undefined && !DATE_TYPES.has(spec.type)) {
        ctx.report(["sources", name, "columns", column, "format"], `"format" applies to date and datetime columns; "${column}" is ${spec.type}`, { key: true });
      }
    }
  }
  const roster = sources[ROSTER];
  if (roster) {
    const columns = columnsOf(ctx.config, ROSTER);
    if (!columns.has("rep")) ctx.report(["sources", ROSTER, "columns"], `the roster needs a "rep" column (the rep's id)`);
    for (const [index, column] of (roster.match ?? []).entries()) {
      if (!columns.has(column)) ctx.report(["sources", ROSTER, "match", index], `"${column}" is not a roster column${didYouMean(column, columns)}`);
    }
    for (const column of ["hired", "left"]) {
      const spec = roster.columns[column];
      if (spec && !DATE_TYPES.has(spec.type)) ctx.report(["sources", ROSTER, "columns", column], `roster column "${column}" must have type: date`);
    }
  }
  if (sources[TARGETS]) {
    const columns = columnsOf(ctx.config, TARGETS);
    for (const required of ["rep", "metric", "period", "target"]) {
      if (!columns.has(required)) ctx.report(["sources", TARGETS, "columns"], `the targets source needs a "${required}" column`, { expected: "columns rep, metric, period, target" });
    }
  }
};
