// Every environment variable wowbot reads: name, default, what a good value looks like, and whether it is secret.
// The README table, .env.example and `wowbot doctor` are all derived from this list.
// The defaults of the job and delivery timings are the use cases' own constants, stated once.
import { DAILY_LEASE_MS } from "../app/daily-runs.js";
import { DELIVERY_LEASE_MS, DELIVERY_SEND_TIMEOUT_MS } from "../app/deliver-outbox.js";
import { DEFAULT_POOL_SIZE } from "../db/pool-size.js";

export interface VariableSpec {
  name: string;
  /** Shown in docs and in error lines: "PORT must be <expected>". */
  expected: string;
  description: string;
  default?: string;
  secret?: boolean;
  group: "service" | "slack" | "teams";
}

export const VARIABLES: readonly VariableSpec[] = [
  {
    name: "PORT",
    group: "service",
    default: "3000",
    expected: "an integer 1-65535",
    description: "HTTP port for Slack, Teams, the ingest API, health and metrics.",
  },
  {
    name: "DATABASE_URL",
    group: "service",
    secret: true,
    expected: "a postgres:// or postgresql:// URL",
    description: "PostgreSQL connection URL. Unset: an embedded PGlite database under DATA_DIR.",
  },
  {
    name: "DATA_DIR",
    group: "service",
    default: "./data",
    expected: "a directory path",
    description: "Where the embedded PGlite database lives when DATABASE_URL is unset.",
  },
  {
    name: "DATABASE_POOL_SIZE",
    group: "service",
    default: String(DEFAULT_POOL_SIZE),
    expected: "an integer 2-200",
    description:
      "Connections each wowbot process keeps to PostgreSQL (not PGlite). Under a burst, modal submissions wait for one before they can answer; replicas multiply it, so keep the sum under the server's max_connections.",
  },
  {
    name: "LOG_LEVEL",
    group: "service",
    default: "info",
    expected: "one of fatal, error, warn, info, debug, trace, silent",
    description: "Log verbosity (JSON lines on stdout).",
  },
  {
    name: "NODE_ENV",
    group: "service",
    default: "development",
    expected: "one of development, production, test",
    description: "production refuses to start with a half-configured platform.",
  },
  {
    name: "DEFAULT_TIMEZONE",
    group: "service",
    default: "UTC",
    expected: 'an IANA time zone such as "Europe/Berlin"',
    description: "Time zone of a new workspace when the installer's is unknown.",
  },
  {
    name: "WOWBOT_ADMINS",
    group: "service",
    expected: "comma-separated Slack user ids (U..., W...) or Teams AAD object ids (UUIDs)",
    description: "Platform user ids who are admins in every workspace they appear in.",
  },
  {
    name: "EXPORT_MAX_MB",
    group: "service",
    default: "50",
    expected: "an integer 1-1000",
    description: "Largest CSV file /wowbot export sends in chat, in MB; a larger export is refused with a pointer to `wowbot export`.",
  },
  {
    name: "DELIVERY_SEND_TIMEOUT_MS",
    group: "service",
    default: String(DELIVERY_SEND_TIMEOUT_MS),
    expected: "an integer 100-30000",
    description: "How long one outbox send to Slack or Teams may take before it is abandoned and retried later (a hung platform never stalls delivery).",
  },
  {
    name: "DAILY_JOB_LEASE_SECONDS",
    group: "service",
    default: String(DAILY_LEASE_MS / 1000),
    expected: "an integer 1-3600",
    description:
      "How long a daily run (period close, digest) whose process died stays claimed before another process takes it over; runs renew it after every batch of 2,000 members.",
  },
  {
    name: "OUTBOX_LEASE_SECONDS",
    group: "service",
    default: String(DELIVERY_LEASE_MS / 1000),
    expected: "an integer 1-3600",
    description:
      "How long a message being delivered stays claimed before another process sends it again (if the claimer died after the platform accepted it, it is sent twice).",
  },
  { name: "SLACK_SIGNING_SECRET", group: "slack", secret: true, expected: "the app's signing secret (hex)", description: "Verifies every request from Slack." },
  {
    name: "SLACK_BOT_TOKEN",
    group: "slack",
    secret: true,
    expected: 'a bot token starting with "xoxb-"',
    description: "Single-workspace installs: the bot token from OAuth & Permissions.",
  },
  {
    name: "SLACK_API_URL",
    group: "slack",
    expected: "an http(s) URL such as https://slack.com/api/",
    description: "Base URL of the Slack Web API (proxies, tests). Unset: Slack's own.",
  },
  {
    name: "SLACK_CLIENT_ID",
    group: "slack",
    expected: "the app's client id",
    description: "OAuth distribution: client id (with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET).",
  },
  { name: "SLACK_CLIENT_SECRET", group: "slack", secret: true, expected: "the app's client secret", description: "OAuth distribution: client secret." },
  {
    name: "SLACK_STATE_SECRET",
    group: "slack",
    secret: true,
    expected: "a random string of at least 16 characters",
    description: "OAuth distribution: signs the install state cookie.",
  },
  { name: "MICROSOFT_APP_ID", group: "teams", expected: "the bot's Microsoft app id (a UUID)", description: "Teams bot registration app id." },
  { name: "MICROSOFT_APP_PASSWORD", group: "teams", secret: true, expected: "the bot's client secret", description: "Teams bot registration client secret." },
  { name: "MICROSOFT_APP_TENANT_ID", group: "teams", expected: "a tenant id (UUID)", description: "Required for SingleTenant bots." },
  {
    name: "MICROSOFT_APP_TYPE",
    group: "teams",
    default: "MultiTenant",
    expected: "one of MultiTenant, SingleTenant, UserAssignedMSI",
    description: "Bot registration type.",
  },
  {
    name: "TEAMS_ALLOW_UNAUTHENTICATED",
    group: "teams",
    default: "false",
    expected: "true or false",
    description:
      "true serves Teams without MICROSOFT_APP_ID and without checking tokens, for trying wowbot locally (Bot Framework Emulator, a fake connector); a start-up error in production.",
  },
  {
    name: "PUBLIC_HOST",
    group: "teams",
    expected: "a host name such as wowbot.example.org",
    description: "The service's public host (Teams calls https://<host>/api/messages); `npm run teams:package` writes it into the Teams app.",
  },
];
