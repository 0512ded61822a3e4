// Prisma's schema engine (WASM build) over in-memory PGlite: creates migrations and diffs schema vs. migrations
// without the native engine binary, which cannot be downloaded on these machines (see TOOLCHAIN.md).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export const schemaPath = path.resolve("prisma/schema.prisma");
export const migrationsDir = path.resolve("prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
}

let wasmReady = false;
function loadWasm(): void {
  if (wasmReady) return;
  // Importing the package main needs --experimental-wasm-modules on Node 20, so instantiate the module by hand.
  const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(gluePath), "schema_engine_bg.wasm");
  // Node has WebAssembly; @types/node 20 does not declare it (it lives in lib.dom), hence the narrow type here.
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const instance = new wasm.Instance(new wasm.Module(readFileSync(wasmPath)), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports as never);
  (instance.exports.__wbindgen_start as () => void)();
  wasmReady = true;
}

/** The adapter's executeScript does not await PGlite.exec, and argument-less statements must go to exec too. */
function scriptSafe(adapter: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  return Object.assign(adapter, {
    executeScript: async (script: string) => {
      await db.exec(script);
    },
    executeRaw: async (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => {
      if (query.args.length > 0) return executeRaw(query);
      await db.exec(query.sql);
      return 0;
    },
  });
}

/** Migration folders in Prisma's layout, as the engine expects them. */
export function readMigrationsList() {
  const dirs = safeReaddir(migrationsDir)
    .filter((d) => /^\d{14}_/.test(d))
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: safeRead(lockPath) },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Runs `fn` with an engine whose main and shadow databases are fresh in-memory PGlite instances. */
export async function withSchemaEngine<T>(fn: (engine: glue.SchemaEngine, schema: { path: string; content: string }) => Promise<T>): Promise<T> {
  loadWasm();
  const schema = { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
  const opened: PGlite[] = [];
  const open = async (): Promise<SqlDriverAdapter> => {
    const db = new PGlite();
    opened.push(db);
    return scriptSafe(await new PrismaPGlite(db).connect(), db);
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "pglite-memory",
    connect: open,
    connectToShadowDb: open,
  });
  const engine = await glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, factory);
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
    await Promise.all(opened.map((db) => db.close().catch(() => {})));
  }
}

/** SQL that would bring a database built from the migrations to schema.prisma; empty when they agree. */
export async function diffMigrationsToSchema(): Promise<string> {
  return withSchemaEngine(async (engine, schema) => {
    const list = readMigrationsList();
    const result = await engine.diff({
      from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout ?? "";
  });
}

/** Asks the engine for the next migration; null when schema.prisma adds nothing. */
export async function createMigration(name: string): Promise<{ directory: string; script: string } | null> {
  return withSchemaEngine(async (engine, schema) => {
    const migrationsList = readMigrationsList();
    // As `prisma migrate dev` does: bring the (in-memory) dev database up to date, then diagnose, then create.
    await engine.applyMigrations({ migrationsList, filters });
    await engine.devDiagnostic({ migrationsList, filters });
    const out = await engine.createMigration({ draft: false, migrationName: name, migrationsList, schema: { files: [schema] }, filters });
    if (!out.migrationScript) return null;
    return { directory: out.generatedMigrationName, script: out.migrationScript };
  });
}
