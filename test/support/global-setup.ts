// Once per test run: a migrated template database, so each test gets a fresh copy in well under a second.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { adminQuery, withDatabase } from "./databases.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    const name = `wowbot_template_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const db = await openDatabase({ databaseUrl: withDatabase(process.env.DATABASE_URL, name) });
    await applyMigrations(db);
    await db.close();
    project.provide("postgresTemplate", name);
    project.provide("pgliteTemplate", "");
    return async () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "wowbot-test-"));
  const pglite = new PGlite();
  const db = await openDatabase({ pglite });
  await applyMigrations(db);
  const dump = await pglite.dumpDataDir("none");
  await db.close();
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
