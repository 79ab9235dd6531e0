import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../../src/report/html/escapeHtml.js";
import { html, trustedHtml } from "../../../../src/report/html/html.js";

describe("escapeHtml", () => {
  it.each([
    ["plain text", "Li Wei", "Li Wei"],
    ["a script tag", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["the end of the style sheet", "</style><b>", "&lt;/style&gt;&lt;b&gt;"],
    ["double quotes (attribute break-out)", '" onmouseover="x', "&quot; onmouseover=&quot;x"],
    ["single quotes", "O'Brien", "O&#39;Brien"],
    ["an ampersand first, so entities stay literal", "&lt; & &amp;", "&amp;lt; &amp; &amp;amp;"],
    ["CJK and emoji as they are", "张伟 🚀", "张伟 🚀"],
    ["TAB, LF and CR kept", "a\tb\nc\rd", "a\tb\nc\rd"],
    ["NUL and other controls -> U+FFFD", "a\u0000b\u0007c\u007F", "a\uFFFDb\uFFFDc\uFFFD"],
    ["a lone surrogate -> U+FFFD", "x\uD800y", "x\uFFFDy"],
  ])("%s", (_case, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe("html tagged template", () => {
  it("escapes interpolated strings and numbers, keeps nested Html, joins arrays, drops null", () => {
    const name = "<b>Bob</b>";
    const inner = html`<i>${name}</i>`;
    expect(html`<td title="${name}">${inner}${[1, "&", null]}${undefined}</td>`.text).toBe(
      '<td title="&lt;b&gt;Bob&lt;/b&gt;"><i>&lt;b&gt;Bob&lt;/b&gt;</i>1&amp;</td>',
    );
  });

  it("inserts trusted markup as it is", () => {
    expect(html`<style>${trustedHtml("a > b {}")}</style>`.text).toBe("<style>a > b {}</style>");
  });
});
