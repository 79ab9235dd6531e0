/**
 * RFC 4180 records straight from bytes, for UTF-8 (or ASCII) text with a
 * one-byte delimiter: the fields of a record are byte ranges into the
 * buffer, decoded only when someone asks. The same dialect readCsvRows
 * gives through csv-parse: CRLF, LF and a lone CR end a record; `""` inside
 * a quoted field is one quote; an empty line is a record of one empty field;
 * fields may vary in number.
 *
 * Anything else — a quote inside an unquoted field, text after a closing
 * quote, a quote never closed — is not guessed at here: the scanner says
 * `irregular` and the caller reads the source the straightforward way, whose
 * messages name the line.
 */

export const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The fields of the record being handed over; valid only during the callback. */
export class RecordView {
  buf: Buffer = Buffer.alloc(0);
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 when the field was quoted and holds a doubled quote (its bytes need unescaping) */
  escaped = new Uint8Array(64);
  /** physical line where the record starts, and where it ends (later when a quoted field holds line breaks) */
  row = 0;
  lastLine = 0;
  /** the line where the record after the last one handed over starts */
  nextLine = 1;
  /** file offset of buf[0], and the buffer offset just after the record (its line break included) */
  base = 0;
  end = 0;

  /** The field's text as csv-parse would give it. */
  text(field: number): string {
    const text = this.buf.toString("utf8", this.starts[field], this.ends[field]);
    return this.escaped[field] === 1 ? text.replaceAll('""', '"') : text;
  }

  cells(): string[] {
    const cells = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) cells[i] = this.text(i);
    return cells;
  }

  push(start: number, end: number, escaped: boolean): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped ? 1 : 0;
    this.count++;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const escaped = new Uint8Array(size);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }
}

export type ScanStop = "irregular";

/**
 * Splits `buf[from, to)` into records, calling `onRecord` for each complete
 * one. Returns the offset where the first incomplete record starts (to read
 * more and call again from there), or `"irregular"`. With `final`, the end of
 * the buffer ends the last record (an empty remainder is no record).
 * `line` is the physical line of the record at `from`; the view carries on
 * from it.
 */
export function scanRecords(view: RecordView, buf: Buffer, from: number, to: number, final: boolean, delimiter: number, line: number, onRecord: (view: RecordView) => void): number | ScanStop {
  view.buf = buf;
  view.nextLine = line;
  const special = Math.max(delimiter, QUOTE, LF, CR); // every byte that means something is at most this
  let pos = from;
  let nextLine = line;
  while (pos < to) {
    view.count = 0;
    view.row = nextLine;
    let breaks = 0;
    let i = pos;
    let complete = false;
    for (;;) {
      // one field, starting at i
      if (i < to && buf[i] === QUOTE) {
        let j = i + 1;
        let escaped = false;
        for (;;) {
          const q = buf.indexOf(QUOTE, j);
          if (q < 0 || q >= to) {
            if (final) return "irregular"; // a quote never closed
            return pos;
          }
          for (let k = j; k < q; k++) {
            const b = buf[k];
            if (b === LF) breaks++;
            else if (b === CR && buf[k + 1] !== LF) breaks++;
          }
          if (q + 1 >= to && !final) return pos; // is it "" or the end of the field? need the next byte
          if (buf[q + 1] === QUOTE) {
            escaped = true;
            j = q + 2;
            continue;
          }
          view.push(i + 1, q, escaped);
          i = q + 1;
          break;
        }
        if (i >= to) {
          if (!final) return pos;
          complete = true;
          i = to;
          break;
        }
        const b = buf[i];
        if (b === delimiter) {
          i++;
          continue;
        }
        if (b === LF) {
          i++;
          complete = true;
          break;
        }
        if (b === CR) {
          if (i + 1 >= to && !final) return pos;
          i += buf[i + 1] === LF ? 2 : 1;
          complete = true;
          break;
        }
        return "irregular"; // text after a closing quote
      }
      const start = i;
      let b = 0;
      while (i < to) {
        b = buf[i] as number;
        if (b > special) {
          i++; // letters and digits: nothing to look at (one comparison for most bytes)
          continue;
        }
        if (b === delimiter || b === LF || b === CR) break;
        if (b === QUOTE) return "irregular"; // a quote inside an unquoted field
        i++;
      }
      if (i >= to) {
        if (!final) return pos;
        view.push(start, i, false);
        complete = true;
        break;
      }
      view.push(start, i, false);
      if (b === delimiter) {
        i++;
        continue;
      }
      if (b === LF) {
        i++;
      } else {
        if (i + 1 >= to && !final) return pos;
        i += buf[i + 1] === LF ? 2 : 1;
      }
      complete = true;
      break;
    }
    if (!complete) return pos;
    view.lastLine = nextLine + breaks;
    nextLine = view.lastLine + 1;
    view.nextLine = nextLine;
    view.end = i;
    pos = i;
    onRecord(view);
  }
  return pos;
}
