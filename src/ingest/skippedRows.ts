/**
 * The anomalies that say which rows were skipped as not being data: a
 * report's title above the header, and its footer after the last data row.
 * Neither is counted as read; the message says so, so the row accounting
 * (read = accepted + rejected + duplicates) still adds up in the reader's eyes.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import { footerText } from "./footerGuard.js";
import type { Preamble } from "./headerFinder.js";
import type { RawRow } from "./rawRow.js";

export function footerAnomaly(source: string, file: string, rows: readonly RawRow[]): Anomaly {
  const first = rows[0];
  const text = first ? footerText(first) : "";
  const which = rows.length === 1 ? `row ${rowList(rows.map((r) => r.row))}` : `rows ${rowList(rows.map((r) => r.row))}`;
  return anomaly({
    severity: "info",
    code: "footer",
    source,
    file,
    row: first?.row ?? null,
    value: clip(text, 200),
    message: `${which} after the last data row ${rows.length === 1 ? "is" : "are"} a report footer ("${clip(text, 60)}"${rows.length > 1 ? ", …" : ""}: one cell each, after a blank row) and ${rows.length === 1 ? "was" : "were"} skipped; not counted as read`,
  });
}

export function preambleAnomaly(source: string, file: string, preamble: Preamble): Anomaly {
  const which = preamble.rows.length === 1 ? `row ${rowList(preamble.rows)}` : `rows ${rowList(preamble.rows)}`;
  return anomaly({
    severity: "info",
    code: "preamble",
    source,
    file,
    row: preamble.header,
    value: clip(preamble.text, 200),
    message: `the header is on row ${preamble.header}: it is the first row holding every mapped column; ${which} above it ("${clip(preamble.text, 60)}") ${preamble.rows.length === 1 ? "was" : "were"} skipped; not counted as read (set header_row to choose another row)`,
  });
}

/** 1, 3-5, 9: consecutive rows as ranges. */
export function rowList(rows: readonly number[]): string {
  const parts: string[] = [];
  let start = rows[0];
  let end = start;
  for (const row of [...rows.slice(1), Number.NaN]) {
    if (end !== undefined && row === end + 1) {
      end = row;
      continue;
    }
    if (start !== undefined && end !== undefined) parts.push(start === end ? `${start}` : `${start}-${end}`);
    start = row;
    end = row;
  }
  return parts.join(", ");
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
