/**
 * The roster as reps: who they are, their attributes, and who is employed in
 * a period. Pure: built from the roster source's records.
 */
import { CalendarDate, type Day } from "../dates/calendarDate.js";
import type { Value } from "../expr/value.js";
import type { SourceData } from "../ingest/sourceData.js";
import { employedDays, type Period } from "./period.js";

export interface Rep {
  id: string;
  name: string | null;
  team: string | null;
  region: string | null;
  role: string | null;
  hired: Day | null;
  left: Day | null;
  /** every roster column by its config name (for applies_to and within) */
  attributes: ReadonlyMap<string, Value>;
}

export function buildRoster(roster: SourceData): Rep[] {
  const at = (name: string) => roster.columns.indexOf(name);
  const text = (values: Value[], index: number): string | null => {
    const v = index >= 0 ? values[index] : null;
    return v === null || v === undefined ? null : String(v);
  };
  const day = (values: Value[], index: number): Day | null => {
    const v = index >= 0 ? values[index] : null;
    return v instanceof CalendarDate ? v.day : null;
  };
  const idx = { rep: at("rep"), name: at("name"), team: at("team"), region: at("region"), role: at("role"), hired: at("hired"), left: at("left") };
  return roster.records.map((record) => ({
    id: text(record.values, idx.rep) ?? "",
    name: text(record.values, idx.name),
    team: text(record.values, idx.team),
    region: text(record.values, idx.region),
    role: text(record.values, idx.role),
    hired: day(record.values, idx.hired),
    left: day(record.values, idx.left),
    attributes: new Map(roster.columns.map((column, i) => [column, record.values[i] ?? null])),
  }));
}

/** Employed on at least one day of the period. */
export function isEmployedIn(rep: Rep, period: Period): boolean {
  return employedDays(period, rep.hired, rep.left) > 0;
}
