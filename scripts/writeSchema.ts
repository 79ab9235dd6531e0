/**
 * Writes schema/kpi.config.schema.json from the zod schema (never edited by
 * hand). `npm run schema` runs it; a test fails when the committed file is
 * out of step with `configJsonSchema()`.
 *
 *   npm run schema                          # into ./schema
 *   node dist/scripts/writeSchema.js FILE   # somewhere else
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { configJsonSchemaText } from "../src/config/jsonSchema.js";

/** Where the committed schema lives, relative to the package root. */
export const SCHEMA_FILE = "schema/kpi.config.schema.json";

export async function writeSchema(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, configJsonSchemaText());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? SCHEMA_FILE;
  await writeSchema(file);
  process.stderr.write(`wrote ${file}\n`);
}
