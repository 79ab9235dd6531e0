import type { RowStyle } from "../workbookModel.js";
import { BUILTIN_FORMAT_IDS, FIRST_CUSTOM_FORMAT_ID, TEXT_FORMAT } from "./numberFormats.js";
import { escapeXml, xmlString } from "./xmlText.js";

/**
 * The cell styles a workbook uses (xl/styles.xml). A style is a number
 * format, a row style (bold font, highlight fill) and an optional fill
 * colour; each distinct one becomes a cell format (`xf`) the first time a
 * cell asks for it, so the ids depend only on the model. Style 0 is the
 * default: General, the normal font, no fill. Every style with the Text
 * format also has `quotePrefix`, so Excel keeps formula-like text as text
 * when it is edited.
 */

/** The fill of a `highlight` row. */
export const HIGHLIGHT_RGB = "FFF2CC";
const RGB = /^[0-9A-Fa-f]{6}$/;
const ROW_STYLES: readonly RowStyle[] = ["normal", "bold", "highlight"];

interface Xf {
  numFmtId: number;
  bold: boolean;
  fillId: number;
  quotePrefix: boolean;
}

export class StyleSheet {
  private readonly ids = new Map<string, number>();
  /** the common case without a fill colour, looked up without building a key: number format -> id by row style */
  private readonly unfilled = new Map<string | undefined, number[]>();
  private readonly xfs: Xf[] = [{ numFmtId: 0, bold: false, fillId: 0, quotePrefix: false }];
  private readonly customFormats = new Map<string, number>();
  /** RRGGBB of each solid fill, after the two every workbook has (none, gray125) */
  private readonly fills: string[] = [];

  constructor() {
    this.ids.set("||normal|", 0);
  }

  /** The `s` of a cell with this number format (undefined: General), row style and fill (RRGGBB, wins over highlight). */
  id(numFmt: string | undefined, rowStyle: RowStyle, fillRgb?: string): number {
    if (fillRgb !== undefined) return this.lookUp(numFmt, rowStyle, fillRgb);
    let byRowStyle = this.unfilled.get(numFmt);
    if (byRowStyle === undefined) {
      byRowStyle = [-1, -1, -1];
      this.unfilled.set(numFmt, byRowStyle);
    }
    const at = ROW_STYLES.indexOf(rowStyle);
    let id = byRowStyle[at] ?? -1;
    if (id < 0) {
      id = this.lookUp(numFmt, rowStyle, undefined);
      byRowStyle[at] = id;
    }
    return id;
  }

  private lookUp(numFmt: string | undefined, rowStyle: RowStyle, fillRgb: string | undefined): number {
    const key = `|${numFmt ?? ""}|${rowStyle}|${fillRgb ?? ""}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      const rgb = fillRgb ?? (rowStyle === "highlight" ? HIGHLIGHT_RGB : undefined);
      id = this.xfs.length;
      this.xfs.push({
        numFmtId: numFmt === undefined ? 0 : this.formatId(numFmt),
        bold: rowStyle === "bold",
        fillId: rgb === undefined ? 0 : this.fillId(rgb),
        quotePrefix: numFmt === TEXT_FORMAT,
      });
      this.ids.set(key, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMAT_IDS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT_ID + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }

  private fillId(rgb: string): number {
    if (!RGB.test(rgb)) throw new Error(`fill colour ${JSON.stringify(rgb)} is not RRGGBB`);
    let at = this.fills.indexOf(rgb);
    if (at < 0) at = this.fills.push(rgb) - 1;
    return at + 2;
  }

  toXml(): string {
    const formats = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlString(code)}"/>`);
    const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
    const fills = this.fills.map((rgb) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${escapeXml(rgb)}"/><bgColor indexed="64"/></patternFill></fill>`);
    const xfs = this.xfs.map((xf) => {
      const apply = [
        xf.quotePrefix ? ' quotePrefix="1"' : "",
        xf.numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
        xf.bold ? ' applyFont="1"' : "",
        xf.fillId !== 0 ? ' applyFill="1"' : "",
      ].join("");
      return `<xf numFmtId="${xf.numFmtId}" fontId="${xf.bold ? 1 : 0}" fillId="${xf.fillId}" borderId="0" xfId="0"${apply}/>`;
    });
    return [
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      formats.length === 0 ? "" : `<numFmts count="${formats.length}">${formats.join("")}</numFmts>`,
      `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>`,
      `<fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join("")}</fills>`,
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      "</styleSheet>",
    ].join("");
  }
}
