/**
 * Hostile CSV values: ids that look like numbers stay the text they are,
 * Unicode white space is trimmed, look-alike characters are kept distinct
 * and can be named (lookalikeOf, for the unknown_rep message).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceSchema } from "../../src/config/schema.js";
import { LookalikeIndex, describeLookalike, lookalikeOf, skeleton } from "../../src/util/lookalikes.js";
import { readSource } from "../../src/ingest/readSource.js";
import type { SourceRecord } from "../../src/ingest/sourceData.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-hostile-csv-values-"));
let files = 0;

/** One value per row under `Value`, read as `type`: the values as records hold them (strings stay strings). */
async function readValues(cells: readonly string[], type = "string"): Promise<unknown[]> {
  const path = join(dir, `values-${files++}.csv`);
  writeFileSync(path, ["Id,Value", ...cells.map((c, i) => `R${i},"${c.replaceAll('"', '""')}"`)].join("\r\n") + "\r\n");
  const config = SourceSchema.parse({ path: "values.csv", columns: { id: "Id", value: { from: "Value", type } } });
  const records: SourceRecord[] = [];
  const summary = await readSource("values", config, [{ path, display: "values.csv" }], { currency: "CNY", fx: {}, required: new Set() }, { add: (r) => records.push(r), reset: () => (records.length = 0) });
  expect(summary.accounting).toMatchObject({ read: cells.length, accepted: cells.length });
  return records.map((r) => r.values[1]);
}

describe("ids that look like numbers stay strings in a string column", () => {
  it.each([
    ["leading zeros", "00123"],
    ["17 digits (beyond a double's 15-16)", "12345678901234567"],
    ["20 digits", "98765432109876543210"],
    ["an exponent", "1e3"],
    ["hex", "0x1F"],
    ["a trailing .0", "123.0"],
    ["a leading plus", "+8613800138000"],
    ["a negative", "-0"],
    ["Infinity", "Infinity"],
  ])("%s: %s", async (_what, id) => {
    expect(await readValues([id])).toEqual([id]);
  });
});

describe("Unicode white space is trimmed at both ends, and kept inside", () => {
  it.each([
    ["no-break spaces", "\u00A0R001\u00A0", "R001"],
    ["ideographic spaces (U+3000)", "\u3000李伟\u3000", "李伟"],
    ["em and thin spaces", "\u2003Li Wei\u2009", "Li Wei"],
    ["zero-width spaces and joiners, a BOM", "\u200B\uFEFFLi Wei\u200D\u2060", "Li Wei"],
    ["tabs, CR and LF", "\t\r\nLi Wei\r\n\t", "Li Wei"],
    ["a no-break space inside (kept)", " Li\u00A0Wei ", "Li\u00A0Wei"],
  ])("%s", async (_what, raw, value) => {
    expect(await readValues([raw])).toEqual([value]);
  });

  it("trims a money value wrapped in Unicode spaces", async () => {
    expect((await readValues(["\u00A0¥1,200.00\u3000"], "money")).map(String)).toEqual(["1200"]);
  });
});

describe("look-alike characters are kept distinct", () => {
  it("reads Li Wei with a Cyrillic е as its own string, not as Li Wei", async () => {
    const [value] = await readValues(["Li W\u0435i"]);
    expect(value).toBe("Li W\u0435i");
    expect(value).not.toBe("Li Wei");
  });

  it("reads full-width digits as the text they are (no silent NFKC)", async () => {
    expect(await readValues(["Ｒ００１"])).toEqual(["Ｒ００１"]);
  });
});

describe("lookalikeOf: which rep an unmatched value looks like, and which character differs", () => {
  const reps = ["R001", "R002", "Li Wei", "Wang Fang", "li.wei@example.com", "李伟", "A-Li Wei"];

  it.each([
    ["Cyrillic е", "Li W\u0435i", "Li Wei", [{ char: "\u0435", codePoint: "U+0435", position: 5, looksLike: "e", kind: 'Cyrillic "\u0435"' }]],
    ["Cyrillic А and о", "W\u0430ng F\u0430ng", "Wang Fang", [
      { char: "\u0430", codePoint: "U+0430", position: 2, looksLike: "a", kind: 'Cyrillic "\u0430"' },
      { char: "\u0430", codePoint: "U+0430", position: 7, looksLike: "a", kind: 'Cyrillic "\u0430"' },
    ]],
    ["Greek ι and Α", "\u0391-L\u03B9 Wei", "A-Li Wei", null],
    ["full-width letters and digits", "Ｒ００２", "R002", [
      { char: "Ｒ", codePoint: "U+FF32", position: 1, looksLike: "R", kind: 'full-width "Ｒ"' },
      { char: "０", codePoint: "U+FF10", position: 2, looksLike: "0", kind: 'full-width "０"' },
      { char: "０", codePoint: "U+FF10", position: 3, looksLike: "0", kind: 'full-width "０"' },
      { char: "２", codePoint: "U+FF12", position: 4, looksLike: "2", kind: 'full-width "２"' },
    ]],
    ["a no-break space inside", "Li\u00A0Wei", "Li Wei", [{ char: "\u00A0", codePoint: "U+00A0", position: 3, looksLike: " ", kind: "a non-breaking space" }]],
    ["an ideographic space inside", "Li\u3000Wei", "Li Wei", [{ char: "\u3000", codePoint: "U+3000", position: 3, looksLike: " ", kind: "a wide or special space" }]],
    ["a zero-width space inside", "Li W\u200Bei", "Li Wei", [{ char: "\u200B", codePoint: "U+200B", position: 5, looksLike: "", kind: "an invisible character" }]],
    ["a look-alike in another case", "LI W\u0415I", "Li Wei", [{ char: "\u0415", codePoint: "U+0415", position: 5, looksLike: "E", kind: 'Cyrillic "\u0415"' }]],
    ["a Cyrillic palochka for l in an email", "li.wei@examp\u04cfe.com", "li.wei@example.com", [{ char: "\u04cf", codePoint: "U+04CF", position: 13, looksLike: "l", kind: 'Cyrillic "\u04cf"' }]],
  ])("finds %s", (_what, raw, candidate, differences) => {
    const found = lookalikeOf(raw, reps);
    expect(found?.candidate).toBe(candidate);
    if (differences) expect(found?.differences).toEqual(differences);
    else expect(found?.differences.map((d) => [d.codePoint, d.position, d.looksLike])).toEqual([["U+0391", 1, "A"], ["U+03B9", 4, "i"]]);
  });

  it.each([
    ["a rep as it is", "Li Wei"],
    ["a rep in another case, padded with Unicode spaces", "\u3000li wei\u00A0"],
    ["a value like no rep", "Zhang Min"],
    ["an ASCII near miss (a typo, not a look-alike)", "Li Wie"],
    ["an empty value", "  "],
    ["a Chinese name written in traditional characters", "李偉"],
  ])("gives null for %s", (_what, raw) => {
    expect(lookalikeOf(raw, reps)).toBeNull();
  });

  it("gives the first candidate, in the order given, when two look the same", () => {
    expect(lookalikeOf("R\u041E01", ["R001", "RO01", "R0O1"])?.candidate).toBe("RO01");
  });

  it("writes a message naming the rep and the character", () => {
    const found = lookalikeOf("Li W\u0435i", reps);
    expect(found && describeLookalike(found)).toBe('looks like "Li Wei" but is not: character 5 is Cyrillic "е" (U+0435), not "e"');
    const many = lookalikeOf("\u0410\u0412\u0421\u0415\u041D", ["ABCEH"]);
    expect(many && describeLookalike(many)).toBe('looks like "ABCEH" but is not: character 1 is Cyrillic "А" (U+0410), not "A", character 2 is Cyrillic "В" (U+0412), not "B", character 3 is Cyrillic "С" (U+0421), not "C", and 2 more');
  });

  it("answers many values against a large roster from an index built once", () => {
    const roster = Array.from({ length: 5000 }, (_, i) => `Rep Number ${i}`);
    const index = new LookalikeIndex(roster);
    expect(index.find("R\u0435p Number 4321")?.candidate).toBe("Rep Number 4321");
    expect(index.find("Rep Number 4321")).toBeNull();
    expect(index.find("x".repeat(1_000_000))).toBeNull();
  });

  it("maps a value to its skeleton: trimmed, case-folded, look-alikes and invisible characters replaced", () => {
    expect(skeleton("\u00A0L\u0456 W\u0435\u200Bi\u3000")).toBe("li wei");
    expect(skeleton("ＡＢＣ１２３")).toBe("abc123");
  });
});
