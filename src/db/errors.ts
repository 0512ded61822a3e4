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
