/** `kpi schema`: the JSON Schema of the config, generated from the zod schema (the same text `npm run schema` commits). */
import { configJsonSchemaText } from "../../config/jsonSchema.js";
import { write, type CommandIO } from "../io.js";

export async function schemaCommand(io: CommandIO): Promise<void> {
  await write(io.stdout, configJsonSchemaText());
}
