// Applies prisma/migrations at start-up, recording them in Prisma's own `_prisma_migrations` table, so a host
// with the native engine can still run `prisma migrate deploy` and find nothing to do.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database, SqlSession } from "./database.js";
import { describeDriverError } from "./errors.js";

/** prisma/migrations, found from this file whether it runs from src/ (tsx, vitest) or dist/ (node). */
export const defaultMigrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

// The same key Prisma's migrate uses, so our runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since (Prisma warns about these too). */
  modified: string[];
  /** Recorded in the database but missing from the folder: the database is newer than this code. */
  unknown: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function readMigrationFiles(dir = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`migrations folder not found: ${dir}`);
  return readdirSync(dir)
    .filter((d) => /^\d{14}_/.test(d) && existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

async function appliedRows(session: SqlSession): Promise<{ migration_name: string; checksum: string }[]> {
  const [exists] = await session.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists?.t) return [];
  return session.query(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at`,
  );
}

function compare(files: MigrationFile[], rows: { migration_name: string; checksum: string }[]): MigrationState {
  const byName = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  const names = new Set(files.map((f) => f.name));
  return {
    applied: files.filter((f) => byName.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !byName.has(f.name)).map((f) => f.name),
    modified: files.filter((f) => byName.has(f.name) && byName.get(f.name) !== f.checksum).map((f) => f.name),
    unknown: rows.filter((r) => !names.has(r.migration_name)).map((r) => r.migration_name),
  };
}

export async function migrationState(db: Database, dir = defaultMigrationsDir): Promise<MigrationState> {
  const files = readMigrationFiles(dir);
  return db.withSession(async (session) => compare(files, await appliedRows(session)));
}

/**
 * Applies every pending migration, each in its own transaction: a failing one leaves no trace but a rolled-back
 * row with its error in `logs`, and is tried again next time. Returns the names applied now.
 */
export async function applyMigrations(db: Database, dir = defaultMigrationsDir): Promise<string[]> {
  const files = readMigrationFiles(dir);
  return db.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await session.exec(CREATE_TABLE);
      // Read after taking the lock: another replica may have applied them while we waited.
      const { pending } = compare(files, await appliedRows(session));
      const applied: string[] = [];
      for (const file of files.filter((f) => pending.includes(f.name))) {
        const id = randomUUID();
        try {
          await session.exec("BEGIN");
          await session.exec(file.sql);
          await session.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
            [id, file.checksum, file.name],
          );
          await session.exec("COMMIT");
          applied.push(file.name);
        } catch (error) {
          await session.exec("ROLLBACK").catch(() => {});
          const reason = describeDriverError(error);
          await session
            .query(
              `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), now(), 0)`,
              [id, file.checksum, file.name, reason],
            )
            .catch(() => {});
          throw new MigrationError(`migration ${file.name} failed and was rolled back: ${reason}`);
        }
      }
      return applied;
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  });
}
