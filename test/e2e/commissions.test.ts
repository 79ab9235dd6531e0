import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/money.js";
import { ROOT, runKpi } from "./support.js";

/** Amounts are read back as numbers; to the cent they are exact as decimal strings of 2 places. */
const cents = (value: unknown): Dec => new Dec(Number(value).toFixed(2));

describe("commissions.xlsx on the bundled example", () => {
  const out = mkdtempSync(join(tmpdir(), "kpi-commissions-"));
  const result = runKpi(["run", "-o", out, "--quiet", "--fail-on", "never"], { cwd: ROOT });

  it("runs", () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it("has a Summary grand total equal to the sum of Lines and of the Commissions sheet, to the cent", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "commissions.xlsx"));
    const commissions = workbook.getWorksheet("Commissions");
    const lines = workbook.getWorksheet("Lines");
    const summary = workbook.getWorksheet("Summary");
    if (!commissions || !lines || !summary) throw new Error("missing sheet");

    const header = (commissions.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["Rep", "Name", "Team", "Period", "Currency"]);
    expect(header.slice(-3)).toEqual(["Cap adjustment", "Total", "Needs review"]);
    const totalColumn = header.indexOf("Total") + 1;
    let sumCommissions = new Dec(0);
    commissions.eachRow((row, n) => {
      if (n > 1) sumCommissions = sumCommissions.plus(cents(row.getCell(totalColumn).value));
    });
    let sumLines = new Dec(0);
    lines.eachRow((row, n) => {
      if (n > 1) sumLines = sumLines.plus(cents(row.getCell(6).value));
    });
    let grand: Dec | null = null;
    let check = "";
    summary.eachRow((row) => {
      if (row.getCell(1).value === "Grand total") grand = cents(row.getCell(3).value);
      if (row.getCell(1).value === "Check") check = String(row.getCell(2).value);
    });
    expect(grand).not.toBeNull();
    expect((grand as unknown as Dec).toFixed(2)).toBe(sumLines.toFixed(2));
    expect(sumCommissions.toFixed(2)).toBe(sumLines.toFixed(2));
    expect(check).toMatch(/^OK/);

    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(json.commission.grand_total).toBe(sumLines.toFixed(2));
  });

  it("writes money cells as numbers with a currency format, and flags reps with errors", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "commissions.xlsx"));
    const sheet = workbook.getWorksheet("Commissions");
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const total = sheet?.getRow(2).getCell(header.indexOf("Total") + 1);
    expect(typeof total?.value).toBe("number");
    expect(total?.numFmt).toContain("CNY");
    const review: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1 && row.getCell(header.indexOf("Needs review") + 1).value === "yes") review.push(String(row.getCell(1).value));
    });
    // the bundled data plants rejected rows for He Ping (R016) and Gao Yan (R019), and a conflicting duplicate for Zhao Li
    expect(review).toEqual(expect.arrayContaining(["R016", "R019"]));
  });

  it("writes commissions.csv with a BOM and the Commissions columns", () => {
    const csv = readFileSync(join(out, "commissions.csv"));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").slice(1).split("\r\n")[0]?.startsWith("Rep,Name,Team,Period,Currency,")).toBe(true);
  });
});
