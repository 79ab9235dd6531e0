/**
 * Text made safe for HTML text and double- or single-quoted attribute values
 * (also inside inline SVG): the five markup characters become entities, and
 * characters HTML cannot hold (C0 controls but TAB, LF, FF and CR; DEL; lone
 * surrogates) become U+FFFD, so hostile names, messages and raw values are
 * shown as written and never read as markup.
 */
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every character either replacement may touch: text without one is returned as it is (most text, every number). */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000E-\u001F\u007F\uD800-\uDFFF]/;

export function escapeHtml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch).replace(UNREPRESENTABLE, "\uFFFD");
}
