/**
 * Duplicate judging by `key`, holding one number per key (a 52-bit
 * fingerprint of the row's raw values) rather than the rows. A row equal (on
 * every mapped column's raw value) to an earlier row with the same key is a
 * duplicate and is dropped; when rows share a key but differ, every row with
 * that key is rejected as a conflicting duplicate. Where each row of a key
 * stands is remembered only once the key has a second row (rare).
 */
export type Verdict = "first" | "duplicate" | "conflict";

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

interface Repeated {
  fingerprint: number;
  rows: KeyRow[];
  conflict: boolean;
}

/** A key's first row is a slot in parallel arrays of small numbers; rep names are interned. */
export class DuplicateTracker {
  private readonly firsts = new Map<string, number>();
  private readonly fingerprints: number[] = [];
  private readonly rows: number[] = [];
  private readonly files: number[] = [];
  private readonly records: number[] = [];
  private readonly reps: number[] = [];
  private readonly repNames: (string | null)[] = [];
  private readonly repIndex = new Map<string | null, number>();
  private readonly repeated = new Map<string, Repeated>();

  observe(key: string, rawValues: readonly string[], row: number, file: number, record: number, rep: string | null = null): Verdict {
    const fingerprint = fingerprintOf(rawValues);
    const again = this.repeated.get(key);
    if (again) {
      if (!again.conflict && again.fingerprint === fingerprint) {
        again.rows.push({ row, file, record: -1, rep });
        return "duplicate";
      }
      again.conflict = true;
      again.rows.push({ row, file, record, rep });
      return "conflict";
    }
    const slot = this.firsts.get(key);
    if (slot === undefined) {
      this.firsts.set(key, this.fingerprints.length);
      this.fingerprints.push(fingerprint);
      this.rows.push(row);
      this.files.push(file);
      this.records.push(record);
      this.reps.push(this.intern(rep));
      return "first";
    }
    const firstFingerprint = this.fingerprints[slot] ?? -1;
    const first: KeyRow = { row: this.rows[slot] ?? 0, file: this.files[slot] ?? 0, record: this.records[slot] ?? 0, rep: this.repNames[this.reps[slot] ?? 0] ?? null };
    const entry: Repeated = { fingerprint: firstFingerprint, rows: [first], conflict: false };
    this.repeated.set(key, entry);
    if (firstFingerprint === fingerprint) {
      entry.rows.push({ row, file, record: -1, rep });
      return "duplicate";
    }
    entry.conflict = true;
    entry.rows.push({ row, file, record, rep });
    return "conflict";
  }

  private intern(rep: string | null): number {
    let index = this.repIndex.get(rep);
    if (index === undefined) {
      index = this.repNames.length;
      this.repNames.push(rep);
      this.repIndex.set(rep, index);
    }
    return index;
  }

  /** Keys whose rows differ, with every row that carries them, in file order. */
  conflicts(): Conflict[] {
    const out: Conflict[] = [];
    for (const [key, entry] of this.repeated) if (entry.conflict) out.push({ key, rows: entry.rows });
    return out;
  }
}

/**
 * A 52-bit fingerprint of the raw values (two 26-bit FNV-style lanes, with the
 * field boundaries mixed in): two different rows of one key collide with a
 * chance of about 2^-52.
 */
export function fingerprintOf(values: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ values.length;
  for (const text of values) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193); // field separator
    b = Math.imul(b ^ (text.length + 0x9e37), 0x5bd1e995);
  }
  a ^= a >>> 15;
  b ^= b >>> 13;
  return (a >>> 6) * 0x4000000 + (b >>> 6);
}
