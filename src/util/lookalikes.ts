/**
 * Look-alike characters. A rep value that matches no rep is kept distinct
 * (a Cyrillic "е" in "Li Wеi" is not Li Wei: matching it would credit a
 * record to someone the export does not name), but the unknown_rep message
 * should say which rep it looks like and which character differs, because
 * nobody can see the difference. Two values look alike when they are equal
 * after trimming, case-folding and mapping every character to its "skeleton":
 * NFKC (full-width forms, ligatures, compatibility spaces), a small table of
 * Cyrillic and Greek letters that look like Latin ones, and invisible
 * characters removed. Pure: no I/O.
 */
import { trimText } from "../ingest/trimText.js";

export interface LookalikeDifference {
  /** the character in the raw value */
  char: string;
  /** its code point, "U+0435" */
  codePoint: string;
  /** 1-based position in the trimmed raw value, counted in characters (code points) */
  position: number;
  /** what it looks like ("e"), or "" for an invisible character */
  looksLike: string;
  /** a short description: "Cyrillic small letter ie", "full-width", "invisible", "a non-breaking space" */
  kind: string;
}

export interface Lookalike {
  candidate: string;
  differences: LookalikeDifference[];
}

/** Cyrillic and Greek letters drawn like Latin letters, by script. */
const CONFUSABLES: Readonly<Record<string, readonly [latin: string, kind: string]>> = {
  // Cyrillic
  а: ["a", "Cyrillic"], в: ["b", "Cyrillic"], е: ["e", "Cyrillic"], ё: ["ë", "Cyrillic"], і: ["i", "Cyrillic"], ї: ["ï", "Cyrillic"], ј: ["j", "Cyrillic"],
  к: ["k", "Cyrillic"], м: ["m", "Cyrillic"], н: ["h", "Cyrillic"], о: ["o", "Cyrillic"], р: ["p", "Cyrillic"], с: ["c", "Cyrillic"], т: ["t", "Cyrillic"],
  у: ["y", "Cyrillic"], х: ["x", "Cyrillic"], ѕ: ["s", "Cyrillic"], һ: ["h", "Cyrillic"], ԁ: ["d", "Cyrillic"], ԛ: ["q", "Cyrillic"], ԝ: ["w", "Cyrillic"],
  ӏ: ["l", "Cyrillic"], ɡ: ["g", "Latin script g"],
  А: ["A", "Cyrillic"], В: ["B", "Cyrillic"], Е: ["E", "Cyrillic"], Ё: ["Ë", "Cyrillic"], І: ["I", "Cyrillic"], Ї: ["Ï", "Cyrillic"], Ј: ["J", "Cyrillic"],
  К: ["K", "Cyrillic"], М: ["M", "Cyrillic"], Н: ["H", "Cyrillic"], О: ["O", "Cyrillic"], Р: ["P", "Cyrillic"], С: ["C", "Cyrillic"], Т: ["T", "Cyrillic"],
  У: ["Y", "Cyrillic"], Х: ["X", "Cyrillic"], Ѕ: ["S", "Cyrillic"], Һ: ["H", "Cyrillic"], Ԛ: ["Q", "Cyrillic"], Ԝ: ["W", "Cyrillic"], Ӏ: ["I", "Cyrillic"],
  // Greek
  Α: ["A", "Greek"], Β: ["B", "Greek"], Ε: ["E", "Greek"], Ζ: ["Z", "Greek"], Η: ["H", "Greek"], Ι: ["I", "Greek"], Κ: ["K", "Greek"], Μ: ["M", "Greek"],
  Ν: ["N", "Greek"], Ο: ["O", "Greek"], Ρ: ["P", "Greek"], Τ: ["T", "Greek"], Υ: ["Y", "Greek"], Χ: ["X", "Greek"],
  α: ["a", "Greek"], ι: ["i", "Greek"], κ: ["k", "Greek"], ν: ["v", "Greek"], ο: ["o", "Greek"], ρ: ["p", "Greek"], υ: ["u", "Greek"], χ: ["x", "Greek"],
  // Latin look-alikes of other Latin letters
  ı: ["i", "dotless i"], ℓ: ["l", "script l"],
};

/** Removed from the skeleton: nobody sees them. */
const INVISIBLE = /^[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]$/u;

/** One character -> what it looks like, and why it differs (null: it is itself). */
function skeletonOf(char: string): { looksLike: string; kind: string } | null {
  const table = CONFUSABLES[char];
  if (table) return { looksLike: table[0], kind: `${table[1]} "${char}"` };
  if (INVISIBLE.test(char)) return { looksLike: "", kind: "an invisible character" };
  const nfkc = char.normalize("NFKC");
  if (nfkc !== char) {
    if (nfkc.trim() === "" && char.trim() === "") return { looksLike: " ", kind: char === "\u00A0" ? "a non-breaking space" : "a wide or special space" };
    const inner = [...nfkc].map((c) => CONFUSABLES[c]?.[0] ?? c).join("");
    return { looksLike: inner, kind: isFullWidth(char) ? `full-width "${char}"` : `"${char}"` };
  }
  return null;
}

function isFullWidth(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The skeleton of a whole value: trimmed, each character mapped, case-folded. */
export function skeleton(text: string): string {
  let out = "";
  for (const char of trimText(text)) out += skeletonOf(char)?.looksLike ?? char;
  return out.toLowerCase();
}

/**
 * The first candidate that `raw` looks like without being it (after trimming
 * and case-folding), and every character of `raw` that makes the difference;
 * null when `raw` matches a candidate as is, or looks like none. Ambiguous
 * look-alikes (two candidates) give the first, in the order given.
 */
export function lookalikeOf(raw: string, candidates: readonly string[]): Lookalike | null {
  return new LookalikeIndex(candidates).find(raw);
}

/** lookalikeOf for many values against the same candidates: each lookup costs the length of the value, not of the roster. */
export class LookalikeIndex {
  private readonly plain = new Set<string>();
  private readonly bySkeleton = new Map<string, string>();

  constructor(candidates: readonly string[]) {
    for (const candidate of candidates) {
      this.plain.add(trimText(candidate).toLowerCase());
      const key = skeleton(candidate);
      if (key !== "" && !this.bySkeleton.has(key)) this.bySkeleton.set(key, candidate);
    }
  }

  find(raw: string): Lookalike | null {
    const folded = trimText(raw).toLowerCase();
    if (folded === "" || this.plain.has(folded)) return null; // empty, or a rep as it is: not a look-alike
    const found = this.bySkeleton.get(skeleton(raw));
    if (found === undefined) return null;
    const differences: LookalikeDifference[] = [];
    const own = new Set(trimText(found)); // a character the rep's own value has too is not the difference
    let position = 0;
    for (const char of trimText(raw)) {
      position++;
      const mapped = skeletonOf(char);
      if (mapped !== null && !own.has(char)) differences.push({ char, codePoint: codePoint(char), position, looksLike: mapped.looksLike, kind: mapped.kind });
    }
    return differences.length === 0 ? null : { candidate: found, differences };
  }
}

/**
 * For a message: `looks like "Li Wei" but is not: character 5 is Cyrillic "е" (U+0435), not "e"`.
 * At most three differences are listed.
 */
export function describeLookalike(lookalike: Lookalike): string {
  const shown = lookalike.differences.slice(0, 3).map((d) => {
    const not = d.looksLike === "" ? "" : d.looksLike === " " ? ", not a plain space" : `, not "${d.looksLike}"`;
    return `character ${d.position} is ${d.kind} (${d.codePoint})${not}`;
  });
  const more = lookalike.differences.length > 3 ? `, and ${lookalike.differences.length - 3} more` : "";
  return `looks like "${lookalike.candidate}" but is not: ${shown.join(", ")}${more}`;
}
