// Which failures count as "the database cannot be reached" (the person is told nothing was saved and to try again).
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, isDatabaseUnreachable } from "../../../src/db/errors.js";

const coded = (message: string, code?: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });

describe("isDatabaseUnreachable", () => {
  it.each([
    ["a connection lost mid-query", new Error("Connection terminated unexpectedly")],
    ["a refused connection", coded("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["a pool that waited in vain", new Error("timeout exceeded when trying to connect")],
    ["a server shutting down", coded("terminating connection due to administrator command", "57P01")],
    ["wowbot's own start-up error", new DatabaseUnavailableError("cannot reach PostgreSQL")],
    [
      "one wrapped by Bolt",
      coded("Connection terminated unexpectedly", "slack_bolt_unknown_error", { original: new Error("Connection terminated unexpectedly") }),
    ],
    ["one wrapped as a cause", new Error("query failed", { cause: coded("read ECONNRESET", "ECONNRESET") })],
  ])("says yes for %s", (_what, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", coded("duplicate key value violates unique constraint", "23505")],
    ["a bug", new TypeError("cannot read properties of undefined")],
    [
      "a socket error on the way to Slack",
      coded("A request error occurred: read ECONNRESET", "slack_webapi_request_error", { original: coded("read ECONNRESET", "ECONNRESET") }),
    ],
    ["nothing", undefined],
  ])("says no for %s", (_what, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
