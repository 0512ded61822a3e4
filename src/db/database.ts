// Opens the database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. Above the driver adapter
// everything (Prisma client, repositories, migration runner) is the same code.
import path from "node:path";
import v8 from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { lockDataDir } from "./data-dir-lock.js";
import { DatabaseUnavailableError, describeDriverError } from "./errors.js";
import { DEFAULT_POOL_SIZE } from "./pool-size.js";

/** Raw SQL on one connection: what the migration runner and readiness checks need below Prisma. */
export interface SqlSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (simple query protocol). */
  exec(script: string): Promise<void>;
}

export interface Database {
  kind: "pglite" | "postgres";
  /** Where the data lives, with any password masked. */
  description: string;
  prisma: PrismaClient;
  /**
   * One statement on the raw driver, below Prisma. The hot paths of requests and delivery use it: a Prisma query costs
   * about three times the CPU of the same statement sent by the driver (bench/README.md, "Load").
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` on a single connection, so session state such as advisory locks holds throughout. */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction on the raw driver: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PostgreSQL connections (DATABASE_POOL_SIZE); DEFAULT_POOL_SIZE when unset. */
  poolSize?: number;
  /** PGlite directory parent (DATA_DIR); the database itself lives in DATA_DIR/pglite. */
  dataDir?: string;
  /** A ready PGlite instance (tests use in-memory ones); takes precedence over dataDir. */
  pglite?: PGlite;
}

export function describeUrl(url: string): string {
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  preferBaselineWasmCompiler();
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE) : openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const description = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5_000, max: poolSize });
  // An idle client losing its server (a restart, a cut connection) must not crash the process.
  pool.on("error", () => {});
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`cannot reach ${description}: ${describeDriverError(error)}`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const database: Database = {
    kind: "postgres",
    description,
    prisma,
    query: async (text, params) => (await pool.query(text, params)).rows,
    transaction: (fn) =>
      database.withSession(async (session) => {
        await session.exec("BEGIN");
        try {
          const result = await fn(session);
          await session.exec("COMMIT");
          return result;
        } catch (error) {
          // On a lost connection the rollback fails too; PostgreSQL rolls back the transaction it never saw committed.
          await session.exec("ROLLBACK").catch(() => {});
          throw error;
        }
      }),
    async withSession(fn) {
      const client = await pool.connect();
      // The pool listens for errors only on idle clients: a connection lost while checked out here would emit an
      // 'error' nobody listens to, an uncaught exception that ends the process. The running query still rejects
      // with the error; the broken client is then discarded instead of going back to the pool.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      client.on("error", onError);
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params)).rows,
          exec: async (script) => {
            await client.query(script);
          },
        });
      } finally {
        client.removeListener("error", onError);
        client.release(lost);
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
  return database;
}

// PostgreSQL's default 128 MB of shared buffers is resident memory inside PGlite's WASM heap; an embedded,
// single-team database needs far less. See bench/README.md for the figures.
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * V8 compiles every WASM module twice: quickly (Liftoff), then optimised (TurboFan) in the background. wowbot runs two
 * big ones, PGlite's Postgres (9 MB) and Prisma 7's query compiler, and the optimised copies cost 40-90 MB of resident
 * memory while, measured here, buying no speed: Prisma on PGlite ran 2000 operations in 1.6 s with Liftoff only and
 * 1.85 s with tier-up. The flag must be set before the first WASM module is compiled, so it is set when the database
 * opens, before Prisma or PGlite compile theirs. See bench/README.md.
 */
function preferBaselineWasmCompiler(): void {
  v8.setFlagsFromString("--liftoff-only");
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let db = options.pglite;
  let release = () => {};
  let description = "PGlite in memory";
  if (!db) {
    const dataDir = path.resolve(options.dataDir ?? "./data");
    const dir = path.join(dataDir, "pglite");
    release = lockDataDir(dataDir);
    description = `PGlite at ${dir}`;
    try {
      db = await PGlite.create(dir, { startParams: PGLITE_START_PARAMS });
    } catch (error) {
      release();
      throw new DatabaseUnavailableError(`cannot open ${description}: ${describeDriverError(error)}`);
    }
  }
  const pglite = db;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // The instance itself, or an open transaction on it.
  const sessionOf = (on: Pick<PGlite, "query" | "exec">): SqlSession => ({
    query: async (text, params) => (await on.query(text, params)).rows as never[],
    exec: async (script) => {
      await on.exec(script);
    },
  });
  const session = sessionOf(pglite);
  return {
    kind: "pglite",
    description,
    prisma,
    query: session.query,
    withSession: (fn) => fn(session),
    // PGlite's transaction holds its one connection: every other query, Prisma's included, waits until it ends.
    transaction: (fn) => pglite.transaction((tx) => fn(sessionOf(tx))),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}
