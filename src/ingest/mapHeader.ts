/**
 * Find each mapped column in a file's header row. Header names are compared
 * after removing invisible characters (zero-width spaces, a stray BOM, soft
 * hyphens), reading any Unicode space as a plain space, NFC and trimming; a
 * case-insensitive match is accepted when it is unique. A mapped header that
 * appears twice is an error (never last-wins), and so is a missing one
 * without a default. Columns are found by index, never by building an object
 * keyed by header text, so `__proto__` or `constructor` are ordinary names.
 */
import { InputError } from "../errors.js";
import { didYouMean } from "../util/nearest.js";
import { rawText, type RawCell } from "./rawRow.js";
import { trimText } from "./trimText.js";

export interface MappedColumn {
  name: string;
  /** the header it was read from (for messages) */
  header: string;
  /** index of the cell in the row, or -1 when the column takes its default */
  index: number;
}

const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;
const SPACE = /[^\S\t\n\v\f\r ]/g; // NBSP, U+3000 and the other Unicode spaces

export function normaliseHeader(text: string): string {
  return trimText(text.replace(INVISIBLE, "").normalize("NFC").replace(SPACE, " "));
}

export function mapHeader(
  headerCells: readonly RawCell[],
  columns: readonly { name: string; from: string; hasDefault: boolean }[],
  file: string,
  headerRow: number,
  /** appended to the message of a missing column */
  note = "",
): MappedColumn[] {
  const headers = headerCells.map((cell) => normaliseHeader(rawText(cell)));
  return columns.map(({ name, from, hasDefault }) => {
    const wanted = normaliseHeader(from);
    let hits = indexesWhere(headers, (h) => h === wanted);
    if (hits.length === 0) hits = indexesWhere(headers, (h) => h.toLowerCase() === wanted.toLowerCase());
    if (hits.length > 1) {
      throw new InputError(`header "${from}" appears ${hits.length} times (columns ${hits.map((i) => i + 1).join(", ")}); rename one so column "${name}" is unambiguous`, file, headerRow, from);
    }
    const index = hits[0];
    if (index === undefined) {
      if (hasDefault) return { name, header: from, index: -1 };
      const present = headers.filter((h) => h !== "");
      throw new InputError(
        `has no column "${from}" (mapped to "${name}")${didYouMean(from, present)}; the header row has: ${present.slice(0, 30).map((h) => `"${clip(h)}"`).join(", ")}${note}`,
        file,
        headerRow,
        from,
      );
    }
    return { name, header: headers[index] ?? from, index };
  });
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function indexesWhere(list: readonly string[], test: (item: string) => boolean): number[] {
  const out: number[] = [];
  list.forEach((item, i) => test(item) && out.push(i));
  return out;
}
