/**
 * Text as a workbook stores it: characters XML cannot hold are written as
 * `_xHHHH_` (`_x000D_` is a carriage return), and a literal `_x` is escaped
 * as `_x005F_x`. One left-to-right pass undoes both.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeOoxml(text: string): string {
  return text.includes("_x") ? text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
