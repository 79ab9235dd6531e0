/** Every file `kpi init` writes, relative to its folder, in the order it prints them. Pure and deterministic. */
import { configJsonSchemaText } from "../config/jsonSchema.js";
import { sampleData, type SampleFile } from "./sampleData.js";
import { STARTER_CONFIG, STARTER_SCHEMA_FILE } from "./starterConfig.js";

export type StarterFile = SampleFile;

export function starterFiles(): StarterFile[] {
  return [
    { path: "kpi.config.yaml", content: STARTER_CONFIG, about: "the KPI definitions, commented" },
    { path: STARTER_SCHEMA_FILE, content: configJsonSchemaText(), about: "JSON Schema for editors (`kpi schema` prints it)" },
    ...sampleData(),
  ];
}
