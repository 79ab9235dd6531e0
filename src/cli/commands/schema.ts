/** `kpi schema`: the JSON Schema of the config, generated from the zod schema. */
import { configJsonSchema } from "../../config/jsonSchema.js";
import { write, type CommandIO } from "../io.js";

export async function schemaCommand(io: CommandIO): Promise<void> {
  await write(io.stdout, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
}
