import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { schemaCommand } from "../../../src/cli/commands/schema.js";
import { parseConfigText } from "../../../src/config/loadConfig.js";
import { configJsonSchema, configJsonSchemaText } from "../../../src/config/jsonSchema.js";
import { starterFiles } from "../../../src/init/starterFiles.js";
import { STARTER_CONFIG, STARTER_SCHEMA_FILE } from "../../../src/init/starterConfig.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const committedPath = join(root, "schema", "kpi.config.schema.json");
const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\r?$/;

/** kpi.config.yaml and every examples/**\/kpi.config.yaml, relative to the root. */
function exampleConfigs(): string[] {
  const nested = readdirSync(join(root, "examples"), { recursive: true, encoding: "utf8" }).filter((p) => p.split(/[\\/]/).pop() === "kpi.config.yaml");
  return ["kpi.config.yaml", ...nested.map((p) => join("examples", p))].sort();
}

/** An independent validator: ajv in strict mode (union types such as `string | number` are plain JSON Schema). */
function validator() {
  return new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(configJsonSchema());
}

describe("the committed JSON Schema", () => {
  it("is what configJsonSchema() generates from the zod schema", () => {
    const committed = readFileSync(committedPath, "utf8");
    expect(committed === configJsonSchemaText(), "schema/kpi.config.schema.json is out of step with the zod schema: run `npm run schema` and commit the result").toBe(true);
  });

  it("is what `kpi schema` prints", async () => {
    let printed = "";
    const stdout = new Writable({ write: (chunk: Buffer, _encoding, done) => ((printed += chunk.toString("utf8")), done()) });
    await schemaCommand({ cwd: root, stdout, stderr: stdout, env: {} });
    expect(printed).toBe(readFileSync(committedPath, "utf8"));
  });

  it("compiles in ajv's strict mode", () => {
    expect(() => validator()).not.toThrow();
  });

  it("rejects what the zod schema rejects (the check is not vacuous)", () => {
    const validate = validator();
    const config = parse(STARTER_CONFIG) as Record<string, unknown>;
    expect(validate({ ...config, colour: "red" })).toBe(false);
    expect(validate({ ...config, period: "week" })).toBe(false);
    expect(validate({ ...config, currency: "yuan" })).toBe(false);
  });
});

describe("every example config", () => {
  const configs = exampleConfigs();

  it("includes the bundled and the Chinese example", () => {
    expect(configs).toEqual(expect.arrayContaining(["kpi.config.yaml", join("examples", "zh", "kpi.config.yaml")]));
  });

  it.each(configs)("%s starts with a $schema line pointing at the committed schema", (file) => {
    const first = readFileSync(join(root, file), "utf8").split("\n")[0] ?? "";
    const ref = SCHEMA_LINE.exec(first)?.[1];
    expect(ref, `${file} must start with "# yaml-language-server: $schema=<path to schema/kpi.config.schema.json>"`).toBeDefined();
    expect(relative(root, resolve(root, dirname(file), ref ?? ""))).toBe(join("schema", "kpi.config.schema.json"));
  });

  it.each(configs)("%s validates against the JSON Schema", (file) => {
    const validate = validator();
    const ok = validate(parse(readFileSync(join(root, file), "utf8")));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe("the kpi init template", () => {
  it("starts with a $schema line pointing at the schema file init writes beside it", () => {
    expect(SCHEMA_LINE.exec(STARTER_CONFIG.split("\n")[0] ?? "")?.[1]).toBe(`./${STARTER_SCHEMA_FILE}`);
    expect(starterFiles().find((f) => f.path === STARTER_SCHEMA_FILE)?.content).toBe(configJsonSchemaText());
  });

  it("validates against the JSON Schema and passes kpi's own checks", () => {
    const validate = validator();
    expect(validate(parse(STARTER_CONFIG)), JSON.stringify(validate.errors)).toBe(true);
    expect(parseConfigText(STARTER_CONFIG, "kpi.config.yaml").issues).toEqual([]);
  });
});
