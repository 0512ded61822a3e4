// `wowbot doctor`: configuration (secrets masked), database reachability, migration state, enabled platforms.
import { existsSync } from "node:fs";
import path from "node:path";
import { type ConfigResult, SLACK_DISABLED, TEAMS_DISABLED, teamsMode } from "../../config/env.js";
import { VARIABLES } from "../../config/variables.js";
import { describeUrl, openDatabase } from "../../db/database.js";
import { describeDriverError } from "../../db/errors.js";
import { migrationState } from "../../db/migrate.js";
import { createRepositories } from "../../db/repositories.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { describeWorkspace } from "../workspace.js";

export const doctorHelp = `Usage: wowbot doctor

Checks the installation and prints what it found: each configuration variable (secrets masked), whether the
database answers, which migrations are applied or pending, and which platforms are enabled.
Exit code 0 when everything is usable, 1 when something needs attention, 3 when the configuration is invalid.`;

/** Shows that a secret is set without showing any of it. */
export function maskValue(name: string, value: string | undefined): string {
  if (value === undefined || value === "") return "(unset)";
  if (VARIABLES.find((v) => v.name === name)?.secret) {
    if (name === "DATABASE_URL" && URL.canParse(value)) {
      const u = new URL(value);
      if (u.password) u.password = "****";
      return u.toString();
    }
    return `set (${value.length} characters, hidden)`;
  }
  return value;
}

export async function doctor(result: ConfigResult, env: Record<string, string | undefined>, output: Output): Promise<number> {
  output.out("Configuration");
  for (const v of VARIABLES) {
    const value = env[v.name];
    const unset = v.name === "DATABASE_URL" ? "(unset: embedded PGlite in DATA_DIR)" : "(unset)";
    const shown = value === undefined || value === "" ? (v.default ? `${v.default} (default)` : unset) : maskValue(v.name, value);
    output.out(`  ${v.name.padEnd(24)} ${shown}`);
  }
  if (!result.ok) {
    output.out("");
    output.out("Configuration problems");
    for (const problem of result.problems) output.out(`  ${problem}`);
    return EXIT.config;
  }
  const { config } = result;
  let healthy = true;
  for (const warning of config.warnings) output.out(`  warning: ${warning}`);

  output.out("");
  output.out("Platforms");
  const slack = {
    "single-workspace": "enabled (single workspace)",
    oauth: "enabled (OAuth distribution, install at /slack/install)",
    disabled: SLACK_DISABLED.replace(/^Slack disabled: /, "disabled: "),
  };
  output.out(`  Slack: ${slack[config.slack.mode]}`);
  const teams = {
    authenticated: "enabled at POST /api/messages (authenticated with MICROSOFT_APP_ID)",
    unauthenticated: "enabled WITHOUT authentication (TEAMS_ALLOW_UNAUTHENTICATED=true; refused in production)",
    disabled: TEAMS_DISABLED.replace(/^Teams disabled: /, "disabled: "),
  };
  output.out(`  Teams: ${teams[teamsMode(config)]}`);

  output.out("");
  output.out("Database");
  const pgliteDir = path.join(config.dataDir, "pglite");
  if (!config.databaseUrl && !existsSync(pgliteDir)) {
    output.out(`  PGlite at ${pgliteDir}: not created yet (wowbot serve or wowbot migrate creates it)`);
    return EXIT.ok;
  }
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      output.out(`  ${db.description}: reachable`);
      const state = await migrationState(db);
      output.out(
        `  migrations: ${state.applied.length} applied, ${state.pending.length} pending${state.pending.length ? ` (${state.pending.join(", ")}; applied by wowbot migrate or at start)` : ""}`,
      );
      if (state.modified.length) {
        healthy = false;
        output.out(`  problem: applied migrations changed since: ${state.modified.join(", ")}`);
      }
      if (state.unknown.length) {
        healthy = false;
        output.out(`  problem: the database has migrations this version does not know (a newer wowbot ran here): ${state.unknown.join(", ")}`);
      }
      if (state.pending.length === 0) {
        // What --workspace takes, and which workspace is which (the local development one among them).
        const workspaces = await createRepositories(db).workspaces.listAll();
        output.out(`  workspaces: ${workspaces.length || "none yet (wowbot learns one when it is installed or first used)"}`);
        for (const w of workspaces) output.out(`  ${describeWorkspace(w)}`);
      }
    } finally {
      await db.close();
    }
  } catch (error) {
    healthy = false;
    const where = config.databaseUrl ? describeUrl(config.databaseUrl) : `PGlite at ${pgliteDir}`;
    output.out(`  ${where}: unreachable: ${describeDriverError(error)}`);
  }
  return healthy ? EXIT.ok : EXIT.failure;
}
