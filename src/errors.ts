/**
 * The error kinds of the product. Each carries where the problem is and what
 * would be right; `src/cli/exitCode.ts` maps each kind to its exit code in
 * one place. Anything else that reaches the top is a bug (exit 70).
 */

/** One problem in a config file: plain data, formatted in one place. */
export interface Issue {
  code: string;
  message: string;
  file: string;
  line: number;
  col: number;
  /** what would be right, when it can be said shortly */
  expected?: string;
  received?: string;
}

export function formatIssue(issue: Issue): string {
  const hint = issue.expected ? ` (expected ${issue.expected})` : "";
  return `${issue.file}:${issue.line}:${issue.col} ${issue.message}${hint}`;
}

/** The config is invalid: schema or semantic issues, all of them. Exit 1. */
export class ConfigError extends Error {
  constructor(
    readonly issues: readonly Issue[],
    /** the command already printed the issues in the format asked for */
    readonly reported = false,
  ) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ConfigError";
  }
}

/** An input file cannot be read (missing, not CSV/XLSX, a mapped column absent). Exit 1. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly row: number | null = null,
    readonly column: string | null = null,
  ) {
    const where = [file, row === null ? null : `row ${row}`, column === null ? null : `column "${column}"`].filter((x) => x !== null).join(", ");
    super(`${where}: ${message}`);
    this.name = "InputError";
  }
}

/** An output cannot be written (a full or read-only folder, an Excel limit). Exit 1. Subclasses live with the writers. */
export class OutputError extends Error {}

/** The command line is wrong (unknown flag, bad PERIOD). Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Outputs were written, but anomalies at or above --fail-on were found. Exit 3. */
export class AnomaliesFound extends Error {
  constructor(readonly count: number, readonly threshold: string) {
    super(`${count} anomal${count === 1 ? "y" : "ies"} at or above "${threshold}" found`);
    this.name = "AnomaliesFound";
  }
}
