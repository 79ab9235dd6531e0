import type { Dec } from "../money.js";

/** A metric's value for one rep in one period. */
export interface MetricResult {
  actual: Dec | null;
  /** records that made it; null for a formula metric */
  records: number | null;
}

/** metric name -> rep id -> result */
export type MetricTable = Map<string, Map<string, MetricResult>>;
