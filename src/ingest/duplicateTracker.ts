/**
 * Duplicate judging by `key`, holding a few numbers per key (a 52-bit
 * fingerprint of the row's raw values and where the row stands) rather than
 * the rows. A row equal (on every mapped column's raw value) to an earlier row
 * with the same key is a duplicate and is dropped; when rows share a key but
 * differ, every row with that key is rejected as a conflicting duplicate.
 *
 * Compact, so that millions of keys fit a small V8 heap: a key is kept as a
 * 64-bit hash (two independent 32-bit lanes over its UTF-16 code units), never
 * as text, in an open-addressing table of typed arrays (8 bytes an entry, at
 * most 70% full); a key's first row is a slot in parallel typed arrays (28
 * bytes). Both double when full, so a key costs about 40–80 bytes, all in
 * ArrayBuffers outside the V8 heap (2,000,000 keys: 88 MiB, against 214 MB of
 * heap for a Map and number arrays). Only a key that gets a second row (rare)
 * is remembered with its text, in a Map, with every row that carries it.
 *
 * Two different keys with the same 64-bit hash: among n distinct keys the
 * chance that any two collide is about n²/2^65 (2,000,000 keys ≈ 1.1e-7;
 * 5,000,000 ≈ 6.8e-7). Should it happen, the later key is taken for a second
 * row of the earlier one. Their rows differ (when, as in readSource, the
 * fingerprint covers the key's own cell, an exact match would need a further
 * 2^-52 fingerprint collision), so the later row is judged "conflict" and
 * `conflicts()` lists the later key's text with both rows; later rows of the
 * earlier key are still judged correctly against its own first row. Nothing is
 * silently merged: the run shows a false conflicting-duplicate error naming
 * two rows whose keys plainly differ. (readSource's second pass excludes keys
 * by text, so the earlier key's row is then still aggregated although the
 * accounting counts it as rejected.)
 */
import { Numbering } from "../util/numbering.js";

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

const INITIAL_TABLE = 1 << 10; // entries; a power of two
const INITIAL_SLOTS = 1 << 9;
const MAX_LOAD = 0.7;

/**
 * A key's first row is a slot in parallel typed arrays; the table maps a key's
 * hash to its slot; rep names are interned.
 */
export class DuplicateTracker {
  /** pairs [lane A, slot + 1] (0 = empty), open addressing with triangular probing */
  private table = new Int32Array(INITIAL_TABLE * 2);
  private mask = INITIAL_TABLE - 1;
  private growAt = Math.floor(INITIAL_TABLE * MAX_LOAD);
  private count = 0;
  // per slot
  private laneB = new Int32Array(INITIAL_SLOTS);
  private fingerprints = new Float64Array(INITIAL_SLOTS);
  private rows = new Int32Array(INITIAL_SLOTS);
  private files = new Int32Array(INITIAL_SLOTS);
  private records = new Int32Array(INITIAL_SLOTS);
  private reps = new Int32Array(INITIAL_SLOTS);
  private readonly repNames = new Numbering<string | null>();
  private readonly repeated = new Map<string, Repeated>();

  observe(key: string, rawValues: readonly string[], row: number, file: number, record: number, rep: string | null = null): Verdict {
    return this.observeFingerprint(key, fingerprintOf(rawValues), row, file, record, rep);
  }

  /** `observe` for a caller that has computed `fingerprintOf(rawValues)` itself. */
  observeFingerprint(key: string, fingerprint: number, row: number, file: number, record: number, rep: string | null = null): Verdict {
    // lane A: murmur3-style mixing of each code unit
    let a = 0x9747b28c;
    // lane B: multiply, then fold the high bits back down, per code unit
    let b = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      let k = Math.imul(ch, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      a ^= Math.imul(k, 0x1b873593);
      a = (a << 13) | (a >>> 19);
      a = (Math.imul(a, 5) + 0xe6546b64) | 0;
      b = Math.imul(b ^ ch, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a = fmix32(a ^ key.length);
    b = fmix32(Math.imul(b ^ key.length, 0x27d4eb2f));

    const table = this.table;
    const mask = this.mask;
    let index = a & mask;
    for (let step = 1; ; step++) {
      const entry = table[index * 2 + 1] ?? 0;
      if (entry === 0) break;
      if (table[index * 2] === a && this.laneB[entry - 1] === b) return this.again(key, entry - 1, fingerprint, row, file, record, rep);
      index = (index + step) & mask;
    }

    // a key never seen: it cannot be among the repeated ones either, as each of those is in the table
    if ((row | 0) !== row || (file | 0) !== file || (record | 0) !== record) throw new RangeError(`row ${row}, file ${file}, record ${record}: each must be a 32-bit integer`);
    const slot = this.count;
    if (slot === this.rows.length) this.growSlots();
    this.laneB[slot] = b;
    this.fingerprints[slot] = fingerprint;
    this.rows[slot] = row;
    this.files[slot] = file;
    this.records[slot] = record;
    this.reps[slot] = this.repNames.of(rep);
    table[index * 2] = a;
    table[index * 2 + 1] = slot + 1;
    this.count = slot + 1;
    if (this.count > this.growAt) this.growTable();
    return "first";
  }

  /** A second or later row of a key whose first row is `slot`. */
  private again(key: string, slot: number, fingerprint: number, row: number, file: number, record: number, rep: string | null): Verdict {
    let entry = this.repeated.get(key);
    if (entry === undefined) {
      const first: KeyRow = { row: this.rows[slot] ?? 0, file: this.files[slot] ?? 0, record: this.records[slot] ?? 0, rep: this.repNames.list[this.reps[slot] ?? 0] ?? null };
      entry = { fingerprint: this.fingerprints[slot] ?? -1, rows: [first], conflict: false };
      this.repeated.set(key, entry);
    }
    if (!entry.conflict && entry.fingerprint === fingerprint) {
      entry.rows.push({ row, file, record: -1, rep });
      return "duplicate";
    }
    entry.conflict = true;
    entry.rows.push({ row, file, record, rep });
    return "conflict";
  }

  private growTable(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * 2);
    const mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i + 1] ?? 0;
      if (entry === 0) continue;
      const a = old[i] ?? 0;
      let index = a & mask;
      for (let step = 1; table[index * 2 + 1] !== 0; step++) index = (index + step) & mask;
      table[index * 2] = a;
      table[index * 2 + 1] = entry;
    }
    this.table = table;
    this.mask = mask;
    this.growAt = Math.floor(size * MAX_LOAD);
  }

  private growSlots(): void {
    const size = this.rows.length * 2;
    this.laneB = grown(this.laneB, new Int32Array(size));
    this.fingerprints = grown(this.fingerprints, new Float64Array(size));
    this.rows = grown(this.rows, new Int32Array(size));
    this.files = grown(this.files, new Int32Array(size));
    this.records = grown(this.records, new Int32Array(size));
    this.reps = grown(this.reps, new Int32Array(size));
  }

  /** Keys whose rows differ, with every row that carries them, in file order. */
  conflicts(): Conflict[] {
    const out: Conflict[] = [];
    for (const [key, entry] of this.repeated) if (entry.conflict) out.push({ key, rows: entry.rows });
    return out;
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** murmur3's finaliser: every input bit reaches every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
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
