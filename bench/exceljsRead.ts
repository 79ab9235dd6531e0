/**
 * exceljs's own streaming reader over the bench's payments.xlsx, for
 * comparison with kpi's xlsx reader: every row of the sheet is read with
 * shared strings and styles cached (so date cells come back as dates), and
 * the amounts are summed so no value goes untouched. Prints JSON.
 *
 *   node dist/bench/exceljsRead.js FILE
 */
import ExcelJS from "exceljs";

export interface ExceljsReadOutput {
  /** data rows: every row below the header */
  rows: number;
  seconds: number;
  amountTotal: number;
}

export async function exceljsRead(file: string): Promise<ExceljsReadOutput> {
  const started = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", worksheets: "emit", hyperlinks: "ignore", entries: "ignore" });
  let rows = 0;
  let amountTotal = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue;
      rows++;
      const amount = row.getCell(4).value;
      if (typeof amount === "number") amountTotal += amount;
    }
  }
  return { rows, seconds: (performance.now() - started) / 1000, amountTotal };
}

const [file] = process.argv.slice(2);
if (file !== undefined) process.stdout.write(`${JSON.stringify(await exceljsRead(file))}\n`);
