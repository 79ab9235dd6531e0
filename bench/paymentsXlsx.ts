/**
 * payments.xlsx: one sheet of payments written row by row with exceljs's
 * streaming WorkbookWriter (shared strings and styles, as Excel itself
 * saves), dates as real date cells. Fixed document and zip times make the
 * bytes the same on every run.
 */
import { rename, rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import { Rng } from "../scripts/examples/prng.js";
import { FIRST_DAY, LAST_DAY } from "./benchShape.js";
import { idFormatter } from "./benchCsv.js";
import { fixZipTimesInPlace } from "./fixZipTimesInPlace.js";
import { pickCustomer, pickOwner, type SalesWorld } from "./salesWorld.js";

export const PAYMENTS_SHEET = "Payments";
export const PAYMENTS_HEADER = ["Payment ID", "Owner ID", "Customer", "Amount", "Paid Date", "Currency"] as const;
/** Excel's serial number of 1970-01-01 (1900 date system). */
const SERIAL_OF_EPOCH = 25569;
const FIXED_TIME = new Date(Date.UTC(2026, 10, 16, 9, 0, 0));

export async function writePaymentsXlsx(file: string, world: SalesWorld, seed: number, count: number): Promise<void> {
  const temp = `${file}.partial`;
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: true });
    wb.created = FIXED_TIME;
    wb.modified = FIXED_TIME;
    wb.creator = "kpi bench";
    wb.lastModifiedBy = "kpi bench";
    const ws = wb.addWorksheet(PAYMENTS_SHEET);
    ws.columns = PAYMENTS_HEADER.map((header, i) => ({ header, width: 14, style: i === 4 ? { numFmt: "yyyy-mm-dd" } : i === 3 ? { numFmt: "#,##0.00" } : {} }));
    const rng = new Rng(`${seed}:payments`);
    const id = idFormatter("P", count, 6);
    for (let i = 0; i < count; i++) {
      const owner = pickOwner(world, rng);
      const customer = pickCustomer(world, rng, owner).replace(/^"|"$/g, "");
      const cents = rng.int(50, 60_000) * 100 + (rng.chance(0.3) ? rng.int(0, 99) : 0);
      const day = FIRST_DAY + rng.int(0, LAST_DAY - FIRST_DAY);
      ws.addRow([id(i), world.reps[owner]?.id ?? "", customer, cents / 100, day + SERIAL_OF_EPOCH, "CNY"]).commit();
    }
    ws.commit();
    await wb.commit();
    await fixZipTimesInPlace(temp);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await rename(temp, file);
}
