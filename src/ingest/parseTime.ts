/**
 * The time that may follow a date in a cell: `T` or white space, then
 * `H:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, an optional `AM`/`PM`, and an optional
 * zone designator (`Z`, `+08:00`, `-0500`, `UTC`, `GMT+8`) that is ignored:
 * the time is kept as written, never converted. Fractions of a second are
 * dropped. Returns seconds since midnight, or a reason to reject.
 */
export type TimeParse = { ok: true; secondsOfDay: number } | { ok: false; reason: "syntax" | "time" };

const TIME =
  /^(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(?:[Zz]|(?:UTC|GMT)?[+\-\u2212]\d{1,2}(?::?\d{2})?|UTC|GMT))?$/;

export function parseTime(text: string): TimeParse {
  const match = TIME.exec(text);
  if (!match) return { ok: false, reason: "syntax" };
  const [, h = "", m = "", s = "0", meridiem] = match;
  let hours = Number(h);
  const minutes = Number(m);
  const seconds = Number(s);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return { ok: false, reason: "time" };
    hours = (hours % 12) + (meridiem.toUpperCase() === "P" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return { ok: false, reason: "time" };
  return { ok: true, secondsOfDay: hours * 3600 + minutes * 60 + seconds };
}
