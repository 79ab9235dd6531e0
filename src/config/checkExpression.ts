/**
 * Parse an expression of the config and check every name it reads against
 * the names its place allows, reporting at the exact column in the file.
 */
import { parseExpression } from "../expr/parseExpression.js";
import { references } from "../expr/references.js";
import { didYouMean } from "../util/nearest.js";
import type { CheckContext } from "./checkContext.js";
import type { ConfigPath } from "./positions.js";

export interface ExprScope {
  /** what the names are, for messages: "columns of source deals" */
  what: string;
  names: ReadonlySet<string>;
  /** allowed `object.property` names, e.g. dimension -> {process, result} */
  members?: ReadonlyMap<string, ReadonlySet<string>>;
}

export function checkExpression(ctx: CheckContext, path: ConfigPath, source: string, scope: ExprScope): boolean {
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    ctx.report(path, `expression does not parse: ${parsed.error.message}`, { offset: parsed.error.index });
    return false;
  }
  let ok = true;
  for (const ref of references(parsed.expr)) {
    if (ref.kind === "name") {
      if (scope.names.has(ref.name)) continue;
      ok = false;
      ctx.report(path, `unknown name "${ref.name}"${didYouMean(ref.name, scope.names)}`, { offset: ref.index, expected: `one of the ${scope.what}` });
      continue;
    }
    const allowed = scope.members?.get(ref.object);
    if (!allowed) {
      ok = false;
      const objects = [...(scope.members?.keys() ?? [])];
      ctx.report(path, `"${ref.object}.${ref.property}" cannot be used here`, {
        offset: ref.index,
        expected: objects.length > 0 ? objects.map((o) => `${o}.NAME`).join(", ") : `one of the ${scope.what}`,
      });
    } else if (!allowed.has(ref.property)) {
      ok = false;
      ctx.report(path, `unknown name "${ref.property}" in "${ref.object}.${ref.property}"${didYouMean(ref.property, allowed)}`, { offset: ref.index });
    }
  }
  return ok;
}
