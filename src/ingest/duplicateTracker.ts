/**
 * Duplicate judging by `key`, holding a compact hash per key rather than the
 * rows. A row equal (on every mapped column's raw value) to an earlier row
 * with the same key is a duplicate and is dropped; when rows share a key but
 * differ, every row with that key is rejected as a conflicting duplicate.
 */
export type Verdict = "first" | "duplicate" | "conflict";

interface KeyEntry {
  signature: string;
  /** rows with this key: the record index kept for it, or -1 for a dropped duplicate */
  rows: KeyRow[];
  conflict: boolean;
}

/** A row carrying a key: where it is, its record index (-1 for a dropped duplicate) and its raw rep cell. */
export interface KeyRow {
  row: number;
  file: number;
  record: number;
  rep: string | null;
}

export interface Conflict {
  key: string;
  rows: KeyRow[];
}

export class DuplicateTracker {
  private readonly keys = new Map<string, KeyEntry>();

  observe(key: string, rawValues: readonly string[], row: number, file: number, record: number, rep: string | null = null): Verdict {
    const signature = signatureOf(rawValues);
    const entry = this.keys.get(key);
    if (!entry) {
      // only the first row of a key is remembered in full; later ones only if the key conflicts
      this.keys.set(key, { signature, rows: [{ row, file, record, rep }], conflict: false });
      return "first";
    }
    if (!entry.conflict && entry.signature === signature) {
      entry.rows.push({ row, file, record: -1, rep });
      return "duplicate";
    }
    entry.conflict = true;
    entry.rows.push({ row, file, record, rep });
    return "conflict";
  }

  /** Keys whose rows differ, with every row that carries them, in file order. */
  conflicts(): Conflict[] {
    const out: Conflict[] = [];
    for (const [key, entry] of this.keys) if (entry.conflict) out.push({ key, rows: entry.rows });
    return out;
  }
}

/** Two independent 53-bit string hashes: a 106-bit fingerprint of the raw values. */
function signatureOf(values: readonly string[]): string {
  const text = values.join("\u0000");
  return `${hash53(text, 0x9e3779b1).toString(36)}.${hash53(text, 0x85ebca77).toString(36)}`;
}

function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
