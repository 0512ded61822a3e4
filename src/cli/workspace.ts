// Opening the database and choosing the workspace a CLI command acts on (--workspace ID, or the only one there is),
// with the one-line messages every command gives when either fails.

import type { Config } from "../config/env.js";
import { type Database, openDatabase } from "../db/database.js";
import { DatabaseUnavailableError } from "../db/errors.js";
import { applyMigrations, MigrationError } from "../db/migrate.js";
import { createRepositories, type Repositories } from "../db/repositories.js";
import type { WorkspaceRecord } from "../domain/records.js";
import { EXIT } from "./exit-codes.js";
import type { Output } from "./output.js";

/** One line per workspace: what --workspace takes (the wowbot id or the platform id) and its name. */
export const describeWorkspace = (w: WorkspaceRecord) => `  ${w.id}  ${w.platform} ${w.externalId}  ${w.name}`;

/** The workspace `wanted` names (wowbot id or platform id), or the only one; otherwise lines saying what to pass. */
export function chooseWorkspace(all: WorkspaceRecord[], wanted: string | undefined): { workspace: WorkspaceRecord } | { usage: string[] } {
  if (wanted) {
    const matches = all.filter((w) => w.id === wanted.toLowerCase() || w.externalId === wanted);
    if (matches.length === 1 && matches[0]) return { workspace: matches[0] };
    if (matches.length > 1) return { usage: [`"${wanted}" names ${matches.length} workspaces: use the wowbot id instead:`, ...matches.map(describeWorkspace)] };
    if (all.length === 0) return { usage: [`there is no workspace "${wanted}": there are no workspaces yet (wowbot learns one when it is installed).`] };
    return { usage: [`there is no workspace "${wanted}". The workspaces are:`, ...all.map(describeWorkspace)] };
  }
  if (all.length === 1 && all[0]) return { workspace: all[0] };
  if (all.length === 0) return { usage: ["there are no workspaces yet: wowbot learns one when it is installed, or used in it for the first time."] };
  return { usage: [`there are ${all.length} workspaces: choose one with --workspace ID:`, ...all.map(describeWorkspace)] };
}

/**
 * Opens the configured database, applies pending migrations, chooses the workspace and runs `fn`, closing the
 * database afterwards. An unreachable database or failed migration exits 1 and an unknown workspace exits 2, each
 * with one line prefixed "wowbot COMMAND: ".
 */
export async function withWorkspace(
  config: Config,
  command: string,
  wanted: string | undefined,
  output: Output,
  fn: (repos: Repositories, workspace: WorkspaceRecord) => Promise<number>,
): Promise<number> {
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    output.err(`wowbot ${command}: ${error.message}`);
    return EXIT.failure;
  }
  try {
    await applyMigrations(db);
    const repos = createRepositories(db);
    const choice = chooseWorkspace(await repos.workspaces.listAll(), wanted);
    if ("usage" in choice) {
      const [first, ...more] = choice.usage;
      output.err(`wowbot ${command}: ${first}`);
      for (const line of more) output.err(line);
      return EXIT.usage;
    }
    return await fn(repos, choice.workspace);
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    output.err(`wowbot ${command}: ${error.message}`);
    return EXIT.failure;
  } finally {
    await db.close();
  }
}
