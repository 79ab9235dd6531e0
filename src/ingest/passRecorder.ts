/**
 * What one pass over a source says about its rows: the count read, rejected
 * and dropped as duplicates, and an anomaly for each such row and for the
 * rows skipped around the data (a title, a footer, merged cells). The same
 * recorder serves a whole source on one thread or one part of a file on
 * another.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { SourceConfig } from "../config/schema.js";
import type { Pass } from "./readSource.js";
import { footerAnomaly, preambleAnomaly } from "./skippedRows.js";

const PROGRESS_EVERY = 20_000;

export class PassRecorder {
  read = 0;
  rejected = 0;
  duplicates = 0;
  /**
   * Rejected records whose message names their lines (a record over several
   * lines that does not have the header's shape: csvShapeProblem). A part of
   * a file read elsewhere numbers its rows from its own start, so it cannot
   * hand such a message on (readFileInParts).
   */
  rejectedNamingLines = 0;
  readonly anomalies: Anomaly[] = [];
  readonly pass: Pass;

  constructor(name: string, config: SourceConfig, progress?: ((source: string, rowsRead: number) => void) | undefined) {
    const anomalies = this.anomalies;
    this.pass = {
      exclude: null,
      onRead: () => {
        this.read++;
        if (progress && this.read % PROGRESS_EVERY === 0) progress(name, this.read);
      },
      onRejected: (file, row, rep, problems) => {
        this.rejected++;
        if (problems.some((p) => p.namesLines === true)) this.rejectedNamingLines++;
        const first = problems[0];
        anomalies.push(anomaly({ severity: "error", code: "rejected_row", source: name, file: file.display, row: row.row, column: first?.column ?? null, value: first?.value ?? null, rep, message: problems.map((p) => p.message).join("; ") }));
      },
      onMerged: (file, ranges, columns) => {
        for (const range of ranges) {
          const money = columns.slice(range.firstColumn - 1, range.lastColumn).filter((c) => c.money).map((c) => c.header);
          if (money.length === 0) continue;
          anomalies.push(anomaly({ severity: "warning", code: "merged_cells", source: name, file: file.display, row: range.firstRow, column: money.join(", "), value: range.ref, message: `cells ${range.ref} are merged over ${money.join(", ")}: only row ${range.firstRow} holds the value, which is counted once; rows ${range.firstRow + 1}–${range.lastRow} read as empty there` }));
        }
      },
      onDuplicate: (file, row, key, rep) => {
        this.duplicates++;
        anomalies.push(anomaly({ severity: "warning", code: "duplicate", source: name, file: file.display, row: row.row, column: config.key ?? null, value: key, rep, message: `an exact copy of an earlier row with ${config.key} "${key}"; dropped` }));
      },
      onPreamble: (file, preamble) => anomalies.push(preambleAnomaly(name, file.display, preamble)),
      onFooter: (file, rows) => anomalies.push(footerAnomaly(name, file.display, rows)),
      onPart: (part) => this.absorb(part),
    };
  }

  /** Counts and anomalies of a part read elsewhere (the rows after those recorded so far). */
  absorb(part: { read: number; rejected: number; duplicates: number; anomalies: readonly Anomaly[] }): void {
    this.read += part.read;
    this.rejected += part.rejected;
    this.duplicates += part.duplicates;
    this.anomalies.push(...part.anomalies);
  }
}
