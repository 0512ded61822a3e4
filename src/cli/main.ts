// The `wowbot` command: parses the command line, loads the configuration once, dispatches, exits with EXIT codes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig, parseConfig, readEnvironment } from "../config/env.js";
import { DatabaseUnavailableError } from "../db/errors.js";
import { MigrationError } from "../db/migrate.js";
import type { Command, Options } from "./command.js";
import { digestCommand } from "./commands/digest.js";
import { doctor, doctorHelp } from "./commands/doctor.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { migrateCommand } from "./commands/migrate.js";
import { roleCommand } from "./commands/role.js";
import { serveCommand } from "./commands/serve.js";
import { tokenCommand } from "./commands/token.js";
import { EXIT } from "./exit-codes.js";
import { consoleOutput, type Output } from "./output.js";

/** `doctor` reads the environment itself, so it can report a configuration that does not load. */
const doctorCommand: Command<unknown> = {
  name: "doctor",
  summary: "check configuration, database, migrations and platforms",
  help: doctorHelp,
  run: () => Promise.reject(new Error("doctor runs before the configuration loads")),
};

/** Every command, in the order `wowbot --help` lists them. */
const COMMANDS: Command<unknown>[] = [serveCommand, migrateCommand, doctorCommand, importCommand, exportCommand, tokenCommand, roleCommand, digestCommand];
const byName = new Map(COMMANDS.map((c) => [c.name, c]));

const mainHelp = `Usage: wowbot <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join("\n")}
  help      show help for a command (also: wowbot <command> --help)

Options:
  -h, --help     show help
  -v, --version  print the version

Configuration comes from the environment and a .env file in the working directory (see .env.example).
Exit codes: 0 success, 1 failure (database unreachable, migration failed, doctor found a problem, an import
or a token change refused), 2 usage error, 3 invalid configuration.`;

const GLOBAL_OPTIONS: Options = { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" } };

function version(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version: string };
  return pkg.version;
}

export async function run(argv: string[], output: Output = consoleOutput): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: Object.assign({}, GLOBAL_OPTIONS, ...COMMANDS.map((c) => c.options ?? {})),
    });
  } catch (error) {
    output.err(`wowbot: ${(error as Error).message}`);
    output.err("Run `wowbot --help` for usage.");
    return EXIT.usage;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.version) {
    output.out(version());
    return EXIT.ok;
  }
  if (!command || command === "help") {
    const topic = command === "help" ? rest[0] : undefined;
    if (topic && !byName.has(topic)) {
      output.err(`wowbot: unknown command "${topic}"`);
      return EXIT.usage;
    }
    (command || parsed.values.help ? output.out : output.err)(topic ? (byName.get(topic)?.help ?? mainHelp) : mainHelp);
    return command || parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  const chosen = byName.get(command);
  if (!chosen) {
    output.err(`wowbot: unknown command "${command}"`);
    output.err("Run `wowbot --help` for the list of commands.");
    return EXIT.usage;
  }
  const foreign = Object.keys(parsed.values).find((name) => !(name in GLOBAL_OPTIONS) && !(name in (chosen.options ?? {})));
  if (foreign) {
    output.err(`wowbot ${command}: unknown option "--${foreign}"`);
    output.err(`Run \`wowbot ${command} --help\` for usage.`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    output.out(chosen.help);
    return EXIT.ok;
  }
  let args: unknown;
  if (chosen.parse) {
    const parsedArgs = chosen.parse(rest, parsed.values);
    if (parsedArgs && typeof parsedArgs === "object" && "usage" in parsedArgs) {
      output.err(`wowbot ${command}: ${(parsedArgs as { usage: string }).usage}`);
      output.err(`Run \`wowbot ${command} --help\` for usage.`);
      return EXIT.usage;
    }
    args = parsedArgs;
  } else if (rest.length) {
    output.err(`wowbot ${command}: unexpected argument "${rest[0]}"`);
    return EXIT.usage;
  }

  if (chosen === doctorCommand) {
    const env = readEnvironment();
    return doctor(parseConfig(env), env, output);
  }
  const result = loadConfig();
  if (!result.ok) {
    for (const problem of result.problems) output.err(problem);
    return EXIT.config;
  }
  try {
    return await chosen.run(result.config, args, output);
  } catch (error) {
    // What a person can fix from one line (the database is unreachable or in use, a migration failed): no stack trace.
    if (!(error instanceof DatabaseUnavailableError || error instanceof MigrationError)) throw error;
    output.err(`wowbot ${command}: ${error.message}`);
    return EXIT.failure;
  }
}

// Run when executed (bin/wowbot.js, tsx), not when imported by tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(EXIT.failure);
    },
  );
}
