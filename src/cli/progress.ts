/**
 * A one-line progress report on stderr while sources are read ("deals:
 * 240,000 rows · activities: 1,200,000 rows · 810,000 rows/s"), only when
 * stderr is a terminal; cleared when done. Sources read side by side each
 * show their count; the rate is over all of them since the start.
 */
import { groupThousands } from "../util/groupThousands.js";
import type { CommandIO } from "./io.js";

export interface Progress {
  update: (source: string, rowsRead: number) => void;
  done: () => void;
}

export function progressLine(io: CommandIO, now: () => number = () => performance.now()): Progress | null {
  if (!io.stderr.isTTY) return null;
  const started = now();
  const rows = new Map<string, number>();
  let shown = false;
  return {
    update(source, rowsRead) {
      rows.set(source, rowsRead);
      const seconds = Math.max((now() - started) / 1000, 0.001);
      const total = [...rows.values()].reduce((sum, n) => sum + n, 0);
      const counts = [...rows].map(([name, n]) => `${name}: ${groupThousands(String(n))} rows`);
      let line = [...counts, `${groupThousands(String(Math.round(total / seconds)))} rows/s`].join(" · ");
      // a line that wraps cannot be cleared with \r
      const width = (io.stderr as { columns?: number }).columns;
      if (width !== undefined && width > 1 && line.length >= width) line = `${line.slice(0, width - 2)}…`;
      io.stderr.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
    },
  };
}
