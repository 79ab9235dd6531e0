/**
 * Markup built with a tagged template: html`<td>${name}</td>` escapes every
 * interpolated string or number, inserts nested `Html` as it is, and joins
 * arrays. User text can only reach the page through an escape, so no helper
 * has to remember to call `escapeHtml`.
 */
import { escapeHtml } from "./escapeHtml.js";

/** A piece of markup that is already safe to insert. */
export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

export type HtmlPart = Html | string | number | null | undefined | readonly HtmlPart[];

export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  // joined, not concatenated: a page of thousands of nested pieces is then one flat string, not a deep rope that
  // V8 must walk when the page is written
  const parts = new Array<string>(2 * values.length + 1);
  parts[0] = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    parts[2 * i + 1] = partText(values[i]);
    parts[2 * i + 2] = strings[i + 1] ?? "";
  }
  return new Html(parts.join(""));
}

/** Markup written by this module itself (the style sheet): never user text. */
export function trustedHtml(text: string): Html {
  return new Html(text);
}

function partText(value: HtmlPart): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Html) return value.text;
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value); // digits, a sign, a point, an exponent, Infinity or NaN: nothing to escape
  let text = "";
  for (const part of value) text += partText(part);
  return text;
}
