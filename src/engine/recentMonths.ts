/**
 * Per metric, an owner's accumulators of the last two months a record of it
 * went to. With -p a rep's records hop between the period's month and the one
 * before, so most records find their accumulator here and skip the three map
 * look-ups of the monthly table. Only a look-aside: the table stays the truth,
 * and an accumulator is remembered only once the table holds it.
 */
import type { Accumulator } from "./accumulator.js";
import type { MonthKey } from "./monthKeys.js";

export class RecentMonths {
  private readonly lastMonth: MonthKey[];
  private readonly lastAccumulator: (Accumulator | undefined)[] = [];
  private readonly otherMonth: MonthKey[];
  private readonly otherAccumulator: (Accumulator | undefined)[] = [];

  constructor(metrics: number) {
    this.lastMonth = new Array<MonthKey>(metrics).fill(-1);
    this.otherMonth = new Array<MonthKey>(metrics).fill(-1);
  }

  /** The accumulator of metric `m` for `month`, if it is one of the two remembered. */
  get(m: number, month: MonthKey): Accumulator | undefined {
    if (this.lastMonth[m] === month) return this.lastAccumulator[m];
    return this.otherMonth[m] === month ? this.otherAccumulator[m] : undefined;
  }

  /** `accumulator` is metric `m`'s for `month`; the older of the two remembered is forgotten. */
  remember(m: number, month: MonthKey, accumulator: Accumulator): void {
    this.otherMonth[m] = this.lastMonth[m] as MonthKey;
    this.otherAccumulator[m] = this.lastAccumulator[m];
    this.lastMonth[m] = month;
    this.lastAccumulator[m] = accumulator;
  }
}
