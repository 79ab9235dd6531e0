import type { XlsxCell } from "./coerce.js";

/** A row as a reader yields it: cells in file order, and the 1-based line (CSV) or sheet row (xlsx) where it starts. */
export interface RawRow {
  row: number;
  cells: readonly RawCell[];
}

export type RawCell = string | XlsxCell;

/** The text of a raw cell, as it would be shown in a message or compared for duplicates. */
export function rawText(cell: RawCell | undefined): string {
  if (cell === undefined) return "";
  if (typeof cell === "string") return cell;
  switch (cell.kind) {
    case "empty":
      return "";
    case "text":
    case "error":
      return cell.text;
    case "number":
      return String(cell.value);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "date":
      return `${cell.year}-${String(cell.month).padStart(2, "0")}-${String(cell.day).padStart(2, "0")}`;
  }
}
