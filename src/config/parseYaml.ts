/**
 * Step 1 of loading a config: YAML text -> a document that remembers where
 * every node stands, plus the issues found on the way. Hostile YAML (alias
 * bombs, prototype keys, deep nesting, custom tags, YAML 1.1) becomes issues
 * with a position, never a crash.
 */
import { Alias, LineCounter, Scalar, isCollection, isMap, isPair, isScalar, parseDocument, visit, type Document } from "yaml";
import type { Issue } from "../errors.js";

export const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** explicit tags that only say what the value already is (`!!str 010` keeps a string) */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));
const LIBRARY_MESSAGES: Partial<Record<string, string>> = {
  DUPLICATE_KEY: "duplicate key: each key may appear once in a mapping",
  MULTIPLE_DOCS: "the file holds more than one YAML document (a second ---); a config is one document",
  TAB_AS_INDENT: "a tab is used for indentation; YAML indents with spaces only",
};

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** the plain data, or undefined when the YAML itself is broken */
  data: unknown;
  issues: Issue[];
}

/** Decode config bytes: UTF-8 (BOM allowed) or UTF-16 with a BOM. */
export function decodeConfigText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const issueAt = (offset: number, code: string, message: string, expected?: string): Issue => {
    const { line, col } = lineCounter.linePos(offset);
    return { code, message, file, line, col, ...(expected ? { expected } : {}) };
  };
  const issues: Issue[] = [];
  if (text.length > MAX_CONFIG_BYTES) {
    // loadConfig refuses such a file before reading it; this guards callers that read the bytes themselves
    issues.push({ code: "yaml", message: `the config is ${text.length} characters long; a config may be at most ${MAX_CONFIG_BYTES} bytes`, file, line: 1, col: 1 });
    return { doc: parseDocument(""), lineCounter, data: undefined, issues };
  }
  const notText = notTextAt(text);
  if (notText !== null) {
    lineCounter.addNewLine(0);
    for (let i = 0; i < notText.offset; i++) if (text[i] === "\n") lineCounter.addNewLine(i + 1);
    issues.push(issueAt(notText.offset, "yaml", notText.message, "a UTF-8 text file"));
    return { doc: parseDocument(""), lineCounter, data: undefined, issues };
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2", strict: true, stringKeys: true });
  } catch (error) {
    issues.push({ code: "yaml", message: `the YAML cannot be read: ${(error as Error).message}`, file, line: 1, col: 1 });
    return { doc: parseDocument(""), lineCounter, data: undefined, issues };
  }

  for (const error of [...doc.errors, ...doc.warnings]) {
    if (error.code === "TAG_RESOLVE_FAILED") continue; // reported below, with every other tag that is not allowed
    const message = LIBRARY_MESSAGES[error.code] ?? error.message.split("\n")[0] ?? error.message;
    issues.push(issueAt(error.pos[0], error.code === "DUPLICATE_KEY" ? "duplicate_key" : "yaml", message));
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== "1.2") {
    issues.push({ code: "yaml", message: `kpi reads YAML 1.2 (where yes/no/on are strings); remove the %YAML ${doc.directives.yaml.version} directive`, file, line: 1, col: 1 });
  }

  let aliases = 0;
  let firstAlias = 0;
  try {
    visit(doc, {
      Alias(_key, node: Alias) {
        aliases++;
        if (aliases === 1) firstAlias = node.range?.[0] ?? 0;
        if (aliases === MAX_ALIASES + 1) {
          issues.push(issueAt(node.range?.[0] ?? 0, "yaml", `more than ${MAX_ALIASES} aliases: kpi limits aliases so a small file cannot expand into a huge one`));
        }
      },
      Pair(_key, pair) {
        if (!isPair(pair) || !isScalar(pair.key)) return;
        const key = String(pair.key.value);
        if (FORBIDDEN_KEYS.has(key)) issues.push(issueAt(pair.key.range?.[0] ?? 0, "forbidden_key", `the key "${key}" is not allowed`, "an ordinary name"));
        else if (key === "<<" && pair.key.type === Scalar.PLAIN) {
          issues.push(issueAt(pair.key.range?.[0] ?? 0, "yaml", "merge keys (<<) are YAML 1.1; kpi reads YAML 1.2, where << would be an ordinary key: write the keys out", "the merged keys written out"));
        }
      },
      Node(_key, node) {
        if ((isScalar(node) || isCollection(node)) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
          const tag = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
          issues.push(issueAt(tagOffset(text, node.range?.[0] ?? 0), "yaml", `the tag ${tag} is not allowed: a config holds only strings, numbers, booleans, lists and mappings`, "no tag"));
        }
      },
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    issues.push({ code: "yaml", message: "the YAML is nested too deeply to read", file, line: 1, col: 1 });
  }
  if (issues.length > 0) return { doc, lineCounter, data: undefined, issues };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // the library's message has no position: point at the first alias, where expansion starts
    issues.push(issueAt(firstAlias, "yaml", `aliases expand too far (${(error as Error).message}); write the values out or use fewer aliases`));
    return { doc, lineCounter, data: undefined, issues };
  }
  if (!isMap(doc.contents)) {
    issues.push(issueAt(doc.contents?.range?.[0] ?? 0, "schema", "the config must be a mapping of keys (version, currency, sources, ...)", "a mapping at the top level"));
    return { doc, lineCounter, data: undefined, issues };
  }
  return { doc, lineCounter, data, issues };
}

/** Where the text stops being text: a NUL (a binary file, or UTF-16 without its BOM), or bytes that were not UTF-8. */
function notTextAt(text: string): { offset: number; message: string } | null {
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    const utf16 = /^(?:[^\0]\0){4}|^(?:\0[^\0]){4}/.test(text);
    return { offset: nul, message: utf16 ? "the file looks like UTF-16 without a byte-order mark; save it as UTF-8" : "the file holds a NUL byte: it is not a text file" };
  }
  const invalid = text.indexOf("\uFFFD");
  if (invalid >= 0) return { offset: invalid, message: "the file is not valid UTF-8 here (saved as GBK or Latin-1?); save it as UTF-8" };
  return null;
}

/** The start of the tag written before the node that starts at `valueStart`. */
function tagOffset(text: string, valueStart: number): number {
  let i = text.lastIndexOf("!", valueStart);
  while (i > 0 && !/\s/.test(text[i - 1] ?? " ")) i--;
  return Math.max(i, 0);
}
