/**
 * Step 1 of loading a config: YAML text -> a document that remembers where
 * every node stands, plus the issues found on the way. Hostile YAML (alias
 * bombs, prototype keys, deep nesting, custom tags, YAML 1.1) becomes issues
 * with a position, never a crash.
 */
import { Alias, LineCounter, isMap, isPair, isScalar, parseDocument, visit, type Document } from "yaml";
import type { Issue } from "../errors.js";

export const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

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
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    lineCounter.addNewLine(0);
    for (let i = 0; i < nul; i++) if (text[i] === "\n") lineCounter.addNewLine(i + 1);
    issues.push(issueAt(nul, "yaml", "the file holds a NUL byte: it is not a text file", "a UTF-8 text file"));
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
    const message = error.code === "DUPLICATE_KEY" ? "duplicate key: each key may appear once in a mapping" : error.message.split("\n")[0] ?? error.message;
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
        if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
          issues.push(issueAt(pair.key.range?.[0] ?? 0, "forbidden_key", `the key "${String(pair.key.value)}" is not allowed`, "an ordinary name"));
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
