/** The one table from outcome to exit code (SPEC §2). Only main.ts uses it. */
import { AnomaliesFound, ConfigError, InputError, OutputError, UsageError } from "../errors.js";

export const EXIT = { ok: 0, invalid: 1, usage: 2, anomalies: 3, internal: 70 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError || error instanceof InputError || error instanceof OutputError) return EXIT.invalid;
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof AnomaliesFound) return EXIT.anomalies;
  return EXIT.internal;
}
