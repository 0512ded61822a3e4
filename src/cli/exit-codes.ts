// Exit codes scripts can rely on; documented in `wowbot --help` and the README.
export const EXIT = {
  ok: 0,
  /** Something failed at run time: database unreachable, a migration failed, doctor found a problem. */
  failure: 1,
  /** The command line was wrong: unknown command or option, missing argument. */
  usage: 2,
  /** The configuration (environment or .env) is invalid. */
  config: 3,
} as const;
