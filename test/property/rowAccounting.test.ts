import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceSchema } from "../../src/config/schema.js";
import { readSource } from "../../src/ingest/readSource.js";
import type { SourceRecord } from "../../src/ingest/sourceData.js";

const dir = mkdtempSync(join(tmpdir(), "kpi-accounting-"));
const config = SourceSchema.parse({
  path: "deals.csv",
  key: "id",
  columns: { id: "Id", rep: "Owner", amount: { from: "Amount", type: "money" }, closed: { from: "Closed", type: "date" } },
});

/** Rows drawn from a small pool so that duplicates, conflicts and bad cells all happen. */
const rowArb = fc.record({
  id: fc.constantFrom("D1", "D2", "D3", "D4", "D5", ""),
  owner: fc.constantFrom("R001", "Li Wei", "", "  R002 "),
  amount: fc.constantFrom("100.00", "1,200.50", "(5.00)", "abc", "", "0x1F", "¥12"),
  closed: fc.constantFrom("2026-10-05", "2026/10/6", "2026-02-30", "", "10/05/2026"),
  quoted: fc.boolean(),
})
  // at least two filled cells: an all-empty row is a blank line (not read) and a lone cell after one may be a report footer
  .filter((r) => [r.id, r.owner, r.amount, r.closed].filter((x) => x.trim() !== "").length >= 2);

describe("row accounting", () => {
  it("always balances: read = accepted + rejected + duplicates, each rejection and duplicate listed once", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 25 }), async (rows) => {
        const path = join(dir, `deals-${n++}.csv`);
        const q = (text: string, quoted: boolean) => (quoted || text.includes(",") ? `"${text}"` : text);
        writeFileSync(path, ["Id,Owner,Amount,Closed", ...rows.map((r) => [r.id, r.owner, q(r.amount, r.quoted), r.closed].join(","))].join("\r\n"));
        const records: SourceRecord[] = [];
        const summary = await readSource("deals", config, [{ path, display: "deals.csv" }], { currency: "CNY", fx: {}, required: new Set(["id", "rep", "closed"]) }, { add: (r) => records.push(r), reset: () => (records.length = 0) });
        const a = summary.accounting;
        expect(a.read).toBe(rows.length);
        expect(a.read).toBe(a.accepted + a.rejected + a.duplicates);
        expect(records.length).toBe(a.accepted);
        const rejectedRows = summary.anomalies.filter((x) => x.code === "rejected_row" || x.code === "conflicting_duplicate");
        expect(rejectedRows.length).toBe(a.rejected);
        expect(new Set(rejectedRows.map((x) => x.row)).size).toBe(a.rejected);
        expect(summary.anomalies.filter((x) => x.code === "duplicate").length).toBe(a.duplicates);
        // accepted keys are unique, and no accepted key also appears in a conflict
        const keys = records.map((r) => String(r.values[0]));
        expect(new Set(keys).size).toBe(keys.length);
        const conflicting = new Set(summary.anomalies.filter((x) => x.code === "conflicting_duplicate").map((x) => x.value));
        expect(keys.some((k) => conflicting.has(k))).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
