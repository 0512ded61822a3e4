// Removes NUL characters (U+0000) from every string of a Slack request before any listener reads it.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

const NUL = "\u0000";

/** A parsed JSON value with NUL removed from its strings, in place (Bolt's command, view, action and event are parts of the body). */
function clean(value: unknown): unknown {
  if (typeof value === "string") return value.includes(NUL) ? value.replaceAll(NUL, "") : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = clean(value[i]);
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = clean(record[key]);
  }
  return value;
}

/**
 * PostgreSQL text can't hold U+0000: a payload carrying one in a user id, story or note made the database refuse the
 * query, so the listener failed and the person got no answer. No one types a NUL on purpose; it is dropped.
 */
export const withoutNul: Middleware<AnyMiddlewareArgs> = async ({ body, context, next }) => {
  clean(body);
  for (const key of ["userId", "teamId", "enterpriseId"] as const) {
    const value = context[key];
    if (typeof value === "string") context[key] = value.replaceAll(NUL, "");
  }
  await next();
};
