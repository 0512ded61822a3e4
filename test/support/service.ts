// Starts the real service in-process on a random port and a fresh database, with a fake Slack Web API, an
// injectable clock and captured logs. Every end-to-end test goes through here.
import { Writable } from "node:stream";
import { type Config, parseConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logger.js";
import { type Service, type ServiceOptions, startService } from "../../src/main.js";
import { ManualClock } from "./clock.js";
import { type FreshDatabase, freshDatabase } from "./databases.js";
import { FakeBotConnector } from "./fake-bot-connector.js";
import { FakeSlack } from "./fake-slack.js";
import { SlackRequests, TEST_SIGNING_SECRET } from "./slack-requests.js";
import { TeamsRequests } from "./teams-requests.js";

export interface TestServiceOptions {
  /** Environment variables on top of the test defaults (values as an operator would set them). */
  env?: Record<string, string>;
  /** Start with Slack configured against a fake Web API (default true). */
  slack?: boolean;
  /** Slack as an OAuth-distributed app (client id, secret and state secret) instead of a single bot token. */
  slackOAuth?: boolean;
  clock?: ManualClock;
  database?: FreshDatabase;
  /** Slack listeners and Teams turns finish before the HTTP response (default true, as tests need no sleeps). */
  processBeforeResponse?: boolean;
  jobs?: ServiceOptions["jobs"];
  /**
   * Start Teams at POST /api/messages against a fake Bot Connector (default false: Teams stays off, whatever the
   * environment says, so other tests run as before). Without MICROSOFT_APP_ID in `env` it runs unauthenticated
   * (TEAMS_ALLOW_UNAUTHENTICATED=true, unless `env` says otherwise).
   */
  teams?: boolean;
  /** Test-only Teams authentication overrides (local OpenID metadata, offline outbound tokens). */
  /** A running fake Bot Connector to use (and leave running): a restarted service reaches the same one. */
  fakeTeams?: FakeBotConnector;
  teamsAuth?: Omit<NonNullable<ServiceOptions["teams"]>, "disabled">;
}

export interface TestService {
  service: Service;
  url: string;
  config: Config;
  clock: ManualClock;
  database: FreshDatabase;
  fakeSlack: FakeSlack;
  slack: SlackRequests;
  /** The fake Bot Connector (started with `teams: true`, idle otherwise). */
  fakeTeams: FakeBotConnector;
  /** Activity builders and a poster for /api/messages. */
  teams: TeamsRequests;
  /** Every JSON log line the service wrote. */
  logs: Array<Record<string, unknown>>;
  prisma: Service["db"]["prisma"];
  /** Runs the outbox delivery job once, as the scheduler would every second. */
  deliver(): Promise<void>;
  stop(): Promise<void>;
}

export const TEST_BOT_TOKEN = "xoxb-1234-5678-testtokenvalue";

export function testConfig(env: Record<string, string> = {}): Config {
  const result = parseConfig({ LOG_LEVEL: "debug", NODE_ENV: "test", ...env });
  if (!result.ok) throw new Error(`bad test configuration: ${result.problems.join("; ")}`);
  return { ...result.config, port: 0 };
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const fakeSlack = await new FakeSlack().start();
  const fakeTeams = options.fakeTeams ?? (options.teams ? await new FakeBotConnector().start() : new FakeBotConnector());
  const database = options.database ?? (await freshDatabase());
  const slackEnv: Record<string, string> =
    options.slack === false
      ? {}
      : options.slackOAuth
        ? {
            SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
            SLACK_CLIENT_ID: "1234.5678",
            SLACK_CLIENT_SECRET: "test-client-secret",
            SLACK_STATE_SECRET: "test-state-secret-0123456789",
            SLACK_API_URL: fakeSlack.url,
          }
        : { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_API_URL: fakeSlack.url };
  const teamsEnv: Record<string, string> = options.teams && !options.env?.MICROSOFT_APP_ID ? { TEAMS_ALLOW_UNAUTHENTICATED: "true" } : {};
  const config = testConfig({ ...slackEnv, ...teamsEnv, ...options.env });
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const clock = options.clock ?? new ManualClock();
  const service = await startService({
    config: { ...config, databaseUrl: database.options.databaseUrl, dataDir: database.options.dataDir ?? config.dataDir },
    pglite: database.options.pglite,
    logger: createLogger(config.logLevel, sink),
    clock,
    processBeforeResponse: options.processBeforeResponse ?? true,
    jobs: options.jobs,
    scheduleJobs: false,
    shutdownGraceMs: 2_000,
    teams: options.teams ? options.teamsAuth : { disabled: true },
  });
  return {
    service,
    url: service.url,
    config,
    clock,
    database,
    fakeSlack,
    slack: new SlackRequests(service.url, fakeSlack),
    fakeTeams,
    teams: new TeamsRequests(service.url, fakeTeams),
    logs,
    prisma: service.db.prisma,
    deliver: () => service.scheduler.runNow(service.jobs.outbox),
    async stop() {
      await service.stop();
      await fakeSlack.stop();
      if (options.teams && !options.fakeTeams) await fakeTeams.stop();
      if (!options.database) await database.drop();
    },
  };
}
