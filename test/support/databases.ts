// Fresh databases for tests: an in-memory PGlite loaded from a migrated template, or, when DATABASE_URL is set, a
// new PostgreSQL database cloned from a migrated template database on that server (dropped afterwards).
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseOptions } from "../../src/db/database.js";

export interface FreshDatabase {
  options: DatabaseOptions;
  /** A connection URL (PostgreSQL only), e.g. for a second replica or a child process. */
  url?: string;
  drop(): Promise<void>;
}

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

/** Server-level URL for the same PostgreSQL as DATABASE_URL, with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL as string, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty (unmigrated) database when `migrated` is false: for migration-runner tests. */
export async function freshDatabase({ migrated = true } = {}): Promise<FreshDatabase> {
  if (!usingPostgres()) {
    const dump = inject("pgliteTemplate");
    const pglite = migrated ? new PGlite({ loadDataDir: new Blob([readFileSync(dump)]) }) : new PGlite();
    await pglite.waitReady;
    return { options: { pglite }, drop: async () => void (pglite.closed || (await pglite.close())) };
  }
  const name = `wowbot_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(migrated ? `CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"` : `CREATE DATABASE "${name}"`);
  const url = withDatabase(process.env.DATABASE_URL as string, name);
  return { options: { databaseUrl: url }, url, drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * A database that outlives a service, for tests that restart one: a PGlite DATA_DIR in a scratch directory (an
 * in-memory PGlite closes with its service; the first service migrates it), or a fresh PostgreSQL database.
 */
export async function restartableDatabase(): Promise<FreshDatabase> {
  if (usingPostgres()) return freshDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "wowbot-restart-"));
  return { options: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
