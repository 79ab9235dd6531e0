/**
 * Text safety shared by the writers: what a spreadsheet could run as a
 * formula, how text survives the XML inside an xlsx, and how wide it looks.
 */

/**
 * Text a spreadsheet may take for a formula when it opens a CSV or when a
 * user edits the cell: it starts with `=`, `+`, `-`, `@`, TAB, CR or LF
 * (the OWASP CSV-injection list, plus LF).
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r\n]/.test(text);
}

/** The OWASP advice for CSV: a leading `'` makes formula-like text inert. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * Escapes text for an xlsx string (OOXML ST_Xstring): characters XML cannot
 * hold (C0 controls but TAB and LF; DEL; U+FFFE, U+FFFF) and CR, which XML
 * readers turn into LF, become `_xHHHH_`; an `_` that starts such a sequence
 * becomes `_x005F_`, so `_x0041_` typed by a user stays literal. Excel,
 * LibreOffice and exceljs decode these; without it exceljs drops the
 * characters and Excel would read `_x0041_` as `A`.
 */
export function escapeXlsxText(text: string): string {
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g, (ch) => {
    return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}

// East Asian wide and full-width ranges: CJK, Hangul, kana, full-width forms, emoji planes.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/** How many character cells the longest line of `text` takes: a CJK character counts 2. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0;
    for (const ch of line) width += WIDE.test(ch) ? 2 : 1;
    if (width > widest) widest = width;
  }
  return widest;
}
