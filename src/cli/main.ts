// The `wowbot` command: parses the command line, loads the configuration once, dispatches, exits with EXIT codes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { loadConfig, parseConfig, readEnvironment } from "../config/env.js";
import { doctor, doctorHelp } from "./commands/doctor.js";
import { type ImportArgs, importArgs, importCommand, importHelp } from "./commands/import.js";
import { migrate, migrateHelp } from "./commands/migrate.js";
import { serve, serveHelp } from "./commands/serve.js";
import { EXIT } from "./exit-codes.js";
import { consoleOutput, type Output } from "./output.js";

const mainHelp = `Usage: wowbot <command> [options]

Commands:
  serve     run the service (what \`npm start\` runs)
  migrate   apply database migrations and report them
  doctor    check configuration, database, migrations and platforms
  import    import attendance records from a CSV file (wowbot import attendance FILE.csv)
  help      show help for a command (also: wowbot <command> --help)

Options:
  -h, --help     show help
  -v, --version  print the version

Configuration comes from the environment and a .env file in the working directory (see .env.example).
Exit codes: 0 success, 1 failure (database unreachable, migration failed, doctor found a problem, an import
refused), 2 usage error, 3 invalid configuration.`;

const commandHelp: Record<string, string> = { serve: serveHelp, migrate: migrateHelp, doctor: doctorHelp, import: importHelp };

type Options = NonNullable<ParseArgsConfig["options"]>;

const GLOBAL_OPTIONS: Options = { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" } };
/** Options only some commands take; any other command refuses them. */
const COMMAND_OPTIONS: Record<string, Options> = { import: { workspace: { type: "string" } } };

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
      options: Object.assign({}, GLOBAL_OPTIONS, ...Object.values(COMMAND_OPTIONS)),
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
    if (topic && !commandHelp[topic]) {
      output.err(`wowbot: unknown command "${topic}"`);
      return EXIT.usage;
    }
    (command || parsed.values.help ? output.out : output.err)(topic ? (commandHelp[topic] as string) : mainHelp);
    return command || parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  const help = commandHelp[command];
  if (!help) {
    output.err(`wowbot: unknown command "${command}"`);
    output.err("Run `wowbot --help` for the list of commands.");
    return EXIT.usage;
  }
  const foreign = Object.keys(parsed.values).find((name) => !(name in GLOBAL_OPTIONS) && !(name in (COMMAND_OPTIONS[command] ?? {})));
  if (foreign) {
    output.err(`wowbot ${command}: unknown option "--${foreign}"`);
    output.err(`Run \`wowbot ${command} --help\` for usage.`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    output.out(help);
    return EXIT.ok;
  }
  let imported: ImportArgs | undefined;
  if (command === "import") {
    const args = importArgs(rest, parsed.values);
    if ("usage" in args) {
      output.err(`wowbot import: ${args.usage}`);
      output.err("Run `wowbot import --help` for usage.");
      return EXIT.usage;
    }
    imported = args;
  } else if (rest.length) {
    output.err(`wowbot ${command}: unexpected argument "${rest[0]}"`);
    return EXIT.usage;
  }

  if (command === "doctor") {
    const env = readEnvironment();
    return doctor(parseConfig(env), env, output);
  }
  const result = loadConfig();
  if (!result.ok) {
    for (const problem of result.problems) output.err(problem);
    return EXIT.config;
  }
  if (command === "serve") return serve(result.config, output);
  if (imported) return importCommand(result.config, imported, output);
  return migrate(result.config, output);
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
