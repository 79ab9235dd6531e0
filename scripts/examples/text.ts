/** Text helpers for the example exports: CSV quoting and money spellings. */

/** One CSV field, quoted when it has to be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** A whole CSV file: header, rows, the given line ending after every line. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[], eol: "\n" | "\r\n"): string {
  return [header, ...rows].map((r) => csvLine(r) + eol).join("");
}

/** Integer cents as `12,500.00`. */
export function moneyText(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`cents must be an integer: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** Integer cents as a JS number with two decimals (for xlsx number cells). */
export function centsToNumber(cents: number): number {
  return Number((cents / 100).toFixed(2));
}

/** Round a positive amount in whole currency units to a multiple of `step`, as cents. */
export function roundCents(units: number, step: number): number {
  return Math.max(step, Math.round(units / step) * step) * 100;
}
