import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutputWriteError, tempPathFor, writeAtomicWith, writeFileAtomic } from "../../../src/report/atomicWrite.js";

let root = "";
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "kpi-atomic-"));
});
afterAll(async () => {
  await chmod(root, 0o755).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});
const freshDir = (): Promise<string> => mkdtemp(join(root, "d-"));

describe("writeFileAtomic", () => {
  it.each<[string, string | Uint8Array, string]>([
    ["a string as UTF-8", "名前,1\r\n", "名前,1\r\n"],
    ["bytes as they are", new Uint8Array([0x41, 0x42]), "AB"],
  ])("writes %s and leaves no temporary file", async (_case, data, expected) => {
    const dir = await freshDir();
    const path = join(dir, "out.txt");
    await writeFileAtomic(path, data);
    expect(await readFile(path, "utf8")).toBe(expected);
    expect(await readdir(dir)).toEqual(["out.txt"]);
  });

  it("replaces an existing file", async () => {
    const dir = await freshDir();
    const path = join(dir, "out.txt");
    await writeFile(path, "old");
    await writeFileAtomic(path, "new");
    expect(await readFile(path, "utf8")).toBe("new");
  });
});

describe("writeAtomicWith", () => {
  it("writes through the temporary path, in the same folder", async () => {
    const dir = await freshDir();
    const path = join(dir, "report.xlsx");
    let seen = "";
    await writeAtomicWith(path, async (tmp) => {
      seen = tmp;
      await writeFile(tmp, "done");
    });
    expect(dirname(seen)).toBe(dir);
    expect(basename(seen)).toMatch(new RegExp(`^\\.report\\.xlsx\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
    expect(await readdir(dir)).toEqual(["report.xlsx"]);
  });

  it.each<[string, (tmp: string) => Promise<void>]>([
    ["after writing half", async (tmp) => {
      await writeFile(tmp, "half");
      throw new Error("writer broke");
    }],
    ["before writing anything", async () => {
      throw new Error("writer broke");
    }],
  ])("a writer that throws %s keeps the previous file and removes the temporary one", async (_case, writer) => {
    const dir = await freshDir();
    const path = join(dir, "report.xlsx");
    await writeFile(path, "previous");
    await expect(writeAtomicWith(path, writer)).rejects.toThrow("writer broke");
    expect(await readFile(path, "utf8")).toBe("previous");
    expect(await readdir(dir)).toEqual(["report.xlsx"]);
  });

  it("a writer's own error class passes through unwrapped", async () => {
    class Mine extends Error {}
    const dir = await freshDir();
    await expect(writeAtomicWith(join(dir, "x"), () => Promise.reject(new Mine("mine")))).rejects.toBeInstanceOf(Mine);
  });
});

describe("file-system failures are clear errors naming the output", () => {
  it("a missing folder", async () => {
    const path = join(root, "no-such-folder", "report.xlsx");
    const error = await writeFileAtomic(path, "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as OutputWriteError).code).toBe("ENOENT");
    expect((error as Error).message).toBe(`cannot write "${path}": its folder does not exist (ENOENT)`);
  });

  it("a folder in the way", async () => {
    const dir = await freshDir();
    const path = join(dir, "report.xlsx");
    await mkdir(path);
    const error = await writeFileAtomic(path, "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toMatch(/^cannot write ".*report\.xlsx": /);
    expect(await readdir(dir)).toEqual(["report.xlsx"]);
  });

  it("a folder that refuses new files, even to root (sysfs)", async () => {
    // chmod cannot stop root, who runs CI here; /sys refuses every new file with EACCES
    const path = "/sys/kpi-report.xlsx";
    const error = await writeFileAtomic(path, "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toMatch(/^cannot write "\/sys\/kpi-report\.xlsx": (permission denied \(EACCES\)|the file system is read-only \(EROFS\))$/);
  });

  it("a read-only folder keeps the previous file", async () => {
    const dir = await freshDir();
    const path = join(dir, "report.xlsx");
    await writeFile(path, "previous");
    await chmod(dir, 0o555);
    try {
      const error = await writeFileAtomic(path, "x").catch((e: unknown) => e);
      // root may write anyway; whatever happened, the target is whole: the old bytes or the new ones
      if (error !== undefined) expect(error).toBeInstanceOf(OutputWriteError);
      expect(["previous", "x"]).toContain(await readFile(path, "utf8"));
    } finally {
      await chmod(dir, 0o755);
    }
    expect(await readdir(dir)).toEqual(["report.xlsx"]);
  });
});

describe("tempPathFor", () => {
  it("is hidden, beside the target, unique per call", () => {
    const a = tempPathFor("/out/report.xlsx");
    const b = tempPathFor("/out/report.xlsx");
    expect(a).not.toBe(b);
    expect(a.startsWith("/out/.report.xlsx.")).toBe(true);
    expect(a.endsWith(".tmp")).toBe(true);
  });
});
