/**
 * Is a number format a date (or time) format? A date cell is stored as a
 * plain serial number: only its style tells. Built-in formats 14-22 and
 * 45-47 are dates everywhere, 27-36 and 50-58 in the East Asian locales that
 * use them (zh-CN writes `yyyy"年"m"月"d"日"` as 31). A custom code is a date
 * when it has y, m, d, h or s outside quoted text, [brackets] (colours,
 * conditions, locales, elapsed time markers), escaped characters and the
 * `_x`/`*x` padding and fill codes. `General`, `0.00`, `#,##0 "days"` are not.
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormatId(id: number): boolean {
  return BUILTIN_DATE_IDS.has(id);
}

export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code[i] ?? "";
    switch (c) {
      case '"': {
        const close = code.indexOf('"', i + 1);
        i = close < 0 ? code.length : close;
        break;
      }
      case "[": {
        const close = code.indexOf("]", i + 1);
        i = close < 0 ? code.length : close;
        break;
      }
      case "\\":
      case "_":
      case "*":
        i++; // the next character is literal
        break;
      default:
        if ("yYmMdDhHsS".includes(c)) return true;
    }
  }
  return false;
}
