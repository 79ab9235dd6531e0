/**
 * An exact running total of money that does not build a decimal per add:
 * amounts that arrive as whole units of 10^-scale (the byte reader's plain
 * decimals, `27500.53` is 2750053 at scale 2) are summed as integers, one
 * lane per scale, each moved into the decimal total before it could leave
 * the range where doubles count exactly. Anything else adds as a decimal.
 */
import { Dec, ZERO, decFromUnits } from "../money.js";

/** Lanes for scales 0..MAX_LANE_SCALE; finer amounts add as decimals. */
export const MAX_LANE_SCALE = 6;
const LANE_LIMIT = 2 ** 52;

/** The lanes a total has (scales 0..MAX_LANE_SCALE): a total crosses threads as this many numbers and its decimal part. */
export const LANES = MAX_LANE_SCALE + 1;

export class MoneySum {
  private decimal: Dec = ZERO;
  private readonly lanes: number[] = [0, 0, 0, 0, 0, 0, 0]; // one per scale 0..MAX_LANE_SCALE

  add(value: Dec): void {
    if (!value.isZero()) this.decimal = this.decimal.plus(value);
  }

  /** `units` × 10^-scale; `units` must be a safe integer (at most 15 digits). */
  addUnits(units: number, scale: number): void {
    if (scale > MAX_LANE_SCALE) {
      this.decimal = this.decimal.plus(decFromUnits(units, scale));
      return;
    }
    const lane = (this.lanes[scale] as number) + units;
    if (Math.abs(lane) < LANE_LIMIT) this.lanes[scale] = lane;
    else {
      this.decimal = this.decimal.plus(decFromUnits(lane - units, scale)).plus(decFromUnits(units, scale));
      this.lanes[scale] = 0;
    }
  }

  merge(other: MoneySum): void {
    this.mergeParts(other.decimal, other.lanes, 0);
  }

  /**
   * To cross to another thread: writes the lanes at `lanes[at, at + LANES)`
   * and returns the decimal part as text (null for zero).
   */
  packInto(lanes: Float64Array, at: number): string | null {
    lanes.set(this.lanes, at);
    return this.decimal.isZero() ? null : this.decimal.toString();
  }

  /** Adds a total another thread packed (`packInto`), as `merge` adds a total. */
  mergePacked(decimal: string | null, lanes: Float64Array, at: number): void {
    this.mergeParts(decimal === null ? ZERO : new Dec(decimal), lanes, at);
  }

  /** Adds a decimal part and the lanes at `lanes[at, at + LANES)`. */
  private mergeParts(decimal: Dec, lanes: ArrayLike<number>, at: number): void {
    this.add(decimal);
    for (let scale = 0; scale <= MAX_LANE_SCALE; scale++) {
      const units = lanes[at + scale] ?? 0;
      if (units !== 0) this.addUnits(units, scale);
    }
  }

  total(): Dec {
    let total = this.decimal;
    for (let scale = 0; scale <= MAX_LANE_SCALE; scale++) {
      const lane = this.lanes[scale] as number;
      if (lane !== 0) total = total.plus(decFromUnits(lane, scale));
    }
    return total;
  }
}
