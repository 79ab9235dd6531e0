/**
 * Workbooks written on the run's reader threads, which have nothing left to
 * do once the sources are read: the main thread builds each workbook's model
 * (plain data) and goes on with the page and the JSON while a thread renders,
 * zips and writes the workbook. At 1× the report's sheets are most of the
 * outputs' time. The bytes are those `writeWorkbook` writes here: the same
 * code makes them.
 */
import { OutputError } from "../errors.js";
import type { ReaderPool } from "../ingest/parallel/readerPool.js";
import type { WorkbookModel } from "./workbookModel.js";
import { writeWorkbook } from "./writeWorkbook.js";

/** Writes a workbook model to a path (`writeWorkbook`, here or elsewhere). */
export type WorkbookWriter = (model: WorkbookModel, path: string) => Promise<void>;

/** This module, for a thread to load. */
const THIS_MODULE = new URL("./workbookOnThread.js", import.meta.url).href;

/**
 * On a thread: writes the workbook, and returns null, or the message of the
 * output error that refused it (a cell over a limit, a file that cannot be
 * written); anything else is thrown (a bug).
 */
export async function writeWorkbookHere(model: WorkbookModel, path: string): Promise<string | null> {
  try {
    await writeWorkbook(model, path);
    return null;
  } catch (error) {
    if (error instanceof OutputError) return error.message;
    throw error;
  }
}

/** A writer that writes each workbook on one of `threads`; an output error there is one here, with its message (exit 1). */
export function writeWorkbookOn(threads: ReaderPool): WorkbookWriter {
  return async (model, path) => {
    const refused = await threads.call(THIS_MODULE, "writeWorkbookHere", [model, path]);
    if (typeof refused === "string") throw new OutputError(refused);
  };
}
