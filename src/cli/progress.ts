/**
 * A one-line progress report on stderr while sources are read ("deals: 240,000
 * rows · 81,000 rows/s"), only when stderr is a terminal; cleared when done.
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
  let shown = false;
  return {
    update(source, rowsRead) {
      const seconds = Math.max((now() - started) / 1000, 0.001);
      io.stderr.write(`\r\x1b[2K${source}: ${groupThousands(String(rowsRead))} rows · ${groupThousands(String(Math.round(rowsRead / seconds)))} rows/s`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
    },
  };
}
