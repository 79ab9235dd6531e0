/**
 * A CSV file as a stream of records of text cells, each with the physical
 * lines where it starts and ends. Decodes any supported encoding strictly,
 * detects the delimiter, skips a BOM and a `sep=` hint line, and turns
 * structural damage (an unterminated quote, a record over the size limit,
 * bytes that are not text in the encoding) into an InputError naming the
 * line: a damaged file is never read as a plausible prefix.
 *
 * Line numbers are counted here, not taken from csv-parse (which counts a
 * CRLF inside a quoted field as two lines): a record ends one line after the
 * line breaks inside its fields.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Options as CsvOptions } from "csv-parse";
import { InputError } from "../errors.js";
import { MAX_RECORD_CHARS } from "./csvLimits.js";
import { lineBreaks, type CsvRow } from "./csvRowShape.js";
import { detectDelimiter, type Delimiter } from "./detectDelimiter.js";
import { parseRecords } from "./parseRecords.js";
import { bomOf, detectEncoding, type Encoding } from "./detectEncoding.js";
import { sniffNotCsv } from "./sniffNotCsv.js";
import { InvalidTextError, StrictDecoder, decodeSample, encodingLabel, lineAtOffset, loadDecoders } from "./strictDecoder.js";

const SAMPLE_BYTES = 64 * 1024;
export { MAX_RECORD_CHARS };

export interface CsvReadOptions {
  encoding: Encoding | "auto";
  delimiter: Delimiter | "auto";
  /** the record size limit (default MAX_RECORD_CHARS; tests use a small one) */
  maxRecordChars?: number | undefined;
  /** bytes per read (default 1 MiB; tests use tiny ones to cut characters and line breaks between reads) */
  chunkBytes?: number | undefined;
}

/** The options csv-parse is called with: also what the differential test compares against. */
function csvParseOptions(delimiter: Delimiter, maxRecordChars: number): CsvOptions {
  return {
    delimiter,
    info: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true, // a quote inside an unquoted field (=HYPERLINK("x")) is text, as spreadsheets read it
    skip_empty_lines: false,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: maxRecordChars,
  };
}

/** What the first bytes of a CSV file say about reading it. */
export interface CsvDialect {
  encoding: Encoding;
  bomLength: number;
  delimiter: Delimiter;
  /** the first line is a `sep=` hint, not data */
  hintLine: boolean;
}

/** Sniff a file: not a CSV at all (an error), its encoding, BOM and delimiter. */
export async function csvDialect(path: string, displayName: string, options: Pick<CsvReadOptions, "encoding" | "delimiter">): Promise<CsvDialect> {
  const sample = await readSample(path, displayName);
  const notCsv = sniffNotCsv(sample);
  if (notCsv !== null) throw new InputError(`is ${notCsv}`, displayName);
  const { encoding, bomLength } = detectEncoding(sample, options.encoding);
  checkBom(sample, options.encoding, displayName);
  await loadDecoders(encoding);
  const { delimiter, hintLine } = detectDelimiter(decodeSample(sample.subarray(bomLength), encoding), options.delimiter);
  return { encoding, bomLength, delimiter, hintLine };
}

export async function* readCsvRows(path: string, displayName: string, options: CsvReadOptions): AsyncGenerator<CsvRow> {
  const { encoding, bomLength, delimiter, hintLine } = await csvDialect(path, displayName, options);
  const limit = options.maxRecordChars ?? MAX_RECORD_CHARS;

  // csv-parse is loaded only when a file is read through it (most UTF-8 files go to the byte scanner)
  const { parse } = await import("csv-parse");
  const input = createReadStream(path, { start: bomLength, highWaterMark: options.chunkBytes ?? 1024 * 1024 });
  const decoder = new StrictDecoder(encoding);
  const parser = parse(csvParseOptions(delimiter, limit));
  input.on("error", (error) => decoder.destroy(error));
  input.pipe(decoder);

  let nextLine = 1; // the physical line where the next record starts
  let parsedLines = 0; // csv-parse's own count, only to see that a record spans one line
  try {
    for await (const { record, info } of parseRecords(decoder, parser)) {
      const row = nextLine;
      const span = info.lines - parsedLines === 1 ? 0 : record.reduce((n, cell) => n + lineBreaks(cell), 0);
      parsedLines = info.lines;
      nextLine = row + span + 1;
      if (hintLine && row === 1) continue;
      yield { row, lastLine: row + span, cells: record };
    }
  } catch (error) {
    throw await toInputError(error, { path, file: displayName, recordStart: nextLine, bomLength, encoding, declared: options.encoding !== "auto", limit });
  } finally {
    input.destroy();
    decoder.destroy();
    parser.destroy();
  }
}

async function readSample(path: string, displayName: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "file not found" : `cannot open: ${(error as Error).message}`, displayName);
  }
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A BOM that contradicts the declared encoding: the file says what it is, and reading it otherwise garbles the first header. */
function checkBom(sample: Uint8Array, declared: Encoding | "auto", file: string): void {
  const bom = bomOf(sample);
  if (declared === "auto" || bom === null || bom.encoding === declared) return;
  throw new InputError(`starts with a ${encodingLabel(bom.encoding)} byte order mark, but the source's encoding is ${declared}; set encoding to ${bom.encoding} or auto`, file);
}

interface ErrorContext {
  path: string;
  file: string;
  recordStart: number;
  bomLength: number;
  encoding: Encoding;
  declared: boolean;
  limit: number;
}

async function toInputError(error: unknown, ctx: ErrorContext): Promise<InputError> {
  if (error instanceof InputError) return error;
  const { file, recordStart } = ctx;
  if (error instanceof InvalidTextError) {
    const line = await lineAtOffset(ctx.path, ctx.bomLength, error.offset, ctx.encoding);
    const bytes = error.bytes.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
    const fix = ctx.declared ? "check the source's encoding" : "set the source's encoding (gbk, gb18030, utf-16le or latin1)";
    return new InputError(`is not valid ${encodingLabel(ctx.encoding)} at line ${line} (bytes ${bytes || "missing"} at offset ${ctx.bomLength + error.offset}); ${fix}`, file);
  }
  const code = (error as { code?: string }).code ?? "";
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new InputError("a quoted field opened here is never closed, so the rest of the file cannot be split into rows; close the quote or double it (\"\") inside the field", file, recordStart);
    case "CSV_INVALID_CLOSING_QUOTE":
      return new InputError("a closing quote is followed by other text; a quote inside a quoted field must be doubled (\"\")", file, recordStart);
    case "CSV_MAX_RECORD_SIZE":
      return new InputError(`a record is longer than the limit of ${ctx.limit} bytes (often a quote that is never closed); the limit protects memory`, file, recordStart);
    default:
      return new InputError(`cannot read as CSV: ${(error as Error).message}`, file, recordStart);
  }
}
