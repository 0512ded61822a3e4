// The `wowbot` command run in-process on a database of its own: the embedded PGlite in a scratch DATA_DIR, or a fresh
// PostgreSQL database when DATABASE_URL is set, with the environment stubbed so the command opens that database.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { WorkspaceRecord } from "../../src/domain/records.js";
import { freshDatabase, usingPostgres } from "./databases.js";

export interface CliResult {
  code: number;
  /** Lines printed on stdout and stderr. */
  out: string[];
  err: string[];
}

export interface CliDatabase {
  /** The scratch directory, DATA_DIR for PGlite. */
  dir: string;
  /** The PostgreSQL database's URL; undefined on PGlite. */
  url: string | undefined;
  /** The workspace T_CLI ("CLI team"), created when the database was migrated. */
  workspace: WorkspaceRecord;
  /** Opens the command's database for a look: PGlite allows one process, and the command closes it after each run. */
  withDb<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  cli(...argv: string[]): Promise<CliResult>;
  /** The same, with what the command streamed to stdout (exports), byte for byte. */
  stream(...argv: string[]): Promise<CliResult & { written: string }>;
  /** Writes a file into the scratch directory and returns its path. */
  file(name: string, text: string): string;
  close(): Promise<void>;
}

export async function cliDatabase(prefix: string, timezone = "UTC"): Promise<CliDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `wowbot-${prefix}-`));
  const fresh = usingPostgres() ? await freshDatabase() : undefined;
  vi.stubEnv("DATABASE_URL", fresh?.url ?? "");
  vi.stubEnv("DATA_DIR", dir);
  const withDb = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const db = await openDatabase({ databaseUrl: fresh?.url, dataDir: dir });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  const workspace = await withDb(async (db) => {
    await applyMigrations(db);
    return new WorkspaceRepository(db).ensure({ platform: "slack", externalId: "T_CLI", name: "CLI team", timezone });
  });
  const stream = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const chunks: string[] = [];
    const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), write: (c) => void chunks.push(c) });
    return { code, out, err, written: chunks.join("") };
  };
  return {
    dir,
    url: fresh?.url,
    workspace,
    withDb,
    async cli(...argv) {
      const { written: _, ...result } = await stream(argv);
      return result;
    },
    stream: (...argv) => stream(argv),
    file(name, text) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    async close() {
      vi.unstubAllEnvs();
      await fresh?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
