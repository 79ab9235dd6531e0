/**
 * A small memo from a field's bytes to what they were read as, so that a
 * column holding a few hundred distinct texts (owners, stages, dates) is
 * decoded and coerced once per distinct text rather than once per row. Keys
 * are compared byte for byte (a hash only finds the slot). Bounded: when
 * full it stops learning, and a column whose texts rarely repeat (customer
 * names, ids) switches the memo off rather than pay for the look-ups.
 */
const SLOTS = 8192; // a power of two, twice the entries at most
const MAX_ENTRIES = SLOTS / 2;
const MAX_KEY = 48;
const TRIAL_LOOKUPS = 20_000;

export class ByteMemo<T> {
  private readonly hashes = new Int32Array(SLOTS);
  private readonly offsets = new Int32Array(SLOTS);
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly values = new Array<T | undefined>(SLOTS);
  private readonly arena = Buffer.alloc(MAX_ENTRIES * MAX_KEY);
  private used = 0;
  private entries = 0;
  private lookups = 0;
  private hits = 0;
  /** off: every look-up misses at once */
  private off = false;

  get(buf: Buffer, start: number, end: number): T | undefined {
    if (this.off) return undefined;
    const length = end - start;
    if (length > MAX_KEY) return undefined;
    if (++this.lookups === TRIAL_LOOKUPS && this.hits < TRIAL_LOOKUPS / 2) this.off = true;
    const hash = hashOf(buf, start, end);
    for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const len = this.lengths[slot] as number;
      if (len < 0) return undefined;
      if (len === length && this.hashes[slot] === hash && this.sameBytes(this.offsets[slot] as number, buf, start, length)) {
        this.hits++;
        return this.values[slot];
      }
    }
  }

  set(buf: Buffer, start: number, end: number, value: T): void {
    const length = end - start;
    if (this.off || length > MAX_KEY || this.entries >= MAX_ENTRIES) return;
    const hash = hashOf(buf, start, end);
    let slot = hash & (SLOTS - 1);
    while ((this.lengths[slot] as number) >= 0) slot = (slot + 1) & (SLOTS - 1);
    buf.copy(this.arena, this.used, start, end);
    this.hashes[slot] = hash;
    this.offsets[slot] = this.used;
    this.lengths[slot] = length;
    this.values[slot] = value;
    this.used += length;
    this.entries++;
  }

  private sameBytes(offset: number, buf: Buffer, start: number, length: number): boolean {
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[offset + i] !== buf[start + i]) return false;
    return true;
  }
}

/** FNV-1a over the bytes. */
function hashOf(buf: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h ^ (h >>> 15);
}
