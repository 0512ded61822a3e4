// `wowbot migrate`: applies pending migrations and reports what it did.
import type { Config } from "../../config/env.js";
import { openDatabase } from "../../db/database.js";
import { applyMigrations, migrationState } from "../../db/migrate.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";

const migrateHelp = `Usage: wowbot migrate

Applies pending migrations from prisma/migrations to the configured database (DATABASE_URL, or the embedded
PGlite database in DATA_DIR) and reports them. Safe to run while other replicas start: an advisory lock
serialises runners. (\`wowbot serve\` also applies them at start-up.)`;

async function migrate(config: Config, output: Output): Promise<number> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await applyMigrations(db);
    const state = await migrationState(db);
    output.out(`database: ${db.description}`);
    if (applied.length) for (const name of applied) output.out(`applied ${name}`);
    else output.out("nothing to apply");
    output.out(`${state.applied.length} migration(s) applied in total, ${state.pending.length} pending`);
    return EXIT.ok;
  } finally {
    await db.close();
  }
}

export const migrateCommand: Command<void> = {
  name: "migrate",
  summary: "apply database migrations and report them",
  help: migrateHelp,
  run: (config, _args, output) => migrate(config, output),
};
