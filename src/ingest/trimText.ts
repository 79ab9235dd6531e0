/**
 * Trims what a spreadsheet user cannot see at the ends of a cell: every
 * Unicode white space (NBSP, the full-width space U+3000, line breaks, the
 * BOM) plus the zero-width characters U+180E, U+200B-U+200D and U+2060.
 * Characters inside the text are kept exactly. Written as two scans, not as a
 * regular expression: `\s+$` is quadratic on a long cell full of spaces.
 */
const INVISIBLE = /^[\s\u180E\u200B-\u200D\u2060]$/;

/** One UTF-16 code unit; printable ASCII, the common case, is answered without a regular expression. */
function isInvisibleCode(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code > 0x20 && code < 0x7f) return false;
  return INVISIBLE.test(text.charAt(index));
}

export function isInvisible(char: string): boolean {
  return char.length === 1 && isInvisibleCode(char, 0);
}

export function trimText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isInvisibleCode(text, start)) start++;
  while (end > start && isInvisibleCode(text, end - 1)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
