import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectDelimiter } from "../../../src/ingest/detectDelimiter.js";
import { detectEncoding, isUtf8 } from "../../../src/ingest/detectEncoding.js";

describe("detectEncoding", () => {
  it.each([
    ["a UTF-8 BOM", Buffer.from([0xef, 0xbb, 0xbf, 0x61]), "utf-8", 3],
    ["a UTF-16LE BOM", Buffer.from([0xff, 0xfe, 0x61, 0x00]), "utf-16le", 2],
    ["plain ASCII", Buffer.from("Deal ID,Amount\n"), "utf-8", 0],
    ["UTF-8 Chinese", Buffer.from("客户名称,签约金额\n"), "utf-8", 0],
    ["GBK Chinese", iconv.encode("客户名称,负责人,签约金额\n", "gbk"), "gb18030", 0],
    ["GB18030 4-byte characters", iconv.encode("客户𠀀名称,金额\n", "gb18030"), "gb18030", 0],
    ["UTF-16LE without a BOM", Buffer.from("Deal ID,Amount\n", "utf16le"), "utf-16le", 0],
    ["cp1252 accents", iconv.encode("Müller,Café,€\n", "windows-1252"), "latin1", 0],
  ])("recognises %s", (_what, bytes, encoding, bomLength) => {
    expect(detectEncoding(bytes, "auto")).toEqual({ encoding, bomLength });
  });

  it("keeps a declared encoding and skips only its own BOM", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), "utf-8")).toEqual({ encoding: "utf-8", bomLength: 3 });
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), "gbk")).toEqual({ encoding: "gbk", bomLength: 0 });
  });

  it("accepts a multi-byte character cut at the end of the sample", () => {
    const bytes = Buffer.from("名称名称");
    expect(isUtf8(bytes.subarray(0, bytes.length - 1))).toBe(true);
    expect(isUtf8(Buffer.from([0x61, 0xff, 0x61]))).toBe(false);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ",", false],
    ["a;b;c\n1;2;3", ";", false],
    ["a\tb\tc", "\t", false],
    ["a|b|c", "|", false],
    ['"x;y",b,c', ",", false], // a delimiter inside quotes does not count
    ["sep=;\na;b", ";", true],
    ["\uFEFFsep=|\r\na|b", "|", true],
    ["\n\na;b;c", ";", false], // the first non-empty line decides
  ] as const)("%j -> %j", (text, delimiter, hintLine) => {
    expect(detectDelimiter(text, "auto")).toEqual({ delimiter, hintLine });
  });
});
