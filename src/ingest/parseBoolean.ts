/** true/false, yes/no, y/n, 1/0, 是/否 in any case (`TRUE`, `Yes`); anything else is null. */
const WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true], ["false", false],
  ["yes", true], ["no", false],
  ["y", true], ["n", false],
  ["1", true], ["0", false],
  ["是", true], ["否", false],
]);

/** `text` is already trimmed. */
export function parseBoolean(text: string): boolean | null {
  return text.length > 5 ? null : (WORDS.get(text.toLowerCase()) ?? null);
}
