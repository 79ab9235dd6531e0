/**
 * The command line: each command declared in a few lines, its module
 * imported only when it runs (so `kpi validate` never loads the xlsx reader
 * or writer), and the one place that turns outcomes into exit codes.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ConfigError } from "../errors.js";
import { VERSION } from "../version.js";
import { EXIT, exitCodeFor } from "./exitCode.js";
import type { CommandIO } from "./io.js";

const periodHelp = "period: 2026-10, 2026-Q4 or 2026 (default: the latest complete period in the data)";

function failOnOption(): Option {
  return new Option("--fail-on <severity>", "exit 3 when anomalies at or above this severity are found").choices(["error", "warning", "never"]).default("error");
}

export function buildProgram(io: CommandIO, run: (task: () => Promise<void>) => void): Command {
  const program = new Command("kpi")
    .description("KPI scores, tiers, rankings and commissions from CRM exports and one YAML config.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command("run")
    .description("score the period and write report.xlsx, commissions.xlsx, anomalies.xlsx and results.json")
    .option("-c, --config <file>", "config file", "kpi.config.yaml")
    .option("-p, --period <period>", periodHelp)
    .option("-o, --out <dir>", "output folder", "out")
    .addOption(failOnOption())
    .option("--json", "print results.json to stdout instead of the table")
    .option("--quiet", "print nothing but errors")
    .addHelpText("after", "\nExamples:\n  kpi run\n  kpi run -p 2026-Q3 -o out/q3\n  kpi run --json | jq '.reps[0]'")
    .action((opts: { config: string; period?: string; out: string; failOn: "error" | "warning" | "never"; json?: boolean; quiet?: boolean }) =>
      run(async () => {
        const { runCommand } = await import("./commands/run.js");
        await runCommand({ config: opts.config, period: opts.period, out: opts.out, failOn: opts.failOn, json: Boolean(opts.json), quiet: Boolean(opts.quiet) }, io);
      }),
    );

  program
    .command("validate")
    .description("check the config (and that every source opens with its mapped columns); writes nothing")
    .option("-c, --config <file>", "config file", "kpi.config.yaml")
    .option("--no-data", "check the config only, without opening the sources")
    .addOption(new Option("--format <format>", "how to print problems").choices(["text", "json", "github"]).default("text"))
    .action((opts: { config: string; data: boolean; format: "text" | "json" | "github" }) =>
      run(async () => {
        const { validateCommand } = await import("./commands/validate.js");
        await validateCommand({ config: opts.config, data: opts.data, format: opts.format }, io);
      }),
    );

  program
    .command("diff")
    .description("run two configs on the same data and period and show what changes: rank, tier, score and payout per rep")
    .argument("<base-config>", "the config before the change")
    .option("-c, --config <file>", "the config after the change", "kpi.config.yaml")
    .option("-p, --period <period>", "period of both runs: 2026-10, 2026-Q4 or 2026 (default: the latest complete period in the data, as the -c config sees it)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .addHelpText("after", "\nExamples:\n  git show main:kpi.config.yaml > kpi.base.yaml && kpi diff kpi.base.yaml\n  kpi diff old.yaml -c new.yaml -p 2026-Q3 --format markdown")
    .action((base: string, opts: { config: string; period?: string; format: "text" | "markdown" | "json" }) =>
      run(async () => {
        const { diffCommand } = await import("./commands/diff.js");
        await diffCommand({ base, head: opts.config, period: opts.period, format: opts.format }, io);
      }),
    );

  program
    .command("init")
    .description("write a starter kpi.config.yaml and sample exports into DIR")
    .argument("[dir]", "folder to write into (created when missing)", ".")
    .addHelpText("after", "\nExamples:\n  kpi init\n  kpi init demo && cd demo && kpi run")
    .action((dir: string) =>
      run(async () => {
        const { initCommand } = await import("./commands/init.js");
        await initCommand({ dir }, io);
      }),
    );

  program
    .command("explain")
    .description("show every number behind one rep's score and payout")
    .argument("<rep>", "rep id (or name)")
    .option("-c, --config <file>", "config file", "kpi.config.yaml")
    .option("-p, --period <period>", periodHelp)
    .option("--json", "print the explanation as JSON")
    .addHelpText("after", "\nExamples:\n  kpi explain R014\n  kpi explain \"Li Wei\" -p 2026-Q3")
    .action((rep: string, opts: { config: string; period?: string; json?: boolean }) =>
      run(async () => {
        const { explainCommand } = await import("./commands/explain.js");
        await explainCommand({ rep, config: opts.config, period: opts.period, json: Boolean(opts.json) }, io);
      }),
    );

  program
    .command("schema")
    .description("print the JSON Schema of the config (for editors and CI)")
    .action(() =>
      run(async () => {
        const { schemaCommand } = await import("./commands/schema.js");
        await schemaCommand(io);
      }),
    );
  return program;
}

/** Parse argv, run the command, and exit with the code its outcome maps to. The only process.exit of the program. */
export async function main(argv: readonly string[]): Promise<void> {
  const io: CommandIO = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env };
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT.ok); // `kpi run --json | head` is not a failure
  });
  let task: (() => Promise<void>) | null = null;
  const program = buildProgram(io, (t) => (task = t));
  let code: number = EXIT.ok;
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    if (task) await (task as () => Promise<void>)();
  } catch (error) {
    code = report(error, io);
  }
  process.exitCode = code;
  process.exit(code);
}

function report(error: unknown, io: CommandIO): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
    return EXIT.usage; // commander already printed the message
  }
  if (error instanceof InvalidArgumentError) return EXIT.usage;
  const code = exitCodeFor(error);
  if (error instanceof ConfigError) {
    if (!error.reported) io.stderr.write(`${error.message}\n${error.issues.length} problem${error.issues.length === 1 ? "" : "s"} in the config; nothing was written.\n`);
    return code;
  }
  if (code === EXIT.internal) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`kpi: internal error — this is a bug in kpi, not in your data. Please report it with the command you ran and this message:\n${detail}\n`);
    return code;
  }
  io.stderr.write(`kpi: ${error instanceof Error ? error.message : String(error)}\n`);
  return code;
}
