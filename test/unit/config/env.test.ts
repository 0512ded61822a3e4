// The environment contract: defaults, one clear line per bad value, secrets never echoed, platform enablement.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig, readEnvironment, teamsMode } from "../../../src/config/env.js";
import { scratchDir } from "../../support/process.js";

const problems = (env: Record<string, string>) => {
  const r = parseConfig(env);
  return r.ok ? [] : r.problems;
};

describe("parseConfig", () => {
  it("runs with no environment at all: port 3000, embedded PGlite in ./data, UTC, no platforms", () => {
    const r = parseConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.port).toBe(3000);
    expect(r.config.databaseUrl).toBeUndefined();
    expect(r.config.dataDir).toBe(path.resolve("data"));
    expect(r.config.logLevel).toBe("info");
    expect(r.config.defaultTimezone).toBe("UTC");
    expect(r.config.slack.mode).toBe("disabled");
    expect(r.config.teams.configured).toBe(false);
    expect(r.config.warnings).toEqual([]);
  });

  it("names the variable, what was expected and what it got", () => {
    expect(problems({ PORT: "abc" })).toEqual(['PORT must be an integer 1-65535, got "abc"']);
    expect(problems({ PORT: "70000" })).toEqual(['PORT must be an integer 1-65535, got "70000"']);
    expect(problems({ LOG_LEVEL: "loud" })).toEqual(['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"']);
    expect(problems({ DEFAULT_TIMEZONE: "Mars/Olympus" })).toEqual(['DEFAULT_TIMEZONE must be an IANA time zone such as "Europe/Berlin", got "Mars/Olympus"']);
  });

  it("keeps 20 connections to PostgreSQL unless DATABASE_POOL_SIZE says otherwise, between 2 and 200", () => {
    const pool = (env: Record<string, string>) => {
      const r = parseConfig(env);
      return r.ok ? r.config.databasePoolSize : r.problems;
    };
    expect(pool({})).toBe(20);
    expect(pool({ DATABASE_POOL_SIZE: "40" })).toBe(40);
    expect(pool({ DATABASE_POOL_SIZE: "1" })).toEqual(['DATABASE_POOL_SIZE must be an integer 2-200, got "1"']);
    expect(pool({ DATABASE_POOL_SIZE: "many" })).toEqual(['DATABASE_POOL_SIZE must be an integer 2-200, got "many"']);
  });

  it("refuses a send timeout longer than half the outbox lease, which would let another worker send the message again", () => {
    expect(problems({ OUTBOX_LEASE_SECONDS: "2" })).toEqual(["DELIVERY_SEND_TIMEOUT_MS (10000) must be at most half of OUTBOX_LEASE_SECONDS (2 s)"]);
    expect(problems({ OUTBOX_LEASE_SECONDS: "2", DELIVERY_SEND_TIMEOUT_MS: "1000" })).toEqual([]);
  });

  it("reports every bad variable, one line each", () => {
    const lines = problems({ PORT: "abc", NODE_ENV: "staging", WOWBOT_ADMINS: "U123,bob", SLACK_API_URL: "slack.com" });
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.split(" ")[0]).sort()).toEqual(["NODE_ENV", "PORT", "SLACK_API_URL", "WOWBOT_ADMINS"]);
  });

  it("never echoes a secret's value in a problem line", () => {
    const lines = problems({ SLACK_BOT_TOKEN: "xoxp-user-token-value", DATABASE_URL: "mysql://root:hunter2@db/x" });
    expect(lines.join("\n")).not.toContain("hunter2");
    expect(lines.join("\n")).not.toContain("user-token-value");
    expect(lines).toContain('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-", got a value of 21 characters');
  });

  it("treats blank values as unset", () => {
    const r = parseConfig({ PORT: "", DATABASE_URL: " ", SLACK_BOT_TOKEN: "" });
    expect(r.ok && r.config.port).toBe(3000);
    expect(r.ok && r.config.databaseUrl).toBeUndefined();
  });

  it("parses WOWBOT_ADMINS as Slack user ids and Teams AAD object ids", () => {
    const r = parseConfig({ WOWBOT_ADMINS: "U01ABC, W02DEF ,6f1c2a3b-1111-4222-8333-944455556666" });
    expect(r.ok && r.config.admins).toEqual(["U01ABC", "W02DEF", "6f1c2a3b-1111-4222-8333-944455556666"]);
  });

  it("enables Slack single-workspace with signing secret and bot token; normalises the API URL", () => {
    const r = parseConfig({ SLACK_SIGNING_SECRET: "abc", SLACK_BOT_TOKEN: "xoxb-1", SLACK_API_URL: "http://127.0.0.1:9/api" });
    expect(r.ok && r.config.slack.mode).toBe("single-workspace");
    expect(r.ok && r.config.slack.apiUrl).toBe("http://127.0.0.1:9/api/");
  });

  it("recognises OAuth distribution when all three OAuth variables and the signing secret are set", () => {
    const r = parseConfig({ SLACK_SIGNING_SECRET: "abc", SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "s", SLACK_STATE_SECRET: "0123456789abcdef" });
    expect(r.ok && r.config.slack.mode).toBe("oauth");
  });

  it("outside production, a half-configured platform is disabled with a warning", () => {
    const r = parseConfig({ SLACK_SIGNING_SECRET: "abc", MICROSOFT_APP_ID: "6f1c2a3b-1111-4222-8333-944455556666" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.slack.mode).toBe("disabled");
    expect(r.config.teams.configured).toBe(false);
    expect(r.config.warnings).toEqual([
      "Slack is half-configured: SLACK_SIGNING_SECRET is set but neither SLACK_BOT_TOKEN nor the OAuth variables are",
      "Teams is half-configured: set both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD",
    ]);
  });

  it("in production, a half-configured platform is a start-up error", () => {
    expect(problems({ NODE_ENV: "production", SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "Slack is half-configured: SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN or the OAuth variables (NODE_ENV=production refuses half-configured platforms)",
    ]);
    expect(problems({ NODE_ENV: "production", SLACK_SIGNING_SECRET: "a", SLACK_CLIENT_ID: "1" })[0]).toMatch(
      /^Slack OAuth is half-configured: also set SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/,
    );
    expect(problems({ NODE_ENV: "production" })).toEqual([]);
  });

  it("requires a tenant id for single-tenant Teams bots", () => {
    const lines = problems({
      NODE_ENV: "production",
      MICROSOFT_APP_ID: "6f1c2a3b-1111-4222-8333-944455556666",
      MICROSOFT_APP_PASSWORD: "pw",
      MICROSOFT_APP_TYPE: "SingleTenant",
    });
    expect(lines[0]).toMatch(/^Teams is half-configured: MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID/);
  });
});

describe("readEnvironment", () => {
  it("reads .env when present, and the real environment wins over it", () => {
    const dir = scratchDir("wowbot-env-");
    const file = path.join(dir, ".env");
    writeFileSync(file, "PORT=4000\nLOG_LEVEL=debug\n# a comment\nDEFAULT_TIMEZONE=Europe/Berlin\n");
    const env = readEnvironment({ LOG_LEVEL: "warn" }, file);
    expect(env.PORT).toBe("4000");
    expect(env.LOG_LEVEL).toBe("warn");
    expect(env.DEFAULT_TIMEZONE).toBe("Europe/Berlin");
  });

  it("works without a .env file", () => {
    expect(readEnvironment({ PORT: "1" }, "/nonexistent/.env")).toEqual({ PORT: "1" });
  });

  it("Teams runs authenticated with an app id and password, unauthenticated only when asked outside production, else not at all", () => {
    const mode = (env: Record<string, string>) => {
      const r = parseConfig(env);
      if (!r.ok) throw new Error(r.problems.join("; "));
      return teamsMode(r.config);
    };
    const app = { MICROSOFT_APP_ID: "5f2c1a9e-0000-4000-8000-00000000b07a", MICROSOFT_APP_PASSWORD: "secret" };
    const allow = { TEAMS_ALLOW_UNAUTHENTICATED: "true" };
    expect(mode(app)).toBe("authenticated");
    expect(mode({ ...app, NODE_ENV: "production" })).toBe("authenticated");
    expect(mode({ ...app, ...allow })).toBe("authenticated");
    // The quick start (nothing set) does not serve anonymous activities: one created a second workspace (issue 16).
    expect(mode({})).toBe("disabled");
    expect(mode({ NODE_ENV: "test" })).toBe("disabled");
    expect(mode({ TEAMS_ALLOW_UNAUTHENTICATED: "false" })).toBe("disabled");
    expect(mode(allow)).toBe("unauthenticated");
    expect(mode({ ...allow, NODE_ENV: "test" })).toBe("unauthenticated");
    expect(mode({ NODE_ENV: "production" })).toBe("disabled");
    // Half-configured outside production: an app id without its password does not fall back to no authentication.
    expect(mode({ ...allow, MICROSOFT_APP_ID: app.MICROSOFT_APP_ID })).toBe("disabled");
  });

  it("refuses TEAMS_ALLOW_UNAUTHENTICATED=true in production, and any value but true or false", () => {
    expect(parseConfig({ NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "true" })).toEqual({
      ok: false,
      problems: ["TEAMS_ALLOW_UNAUTHENTICATED=true is for local testing: unset it in production"],
    });
    expect(parseConfig({ TEAMS_ALLOW_UNAUTHENTICATED: "yes" })).toEqual({
      ok: false,
      problems: ['TEAMS_ALLOW_UNAUTHENTICATED must be true or false, got "yes"'],
    });
  });
});
