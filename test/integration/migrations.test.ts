// The migration runner: applies Prisma-format migrations once, records them as Prisma does, rolls back a failing
// one whole, and serialises concurrent runners; and schema.prisma never drifts from the migrations.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "../../scripts/lib/schema-engine.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { applyMigrations, defaultMigrationsDir, MigrationError, migrationState } from "../../src/db/migrate.js";
import { type FreshDatabase, freshDatabase, usingPostgres } from "../support/databases.js";
import { scratchDir } from "../support/process.js";

const open: Array<{ db: Database; fresh: FreshDatabase }> = [];
async function emptyDatabase() {
  const fresh = await freshDatabase({ migrated: false });
  const db = await openDatabase(fresh.options);
  open.push({ db, fresh });
  return { db, fresh };
}
afterEach(async () => {
  for (const { db, fresh } of open.splice(0)) {
    await db.close().catch(() => {});
    await fresh.drop();
  }
});

function migrationsCopy(extra?: { name: string; sql: string }): string {
  const dir = scratchDir("wowbot-migrations-");
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  if (extra) {
    mkdirSync(path.join(dir, extra.name));
    writeFileSync(path.join(dir, extra.name, "migration.sql"), extra.sql);
  }
  return dir;
}

describe("migration runner", () => {
  it("applies every migration on an empty database, then finds nothing to do", async () => {
    const { db } = await emptyDatabase();
    const all = readdirSync(defaultMigrationsDir).filter((d) => /^\d{14}_/.test(d));
    expect(await applyMigrations(db)).toEqual(all);
    expect(await applyMigrations(db)).toEqual([]);
    const state = await migrationState(db);
    expect(state).toEqual({ applied: all, pending: [], modified: [], unknown: [] });
    // The tables exist and work through Prisma.
    await db.prisma.workspace.create({ data: { platform: "slack", externalId: "T1", name: "One" } });
    expect(await db.prisma.workspace.count()).toBe(1);
  });

  it("recomputes idle seconds stored truncated from the timestamps' milliseconds (idle_seconds_precision)", async () => {
    const { db } = await emptyDatabase();
    // The migrations before it, as an older release left the database, with a session idle 120.9 s stored as 120.
    const before = scratchDir("wowbot-migrations-");
    for (const name of readdirSync(defaultMigrationsDir).filter((d) => d < "20261207181817"))
      cpSync(path.join(defaultMigrationsDir, name), path.join(before, name), { recursive: true });
    await applyMigrations(db, before);
    await db.query(
      `INSERT INTO "Workspace" (id, platform, "externalId", name, "updatedAt") VALUES ('00000000-0000-4000-8000-000000000001', 'slack', 'T1', 'One', now())`,
    );
    await db.query(
      `INSERT INTO "Member" (id, "workspaceId", "platformUserId", "displayName", "updatedAt") VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'U1', 'Ada', now())`,
    );
    await db.query(
      `INSERT INTO "ChatSession" (id, "workspaceId", "memberId", "sessionId", "startedAt", "customerLeftAt", "agentClosedAt", "idleSeconds", "updatedAt")
       VALUES (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'c-1',
               '2026-03-11T10:00:00Z', '2026-03-11T10:10:00Z', '2026-03-11T10:12:00.900Z', 120, now())`,
    );
    await applyMigrations(db);
    expect(await db.query(`SELECT "idleSeconds" AS idle FROM "ChatSession"`)).toEqual([{ idle: 120.9 }]);
  });

  it("records migrations in Prisma's _prisma_migrations format with sha256 checksums of the file bytes", async () => {
    const { db } = await emptyDatabase();
    await applyMigrations(db);
    const rows = await db.withSession((s) =>
      s.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
        'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    const first = rows[0];
    expect(first).toBeDefined();
    const file = readFileSync(path.join(defaultMigrationsDir, first?.migration_name ?? "", "migration.sql"));
    expect(first?.checksum).toBe(createHash("sha256").update(file).digest("hex"));
    expect(first?.finished_at).not.toBeNull();
    expect(first?.rolled_back_at).toBeNull();
    expect(first?.applied_steps_count).toBe(1);
    const columns = await db.withSession((s) =>
      s.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`),
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "id",
      "checksum",
      "finished_at",
      "migration_name",
      "logs",
      "rolled_back_at",
      "started_at",
      "applied_steps_count",
    ]);
  });

  it("rolls a failing migration back whole, records why, and applies nothing of it", async () => {
    const { db } = await emptyDatabase();
    const dir = migrationsCopy({ name: "29990101000000_broken", sql: 'CREATE TABLE "Half" (id int);\nSELECT * FROM "no_such_table";\n' });
    await expect(applyMigrations(db, dir)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(db, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back: .*no_such_table/);
    const half = await db.withSession((s) => s.query<{ t: string | null }>(`SELECT to_regclass('"Half"')::text AS t`));
    expect(half[0]?.t).toBeNull();
    const state = await migrationState(db, dir);
    expect(state.pending).toEqual(["29990101000000_broken"]);
    const logs = await db.withSession((s) => s.query<{ logs: string }>(`SELECT logs FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`));
    expect(logs[0]?.logs).toContain("no_such_table");
  });

  it("notices applied migrations that changed and migrations this version does not know", async () => {
    const { db } = await emptyDatabase();
    const dir = migrationsCopy({ name: "29990101000000_extra", sql: 'CREATE TABLE "Extra" (id int);\n' });
    await applyMigrations(db, dir);
    writeFileSync(path.join(dir, "29990101000000_extra", "migration.sql"), 'CREATE TABLE "Extra" (id bigint);\n');
    expect((await migrationState(db, dir)).modified).toEqual(["29990101000000_extra"]);
    expect((await migrationState(db)).unknown).toEqual(["29990101000000_extra"]);
  });

  it.runIf(usingPostgres())("serialises concurrent runners with an advisory lock: each migration applied once", async () => {
    const { fresh } = await emptyDatabase();
    const replicas = await Promise.all([1, 2, 3].map(() => openDatabase(fresh.options)));
    try {
      const results = await Promise.all(replicas.map((db) => applyMigrations(db)));
      const total = readdirSync(defaultMigrationsDir).filter((d) => /^\d{14}_/.test(d)).length;
      expect(results.flat()).toHaveLength(total);
      const rows = await replicas[0]?.withSession((s) => s.query(`SELECT 1 FROM "_prisma_migrations"`));
      expect(rows).toHaveLength(total);
    } finally {
      await Promise.all(replicas.map((db) => db.close()));
    }
  });
});

describe("schema.prisma and prisma/migrations", () => {
  it("agree: the diff from the migrations to the schema is empty", async () => {
    const script = await diffMigrationsToSchema();
    // An empty diff is a comment-only script; anything else is SQL someone forgot to turn into a migration.
    const statements = script
      .split("\n")
      .filter((l) => l.trim() && !l.trim().startsWith("--"))
      .join("\n");
    expect(statements).toBe("");
  }, 60_000);
});
