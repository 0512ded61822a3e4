// Database failures a person can act on, with one clear line instead of a driver stack trace.
import { scrubSecrets } from "../logger.js";

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** The most useful line out of a driver error (pg wraps dual-stack connect failures in an AggregateError with no message). */
export function describeDriverError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describeDriverError(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    const message = error.message || code || error.name;
    return scrubSecrets(code && !message.includes(code) ? `${message} (${code})` : message);
  }
  return scrubSecrets(String(error));
}

/** Node socket errors and Prisma's "can't reach / closed" codes: the database was not there to answer. */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "P1001", "P1002", "P1017"]);
/** What pg and Prisma's driver adapters say when a connection is lost, cannot be opened, or the pool waits in vain. */
const UNREACHABLE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|client has encountered a connection error|connection (is )?closed|can't reach database server|server closed the connection/i;

/**
 * Whether `error` (or anything it wraps: a cause, Bolt's `original`, an AggregateError's errors) says the database
 * could not be reached or the connection was lost, as opposed to a bug or a refused statement. Such a request saved
 * nothing (a transaction without its commit is rolled back by PostgreSQL), so the person can simply try again.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; original?: unknown; errors?: unknown };
  // A socket error on the way to the Slack Web API (which wraps it the same way Bolt does) is not the database's.
  if (typeof e.code === "string" && e.code.startsWith("slack_webapi")) return false;
  if (typeof e.code === "string" && (UNREACHABLE_CODES.has(e.code) || /^08|^57P0[123]$/.test(e.code))) return true;
  if (typeof e.message === "string" && UNREACHABLE_MESSAGE.test(e.message)) return true;
  const inner = [e.cause, e.original, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => isDatabaseUnreachable(i, depth + 1));
}
