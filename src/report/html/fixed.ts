/** A number with a fixed count of decimals, never `-0.00`: SVG coordinates and chart labels read the same on every run. */
export function fixed(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
