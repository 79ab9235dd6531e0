/**
 * Where a config path stands in the YAML text: a zod path or a semantic
 * check's path becomes file:line:column. A path that does not exist (a
 * missing key) falls back to its nearest existing parent.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { ParsedYaml } from "./parseYaml.js";

export type ConfigPath = readonly (string | number)[];

export interface Position {
  line: number;
  col: number;
}

export interface LocateOptions {
  /** point at the key of the last path element instead of its value */
  key?: boolean;
  /** a character offset inside the scalar's text (for expression errors) */
  offset?: number;
}

export function locate(parsed: ParsedYaml, path: ConfigPath, options: LocateOptions = {}): Position {
  let node: Node | null = (parsed.doc.contents as Node | null) ?? null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    let next: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      if (last && options.key && isScalar(pair.key)) {
        offset = pair.key.range?.[0] ?? offset;
        break;
      }
      next = (pair.value as Node | null) ?? null;
      if (!next) {
        offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
        break;
      }
    } else if (isSeq(node) && typeof segment === "number") {
      next = (node.items[segment] as Node | undefined) ?? null;
      if (!next) break;
    } else {
      break;
    }
    node = next;
    offset = node.range?.[0] ?? offset;
  }
  if (options.offset !== undefined && node && isScalar(node)) {
    const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
    offset += options.offset + (quoted ? 1 : 0);
  }
  return parsed.lineCounter.linePos(offset);
}
