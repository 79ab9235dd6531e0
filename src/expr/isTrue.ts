import type { Value } from "./value.js";

/** How a condition (`where`, `when`, `gate`, `applies_to`) reads a value: only `true` holds; null, false and anything else do not. */
export function isTrue(value: Value): boolean {
  return value === true;
}
