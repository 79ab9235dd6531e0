import { escapeXlsxText } from "../safeText.js";

/**
 * Text into SpreadsheetML. Two layers: OOXML's own `_xHHHH_` escape for what
 * XML 1.0 cannot hold (`escapeXlsxText`), then XML's entities. A lone UTF-16
 * surrogate cannot be written in UTF-8 at all; it becomes U+FFFD, as it did
 * when exceljs encoded the XML and as the HTML report does.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_WORK = /[&<>"_\u0000-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** XML entities only: for text we produced ourselves (ids, numbers, format codes already clean). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITY[ch] ?? ch);
}

/** A user's text as element content or an attribute value (ST_Xstring): safe for any string. */
export function xmlString(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return escapeXml(escapeXlsxText(text.replace(LONE_SURROGATE, "\uFFFD")));
}

/** `<t>` of a string item; leading or trailing white space and line breaks need xml:space. */
export function textElement(text: string): string {
  const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${xmlString(text)}</t>`;
}
