/** What every semantic check receives: the typed config and a way to report an issue at a config path. */
import type { Config } from "./schema.js";
import type { ConfigPath } from "./positions.js";

export interface ReportOptions {
  expected?: string;
  /** point at the key rather than the value */
  key?: boolean;
  /** a character offset inside the value's text */
  offset?: number;
}

export interface CheckContext {
  config: Config;
  report(path: ConfigPath, message: string, options?: ReportOptions): void;
}

export type SemanticCheck = (ctx: CheckContext) => void;
