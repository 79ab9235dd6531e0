import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATED_FILES, generateExamples } from "../../../scripts/generateExamples.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const committed = path.join(root, "examples");

let outDir = "";
let otherTzDir = "";

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), "kpi-examples-"));
  otherTzDir = await mkdtemp(path.join(tmpdir(), "kpi-examples-tz-"));
  await generateExamples(outDir);
  const tz = process.env.TZ;
  process.env.TZ = "Pacific/Kiritimati"; // UTC+14: a date computed through local time would shift
  try {
    await generateExamples(otherTzDir);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

afterAll(async () => {
  for (const dir of [outDir, otherTzDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every cell of every sheet, as plain values (dates as ISO text). */
async function cellValues(file: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows[n - 1] = values.map((v) => (v instanceof Date ? v.toISOString() : v));
    });
    out[ws.name] = rows;
  });
  return out;
}

describe("example generator", () => {
  it("writes exactly the committed files", async () => {
    const written = (await readdir(outDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort();
    expect(written).toEqual([...GENERATED_FILES].sort());
  });

  it.each(GENERATED_FILES.filter((f) => !f.endsWith(".xlsx")))("committed %s is the generator's output, byte for byte", async (file) => {
    const fresh = await readFile(path.join(outDir, file));
    const kept = await readFile(path.join(committed, file));
    expect(fresh.equals(kept), `examples/${file} differs from the generator's output: run npm run build && npm run examples`).toBe(true);
  });

  it("committed payments.xlsx holds the generator's cell values, and its bytes", async () => {
    const file = "data/payments.xlsx";
    const fresh = await cellValues(path.join(outDir, file));
    const kept = await cellValues(path.join(committed, file));
    expect(Object.keys(fresh)).toEqual(["Read me", "Payments"]);
    expect(kept).toEqual(fresh);
    const bytes = await readFile(path.join(outDir, file));
    expect(bytes.equals(await readFile(path.join(committed, file)))).toBe(true);
  });

  it("does not depend on the time zone", async () => {
    for (const file of GENERATED_FILES) {
      const a = await readFile(path.join(outDir, file));
      const b = await readFile(path.join(otherTzDir, file));
      expect(a.equals(b), file).toBe(true);
    }
  });

  it("writes real date cells in payments.xlsx, with the header on row 3", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "data/payments.xlsx"));
    const ws = wb.getWorksheet("Payments");
    expect(ws?.getRow(3).values).toEqual([undefined, "Payment ID", "Owner ID", "Account", "Amount", "Paid Date", "Currency"]);
    expect(ws?.getCell("E4").value).toBeInstanceOf(Date);
    expect(typeof ws?.getCell("D4").value).toBe("number");
  });

  it("encodes the Chinese deals in GBK", async () => {
    const bytes = await readFile(path.join(outDir, "zh/data/deals.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const text = iconv.decode(bytes, "gbk");
    expect(text.split("\r\n")[0]).toBe("商机编号,客户名称,负责人,阶段,签约金额,币种,创建日期,签约日期,客户类型,战略客户");
    expect(text).toMatch(/"￥\d{1,3}(,\d{3})*\.\d{2}"/);
    expect(text).toMatch(/,2026\/10\/\d{1,2},/);
  });

  it("writes the other Chinese files as UTF-8 with a BOM", async () => {
    for (const file of ["zh/data/roster.csv", "zh/data/activities.csv"]) {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(await readFile(path.join(outDir, file)));
      expect(text.startsWith("\uFEFF"), file).toBe(true);
    }
  });

  it("plants each problem where planted.json says", async () => {
    const planted = JSON.parse(await readFile(path.join(outDir, "planted.json"), "utf8")) as {
      planted: { code: string; file: string; row: number | null; value: string | null; rep: string }[];
    };
    const lines = (await readFile(path.join(outDir, "data/deals.csv"), "utf8")).split("\r\n");
    const at = (row: number): string => lines[row - 1] ?? "";
    const id = (row: number): string => at(row).split(",")[0] ?? "";
    for (const p of planted.planted) {
      const row = p.row;
      if (row === null) continue;
      expect(p.file).toBe("data/deals.csv");
      switch (p.code) {
        case "duplicate":
          expect(at(row)).toBe(at(row - 1));
          break;
        case "conflicting_duplicate":
          expect(lines.filter((l) => l.startsWith(`${id(row)},`))).toHaveLength(2);
          break;
        case "rejected_row":
          expect(at(row)).toContain(p.value);
          break;
        case "unknown_rep":
          expect(at(row).split(",")[1]).toBe(p.value);
          expect(lines.findIndex((l) => l.split(",")[1] === p.value) + 1).toBe(row);
          break;
        case "inactive_rep":
          expect(at(row)).toMatch(/,10\/15\/2026,/);
          break;
        default:
          throw new Error(`unexpected planted code ${p.code}`);
      }
    }
    const codes = planted.planted.map((p) => p.code).sort();
    expect(codes).toEqual(
      ["conflicting_duplicate", "conflicting_duplicate", "duplicate", "inactive_rep", "outlier", "period_end_share", "rejected_row", "rejected_row", "change", "rule", "unknown_rep"].sort(),
    );
  });

  it("uses neither Math.random nor the clock", async () => {
    const dir = path.join(root, "scripts");
    const files = [path.join(dir, "generateExamples.ts"), ...(await readdir(path.join(dir, "examples"))).map((f) => path.join(dir, "examples", f))];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      expect(text, file).not.toMatch(/Math\.random\(|Date\.now\(|new Date\(\)|performance\.now\(/);
    }
  });
});
