// The environment, parsed once by one zod schema. Nothing else in wowbot reads process.env.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";
import { DAILY_LEASE_MS } from "../app/daily-runs.js";
import { DELIVERY_LEASE_MS, DELIVERY_SEND_TIMEOUT_MS } from "../app/deliver-outbox.js";
import { DEFAULT_POOL_SIZE } from "../db/pool-size.js";
import { isValidTimeZone } from "../domain/timezone.js";
import { VARIABLES } from "./variables.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const APP_TYPES = ["MultiTenant", "SingleTenant", "UserAssignedMSI"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unset and blank are the same thing: an empty line in .env must not count as a value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const text = optional(z.string());

const envSchema = z.object({
  PORT: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(65535))),
  DATABASE_URL: optional(z.string().refine((v) => /^postgres(ql)?:\/\/./.test(v) && URL.canParse(v))),
  DATA_DIR: text,
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  DEFAULT_TIMEZONE: optional(z.string().refine(isValidTimeZone)),
  WOWBOT_ADMINS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]{2,}$/.test(id) || UUID.test(id))),
  ),
  DATABASE_POOL_SIZE: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(2).max(200))),
  EXPORT_MAX_MB: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(1000))),
  // At most 30 s: well inside the outbox's 60 s claim lease, so no other worker takes a message still being sent.
  DELIVERY_SEND_TIMEOUT_MS: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(100).max(30_000))),
  DAILY_JOB_LEASE_SECONDS: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(3600))),
  OUTBOX_LEASE_SECONDS: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(3600))),
  SLACK_SIGNING_SECRET: text,
  SLACK_BOT_TOKEN: optional(z.string().startsWith("xoxb-")),
  SLACK_API_URL: optional(z.string().refine((v) => /^https?:\/\//.test(v) && URL.canParse(v))),
  SLACK_CLIENT_ID: text,
  SLACK_CLIENT_SECRET: text,
  SLACK_STATE_SECRET: optional(z.string().min(16)),
  MICROSOFT_APP_ID: optional(z.string().regex(UUID)),
  MICROSOFT_APP_PASSWORD: text,
  MICROSOFT_APP_TENANT_ID: optional(z.string().regex(UUID)),
  MICROSOFT_APP_TYPE: optional(z.enum(APP_TYPES)),
  TEAMS_ALLOW_UNAUTHENTICATED: optional(z.enum(["true", "false"])),
});

export type SlackMode = "disabled" | "single-workspace" | "oauth";

export interface Config {
  port: number;
  /** Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL per process (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  nodeEnv: "development" | "production" | "test";
  production: boolean;
  defaultTimezone: string;
  admins: string[];
  /** The largest export file sent in chat, in bytes (EXPORT_MAX_MB). */
  exportMaxBytes: number;
  /** How long one outbox send may take before it is abandoned and retried (DELIVERY_SEND_TIMEOUT_MS). */
  deliverySendTimeoutMs: number;
  /** A daily run's claim lease (DAILY_JOB_LEASE_SECONDS), in ms. */
  dailyLeaseMs: number;
  /** An outbox message's delivery lease (OUTBOX_LEASE_SECONDS), in ms. */
  outboxLeaseMs: number;
  slack: {
    mode: SlackMode;
    signingSecret?: string;
    botToken?: string;
    /** Always ends with "/", as the Slack Web API client expects. */
    apiUrl?: string;
    clientId?: string;
    clientSecret?: string;
    stateSecret?: string;
  };
  teams: {
    configured: boolean;
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: (typeof APP_TYPES)[number];
    /** TEAMS_ALLOW_UNAUTHENTICATED=true: serve Teams without an app id, for local testing (never in production). */
    allowUnauthenticated: boolean;
  };
  /** Platform problems that are warnings outside production (and errors inside it). */
  warnings: string[];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export const SLACK_DISABLED = "Slack disabled: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, or the OAuth variables";

export const TEAMS_DISABLED =
  "Teams disabled: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID for single-tenant bots), or TEAMS_ALLOW_UNAUTHENTICATED=true to try it locally";

/**
 * Whether Teams runs, and how: configured -> with auth; no app id and the explicit development switch -> without auth;
 * else off. Serving anonymous activities by default let one request create a workspace (issue 16).
 */
export function teamsMode(config: Pick<Config, "teams" | "production">): "authenticated" | "unauthenticated" | "disabled" {
  if (config.teams.configured) return "authenticated";
  if (config.teams.allowUnauthenticated && !config.teams.appId && !config.production) return "unauthenticated";
  return "disabled";
}

function shown(name: string, value: unknown): string {
  const spec = VARIABLES.find((v) => v.name === name);
  if (spec?.secret) return `a value of ${String(value).length} characters`;
  return JSON.stringify(value);
}

/** Parses an environment (process.env merged over .env). Returns every problem, one line each, never throws. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    const problems = names.map((name) => {
      const spec = VARIABLES.find((v) => v.name === name);
      return `${name} must be ${spec?.expected ?? "valid"}, got ${shown(name, env[name])}`;
    });
    return { ok: false, problems };
  }
  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? "development";
  const production = nodeEnv === "production";
  const problems: string[] = [];
  const warnings: string[] = [];

  const single = Boolean(e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN);
  const oauthVars = { SLACK_CLIENT_ID: e.SLACK_CLIENT_ID, SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: e.SLACK_STATE_SECRET };
  const oauthSet = Object.values(oauthVars).filter(Boolean).length;
  const oauth = Boolean(e.SLACK_SIGNING_SECRET) && oauthSet === 3;
  let slackMode: SlackMode = oauth ? "oauth" : single ? "single-workspace" : "disabled";
  const anySlack = Boolean(e.SLACK_SIGNING_SECRET || e.SLACK_BOT_TOKEN || oauthSet);
  if (oauthSet > 0 && oauthSet < 3) {
    const missing = Object.entries(oauthVars)
      .filter(([, v]) => !v)
      .map(([k]) => k);
    warnings.push(`Slack OAuth is half-configured: also set ${missing.join(" and ")}`);
    if (!single) slackMode = "disabled";
  } else if (anySlack && slackMode === "disabled") {
    warnings.push(
      e.SLACK_SIGNING_SECRET
        ? "Slack is half-configured: SLACK_SIGNING_SECRET is set but neither SLACK_BOT_TOKEN nor the OAuth variables are"
        : "Slack is half-configured: SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN or the OAuth variables",
    );
  }

  const appType = e.MICROSOFT_APP_TYPE ?? "MultiTenant";
  const teamsConfigured = Boolean(e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD);
  if (Boolean(e.MICROSOFT_APP_ID) !== Boolean(e.MICROSOFT_APP_PASSWORD)) {
    warnings.push(`Teams is half-configured: set both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD`);
  } else if (teamsConfigured && appType === "SingleTenant" && !e.MICROSOFT_APP_TENANT_ID) {
    warnings.push("Teams is half-configured: MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID");
  }

  const allowUnauthenticated = e.TEAMS_ALLOW_UNAUTHENTICATED === "true";
  if (allowUnauthenticated && production) problems.push("TEAMS_ALLOW_UNAUTHENTICATED=true is for local testing: unset it in production");
  else if (allowUnauthenticated && e.MICROSOFT_APP_ID)
    warnings.push("TEAMS_ALLOW_UNAUTHENTICATED=true is ignored: MICROSOFT_APP_ID is set, so Teams requests are authenticated");

  // A send still running when its claim expires could be picked up and sent again by another worker.
  const sendTimeoutMs = e.DELIVERY_SEND_TIMEOUT_MS ?? DELIVERY_SEND_TIMEOUT_MS;
  const outboxLeaseSeconds = e.OUTBOX_LEASE_SECONDS ?? DELIVERY_LEASE_MS / 1000;
  if (sendTimeoutMs * 2 > outboxLeaseSeconds * 1000) {
    problems.push(`DELIVERY_SEND_TIMEOUT_MS (${sendTimeoutMs}) must be at most half of OUTBOX_LEASE_SECONDS (${outboxLeaseSeconds} s)`);
  }
  if (production) problems.push(...warnings.map((w) => `${w} (NODE_ENV=production refuses half-configured platforms)`));
  if (problems.length) return { ok: false, problems };

  const apiUrl = e.SLACK_API_URL ? (e.SLACK_API_URL.endsWith("/") ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`) : undefined;
  return {
    ok: true,
    config: {
      port: e.PORT ?? 3000,
      databaseUrl: e.DATABASE_URL,
      databasePoolSize: e.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE,
      dataDir: path.resolve(e.DATA_DIR ?? "./data"),
      logLevel: e.LOG_LEVEL ?? "info",
      nodeEnv,
      production,
      defaultTimezone: e.DEFAULT_TIMEZONE ?? "UTC",
      admins: e.WOWBOT_ADMINS ?? [],
      exportMaxBytes: (e.EXPORT_MAX_MB ?? 50) * 1024 * 1024,
      deliverySendTimeoutMs: sendTimeoutMs,
      dailyLeaseMs: e.DAILY_JOB_LEASE_SECONDS === undefined ? DAILY_LEASE_MS : e.DAILY_JOB_LEASE_SECONDS * 1000,
      outboxLeaseMs: outboxLeaseSeconds * 1000,
      slack: {
        mode: slackMode,
        signingSecret: e.SLACK_SIGNING_SECRET,
        botToken: e.SLACK_BOT_TOKEN,
        apiUrl,
        clientId: e.SLACK_CLIENT_ID,
        clientSecret: e.SLACK_CLIENT_SECRET,
        stateSecret: e.SLACK_STATE_SECRET,
      },
      teams: {
        configured: teamsConfigured && !(appType === "SingleTenant" && !e.MICROSOFT_APP_TENANT_ID),
        appId: e.MICROSOFT_APP_ID,
        appPassword: e.MICROSOFT_APP_PASSWORD,
        tenantId: e.MICROSOFT_APP_TENANT_ID,
        appType,
        allowUnauthenticated,
      },
      warnings,
    },
  };
}

/** Reads `.env` in the working directory when present; real environment variables win over it. */
export function readEnvironment(processEnv: NodeJS.ProcessEnv = process.env, envFile = path.resolve(".env")): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {};
  return { ...fromFile, ...processEnv };
}

/** The single place that reads process.env. */
export function loadConfig(): ConfigResult {
  return parseConfig(readEnvironment());
}
