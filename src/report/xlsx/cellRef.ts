/** A1 references: column letters from a 0-based column index. */
export function columnLetter(index: number): string {
  let s = "";
  for (let x = index + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
