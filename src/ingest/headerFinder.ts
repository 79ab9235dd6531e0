/**
 * Which row of a file holds its header. With `header_row`: that row (the
 * first one at or after it). Otherwise the first row, among the first 100
 * non-blank ones, that holds every mapped column without a default: report
 * exports (Salesforce) put a title, filter lines and blank lines above the
 * header. When no row does, the row holding the most of them (the first
 * non-blank row when none holds any) is taken as the header and its missing
 * column is the error, so a typo in a header below a title is named with
 * its nearest header. Rows skipped above a header are remembered so the
 * caller can report them.
 */
import { InputError } from "../errors.js";
import { mapHeader, normaliseHeader, type MappedColumn } from "./mapHeader.js";
import { rawText, type RawRow } from "./rawRow.js";

export const HEADER_SEARCH_ROWS = 100;

export interface HeaderColumn {
  name: string;
  from: string;
  hasDefault: boolean;
}

/** Non-blank rows skipped above the header: how many, which, and the first one's text. */
export interface Preamble {
  /** the header's row */
  header: number;
  rows: number[];
  text: string;
}

export class HeaderFinder {
  private readonly wanted: string[];
  private firstNonBlank: RawRow | null = null;
  /** the row holding the most wanted columns so far, for the error */
  private nearest: { row: RawRow; hits: number } | null = null;
  private nonBlank = 0;
  private readonly skippedRows: number[] = [];
  private skippedText = "";
  private headerAt: number | null = null;

  constructor(
    private readonly columns: readonly HeaderColumn[],
    private readonly file: string,
    private readonly headerRow: number | undefined,
  ) {
    this.wanted = columns.filter((c) => !c.hasDefault).map((c) => normaliseHeader(c.from));
  }

  /** The mapped columns when `row` is the header; null while still looking. Throws when the search gives up. */
  offer(row: RawRow): MappedColumn[] | null {
    if (this.headerRow !== undefined) return row.row < this.headerRow ? null : this.map(row);
    const texts = row.cells.map((cell) => normaliseHeader(rawText(cell)));
    if (texts.every((t) => t === "")) return null;
    this.nonBlank++;
    this.firstNonBlank ??= row;
    const hits = this.wantedIn(texts);
    if (hits === this.wanted.length) return this.map(row);
    if (hits > (this.nearest?.hits ?? 0)) this.nearest = { row, hits };
    this.skippedRows.push(row.row);
    if (this.skippedText === "") this.skippedText = texts.filter((t) => t !== "").join(" ").slice(0, 80);
    if (this.nonBlank >= HEADER_SEARCH_ROWS) this.giveUp();
    return null;
  }

  /** The end of the file came before a header: the error to throw. */
  failure(): InputError {
    if (this.firstNonBlank !== null && this.headerRow === undefined) {
      try {
        this.giveUp();
      } catch (error) {
        if (error instanceof InputError) return error;
        throw error;
      }
    }
    return new InputError(`has no header row (the file is empty)${this.headerRow === undefined ? "" : ` at or after row ${this.headerRow}`}`, this.file);
  }

  /** Rows skipped above the header, when the header was not the first non-blank row. */
  preamble(): Preamble | null {
    return this.headerAt !== null && this.skippedRows.length > 0 ? { header: this.headerAt, rows: this.skippedRows, text: this.skippedText } : null;
  }

  private map(row: RawRow): MappedColumn[] {
    const mapped = mapHeader(row.cells, this.columns, this.file, row.row);
    this.headerAt = row.row;
    return mapped;
  }

  /** How many of the wanted headers the row holds (exactly, or in another case). */
  private wantedIn(texts: readonly string[]): number {
    if (this.wanted.length === 0) return 0;
    const exact = new Set(texts);
    const folded = new Set(texts.map((t) => t.toLowerCase()));
    return this.wanted.filter((w) => exact.has(w) || folded.has(w.toLowerCase())).length;
  }

  private giveUp(): never {
    const first = this.nearest?.row ?? this.firstNonBlank;
    if (first === null) throw new InputError("has no header row (the file is empty)", this.file);
    const searched = this.nonBlank > 1 ? `; no row among the first ${this.nonBlank} non-blank rows holds every mapped column either` : "";
    mapHeader(first.cells, this.columns, this.file, first.row, searched);
    throw new InputError(`has no header row holding every mapped column${searched}`, this.file, first.row); // not reached: mapHeader throws
  }
}
