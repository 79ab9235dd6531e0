import type { Anomaly } from "./anomalies/anomaly.js";
import type { CommissionResult } from "./commission/commissionResult.js";
import type { LoadedConfig } from "./config/loadConfig.js";
import type { EngineResult } from "./engine/runResult.js";
import type { Period } from "./engine/period.js";
import type { Ingested } from "./ingest/ingestAll.js";

/** Everything one `kpi run` computed, handed to the writers. */
export interface RunOutcome {
  loaded: LoadedConfig;
  ingested: Ingested;
  period: Period;
  engine: EngineResult;
  /** payouts per rep; absent only while the commission stage is not wired in */
  commission?: CommissionResult;
  /** rep -> metric -> relative change against the previous period (null when it cannot be computed) */
  changes: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  /** every anomaly of every stage, sorted by severity then rep */
  anomalies: Anomaly[];
  /** the kpi version that computed it */
  version: string;
}
