/**
 * The XML layer: bytes of one part in, element events out, on saxes. Element
 * names reach the handler without their prefix (`x:row` is `row`), so
 * prefixed packages read like plain ones. A DOCTYPE is refused (xlsx never
 * has one; it is how entity tricks start), nesting is bounded, and text must
 * be valid UTF-8 or UTF-16 (with its BOM): nothing is silently replaced.
 */
import { TextDecoder } from "node:util";
import { SaxesParser } from "saxes";
import { InputError } from "../../errors.js";
import type { ZipPackage } from "./zipPackage.js";

/** Deeper than any part of a real workbook; saxes keeps a stack per level. */
export const MAX_XML_DEPTH = 100;

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** `x:row` -> `row` */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The value of a prefixed attribute by its local name, whatever the prefix (`r:id`, `rel:id`). */
export function prefixedAttribute(attributes: Attributes, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    const colon = name.indexOf(":");
    if (colon > 0 && name.slice(colon + 1) === local && !name.startsWith("xmlns:")) return value;
  }
  return undefined;
}

export class XmlStream {
  private readonly parser = new SaxesParser({ position: false, xmlns: false });
  private decoder: TextDecoder | null = null;
  private depth = 0;

  constructor(
    private readonly zip: ZipPackage,
    private readonly part: string,
    handler: XmlHandler,
  ) {
    const { parser } = this;
    parser.on("doctype", () => {
      throw zip.fail(`part "${part}" has a DOCTYPE declaration, which no workbook has (it is how entity-expansion tricks start); refused`);
    });
    parser.on("opentag", (tag) => {
      if (++this.depth > MAX_XML_DEPTH) throw zip.fail(`part "${part}" nests XML deeper than ${MAX_XML_DEPTH} levels; refused`);
      handler.open(localName(tag.name), tag.attributes as Attributes);
    });
    parser.on("closetag", (tag) => {
      this.depth--;
      handler.close?.(localName(tag.name));
    });
    const text = handler.text?.bind(handler);
    if (text) {
      parser.on("text", text);
      parser.on("cdata", text);
    }
  }

  write(chunk: Uint8Array): void {
    this.decoder ??= decoderFor(chunk);
    this.parse(this.decode(() => this.decoder?.decode(chunk, { stream: true }) ?? ""));
  }

  end(): void {
    this.parse(this.decode(() => this.decoder?.decode() ?? ""));
    this.parse(null);
  }

  private decode(decode: () => string): string {
    try {
      return decode();
    } catch {
      throw this.zip.fail(`part "${this.part}" is not valid ${this.decoder?.encoding.toUpperCase() ?? "UTF-8"} text; the file is damaged`);
    }
  }

  /** Text to the parser; null closes it (an unclosed element is an error then). */
  private parse(text: string | null): void {
    try {
      if (text === null) this.parser.close();
      else if (text !== "") this.parser.write(text);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw this.zip.fail(`part "${this.part}" is not well-formed XML (${(error as Error).message}); the file is damaged`);
    }
  }
}

/** UTF-16 parts start with a BOM; everything else is UTF-8 (a UTF-8 BOM is dropped by the decoder). */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true });
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true });
  return new TextDecoder("utf-8", { fatal: true });
}

/** A whole part through `handler`. */
export async function readXmlPart(zip: ZipPackage, part: string, handler: XmlHandler): Promise<void> {
  const xml = new XmlStream(zip, part, handler);
  for await (const chunk of zip.read(part)) xml.write(chunk);
  xml.end();
}
