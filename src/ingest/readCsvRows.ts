/**
 * A CSV file as a stream of rows of text cells, each with the physical line
 * where its record starts. Decodes any supported encoding, detects the
 * delimiter, skips a BOM and a `sep=` hint line, and turns structural damage
 * (an unterminated quote, a record over the size limit) into an InputError
 * naming the line: a damaged file is never read as a plausible prefix.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type TransformCallback } from "node:stream";
import { parse, type Options as CsvOptions } from "csv-parse";
import iconv from "iconv-lite";
import { InputError } from "../errors.js";
import { detectDelimiter, type Delimiter } from "./detectDelimiter.js";
import { detectEncoding, iconvName, type Encoding } from "./detectEncoding.js";
import type { RawRow } from "./rawRow.js";

const SAMPLE_BYTES = 64 * 1024;
/** The longest record accepted, in characters: far above any real export, low enough to stop a runaway quote early. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

export interface CsvReadOptions {
  encoding: Encoding | "auto";
  delimiter: Delimiter | "auto";
}

export async function* readCsvRows(path: string, displayName: string, options: CsvReadOptions): AsyncGenerator<RawRow> {
  const sample = await readSample(path, displayName);
  const { encoding, bomLength } = detectEncoding(sample, options.encoding);
  const text = encoding === "utf-8" ? new TextDecoder("utf-8").decode(sample.subarray(bomLength)) : iconv.decode(Buffer.from(sample.subarray(bomLength)), iconvName(encoding));
  const { delimiter, hintLine } = detectDelimiter(text, options.delimiter);

  const input = createReadStream(path, { start: bomLength, highWaterMark: 1024 * 1024 });
  const decoder = encoding === "utf-8" ? new StrictUtf8Decoder(displayName) : iconv.decodeStream(iconvName(encoding));
  const parserOptions: CsvOptions = {
    delimiter,
    info: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true, // a quote inside an unquoted field (=HYPERLINK("x")) is text, as spreadsheets read it
    skip_empty_lines: false,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: MAX_RECORD_CHARS,
  };
  const parser = parse(parserOptions);
  input.on("error", (error) => parser.destroy(error));
  decoder.on("error", (error: Error) => parser.destroy(error));
  input.pipe(decoder).pipe(parser);

  let nextLine = 1; // the physical line where the next record starts
  try {
    for await (const chunk of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const row = nextLine;
      nextLine = chunk.info.lines + 1;
      if (hintLine && row === 1) continue;
      yield { row, cells: chunk.record };
    }
  } catch (error) {
    throw toInputError(error, displayName, nextLine);
  } finally {
    input.destroy();
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

function toInputError(error: unknown, file: string, recordStart: number): InputError {
  if (error instanceof InputError) return error;
  const code = (error as { code?: string }).code ?? "";
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new InputError("a quoted field opened here is never closed, so the rest of the file cannot be split into rows; close the quote or double it (\"\") inside the field", file, recordStart);
    case "CSV_INVALID_CLOSING_QUOTE":
      return new InputError("a closing quote is followed by other text; a quote inside a quoted field must be doubled (\"\")", file, recordStart);
    case "CSV_MAX_RECORD_SIZE":
      return new InputError(`a record is longer than ${MAX_RECORD_CHARS} characters (often an unclosed quote)`, file, recordStart);
    default:
      return new InputError(`cannot read as CSV: ${(error as Error).message}`, file, recordStart);
  }
}

/** UTF-8 decoding that fails loudly on invalid bytes instead of inventing U+FFFD. */
class StrictUtf8Decoder extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private offset = 0;
  constructor(private readonly file: string) {
    super({ readableObjectMode: false, decodeStrings: true });
    this.setEncoding("utf8");
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.push(this.decoder.decode(chunk, { stream: true }));
      this.offset += chunk.length;
      callback();
    } catch {
      callback(this.invalid());
    }
  }
  override _flush(callback: TransformCallback): void {
    try {
      this.push(this.decoder.decode());
      callback();
    } catch {
      callback(this.invalid());
    }
  }
  private invalid(): InputError {
    return new InputError(`is not valid UTF-8 (near byte ${this.offset}); set the source's encoding (gbk, gb18030, utf-16le or latin1)`, this.file);
  }
}
