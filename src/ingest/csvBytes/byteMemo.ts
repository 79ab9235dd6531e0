/**
 * A small memo from a field's bytes to what they were read as, so that a
 * column holding a few hundred distinct texts (owners, stages, dates) is
 * decoded and coerced once per distinct text rather than once per row. Keys
 * are compared byte for byte (a hash only finds the slot). Bounded: when
 * full it stops learning, and a column whose texts rarely repeat (customer
 * names, ids) switches the memo off rather than pay for the look-ups.
 *
 * The tables start small and double as entries come (each read holds a few
 * of these per column): a column of four stages keeps tables of 16 slots,
 * and a column nobody looks up allocates nothing.
 */
const FIRST_SLOTS = 16;
const MAX_SLOTS = 8192; // powers of two; at most half the slots hold an entry
const MAX_ENTRIES = MAX_SLOTS / 2;
const MAX_KEY = 48;
const TRIAL_LOOKUPS = 20_000;

const NO_SLOTS = new Int32Array(0);

export class ByteMemo<T> {
  private slots = 0;
  private hashes = NO_SLOTS;
  private offsets = NO_SLOTS;
  /** the key's length, or -1 for a free slot */
  private lengths = NO_SLOTS;
  private values: (T | undefined)[] = [];
  private arena = Buffer.alloc(0);
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
    if (this.entries === 0) return undefined;
    const hash = hashOf(buf, start, end);
    const mask = this.slots - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
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
    if (2 * (this.entries + 1) > this.slots) this.grow();
    if (this.used + length > this.arena.length) this.growArena(this.used + length);
    buf.copy(this.arena, this.used, start, end);
    this.place(hashOf(buf, start, end), this.used, length, value);
    this.used += length;
    this.entries++;
  }

  private place(hash: number, offset: number, length: number, value: T | undefined): void {
    const mask = this.slots - 1;
    let slot = hash & mask;
    while ((this.lengths[slot] as number) >= 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.offsets[slot] = offset;
    this.lengths[slot] = length;
    this.values[slot] = value;
  }

  /** Twice the slots (or the first ones), every entry placed again by its hash. */
  private grow(): void {
    const { slots, hashes, offsets, lengths, values } = this;
    this.slots = slots === 0 ? FIRST_SLOTS : slots * 2;
    this.hashes = new Int32Array(this.slots);
    this.offsets = new Int32Array(this.slots);
    this.lengths = new Int32Array(this.slots).fill(-1);
    this.values = new Array<T | undefined>(this.slots);
    for (let slot = 0; slot < slots; slot++) {
      const length = lengths[slot] as number;
      if (length >= 0) this.place(hashes[slot] as number, offsets[slot] as number, length, values[slot]);
    }
  }

  private growArena(atLeast: number): void {
    const arena = Buffer.alloc(Math.min(MAX_ENTRIES * MAX_KEY, Math.max(atLeast, 2 * this.arena.length, 1024)));
    this.arena.copy(arena, 0, 0, this.used);
    this.arena = arena;
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
