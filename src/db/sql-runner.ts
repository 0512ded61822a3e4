// One SQL text for both executors: the raw driver (a Database or a transaction's SqlSession) and a Prisma client or
// transaction, so a statement shared by hot raw paths and Prisma transactions is written once.
import type { SqlSession } from "./database.js";
import type { Db } from "./prisma.js";

export type SqlRunner = Pick<SqlSession, "query"> | Db;

/** Runs `text` with positional parameters ($1, $2, ...) on whichever executor `on` is. */
export function runSql<T = Record<string, unknown>>(on: SqlRunner, text: string, params: unknown[] = []): Promise<T[]> {
  return "query" in on && typeof on.query === "function" ? on.query<T>(text, params) : (on as Db).$queryRawUnsafe<T[]>(text, ...params);
}
