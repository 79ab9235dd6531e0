import { textElement } from "./xmlText.js";

/** The shared string table (xl/sharedStrings.xml): each distinct text once, cells refer to it by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private references = 0;

  /** The index of `text`, added on first use. */
  add(text: string): number {
    this.references++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.texts.length;
      this.index.set(text, at);
      this.texts.push(text);
    }
    return at;
  }

  get size(): number {
    return this.texts.length;
  }

  toXml(): string {
    const items = this.texts.map((text) => `<si>${textElement(text)}</si>`);
    return `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.texts.length}">${items.join("")}</sst>`;
  }
}
