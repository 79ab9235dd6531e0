import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, countsFor } from "../../../bench/benchShape.js";
import { generate, type GenerateResult } from "../../../bench/generate.js";

const SCALE = 0.001; // 1,000 reps, 1,000 deals, 5,000 activities, 200 payments

const dataLines = (text: string): number => text.split("\n").filter((l) => l.length > 0).length - 1;

async function xlsxDataRows(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return (wb.getWorksheet("Payments")?.actualRowCount ?? 0) - 1;
}

describe("bench generate", () => {
  let dirA = "";
  let dirB = "";
  let first: GenerateResult;

  beforeAll(async () => {
    dirA = await mkdtemp(path.join(os.tmpdir(), "kpi-bench-a-"));
    dirB = await mkdtemp(path.join(os.tmpdir(), "kpi-bench-b-"));
    first = await generate({ dir: dirA, scale: SCALE });
    await generate({ dir: dirB, scale: SCALE });
  });
  afterAll(async () => {
    await rm(dirA, { recursive: true, force: true });
    await rm(dirB, { recursive: true, force: true });
  });

  it.each(Object.values(FILES))("writes the same bytes twice: %s", async (name) => {
    expect((await readFile(path.join(dirA, name))).equals(await readFile(path.join(dirB, name)))).toBe(true);
  });

  it.each([
    [FILES.roster, countsFor(SCALE).reps], // 1,000 reps at every scale
    [FILES.deals, countsFor(SCALE).deals], // 1,000,000 × 0.001
    [FILES.activities, countsFor(SCALE).activities], // 5,000,000 × 0.001
  ])("%s has %i data rows", async (name, rows) => {
    expect(dataLines(await readFile(path.join(dirA, name), "utf8"))).toBe(rows);
    expect(first.manifest.files[name]?.rows).toBe(rows);
  });

  it("payments.xlsx has 200 data rows below its header", async () => {
    expect(await xlsxDataRows(path.join(dirA, FILES.payments))).toBe(countsFor(SCALE).payments);
  });

  it("reuses files that match the manifest", async () => {
    const again = await generate({ dir: dirA, scale: SCALE });
    expect(again.written).toEqual([]);
    expect(again.reused).toEqual(Object.values(FILES));
  });

  it("rewrites when the seed changes", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "kpi-bench-c-"));
    try {
      await generate({ dir, scale: SCALE });
      const other = await generate({ dir, scale: SCALE, seed: 7 });
      expect(other.written).toEqual(Object.values(FILES));
      expect((await readFile(path.join(dir, FILES.deals))).equals(await readFile(path.join(dirA, FILES.deals)))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
