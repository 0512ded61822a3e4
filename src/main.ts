// Composition root: config -> database -> migrations -> repositories -> adapters -> HTTP server -> scheduler.
// `wowbot serve` calls startService; tests call it too, in-process, on a random port and a fresh database.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { createSlackAdapter, type SlackAdapter } from "./adapters/slack/slack-app.js";
import type { TeamsAdapter, TeamsAuthOverrides } from "./adapters/teams/teams-adapter.js";
import { type ChannelsLostPorts, channelsLost, rerouteToLeads } from "./app/channels-lost.js";
import { applyConfiguredAdmins } from "./app/configured-admins.js";
import type { OutboxEntry } from "./app/outbox-messages.js";
import { createViewSource } from "./app/view-source.js";
import { type Config, SLACK_DISABLED, TEAMS_DISABLED, teamsMode } from "./config/env.js";
import { type Database, openDatabase } from "./db/database.js";
import { applyMigrations } from "./db/migrate.js";
import { enqueueOutbox } from "./db/outbox.repository.js";
import { createRepositories, portsOf } from "./db/repositories.js";
import { channelName } from "./db/teams-conversation.repository.js";
import { type Clock, systemClock } from "./domain/clock.js";
import { ingestRouter } from "./http/ingest/router.js";
import { createMetrics } from "./http/metrics.js";
import { busyWithRequests } from "./jobs/busy.js";
import { calibrationJob } from "./jobs/calibration.job.js";
import { candidatesJob } from "./jobs/candidates.job.js";
import { dailyJob } from "./jobs/daily.job.js";
import { directoryJob } from "./jobs/directory.job.js";
import { outboxJob } from "./jobs/outbox.job.js";
import { type Job, Scheduler } from "./jobs/scheduler.js";
import { createLogger, type Logger } from "./logger.js";
import { createHttpApp, finishHttpApp } from "./server.js";

export interface ServiceOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  /** A ready PGlite instance instead of DATA_DIR (tests use in-memory ones). */
  pglite?: PGlite;
  /**
   * Hold the HTTP response until the work of a request is done (tests), on Slack and Teams. By default both answer
   * first: Slack's listeners run after ack(), Teams activities other than invokes get their 200 once authenticated.
   */
  processBeforeResponse?: boolean;
  /** Extra scheduled jobs (tests). */
  jobs?: Job[];
  /** Run jobs on their schedules (default). Tests turn this off and run them with scheduler.runNow. */
  scheduleJobs?: boolean;
  /** How long stop() lets in-flight requests finish before cutting them. */
  shutdownGraceMs?: number;
  /**
   * Tests only, never operator settings: `disabled` turns Teams off whatever the config says (the harness's
   * default, so Slack tests run as before); the overrides keep authentication offline.
   */
  teams?: TeamsAuthOverrides & { disabled?: boolean };
  /** Aborted by a signal during start-up: start-up stops at its next step, closes what it opened and throws StartupInterrupted. */
  abort?: AbortSignal;
}

export interface Service {
  port: number;
  url: string;
  db: Database;
  scheduler: Scheduler;
  /** The service's own jobs, by name, for scheduler.runNow. */
  jobs: { outbox: Job; daily: Job; directory: Job; candidates: Job; calibration: Job };
  /** Stop accepting, finish in-flight requests and the current job step, close the database. */
  stop(): Promise<void>;
}

export async function startService(options: ServiceOptions): Promise<Service> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const started = performance.now();
  for (const warning of config.warnings) logger.warn(warning);
  logger.info("starting wowbot");
  // Between steps, not inside them: opening PGlite or a migration's transaction is left to finish, then closed.
  const checkpoint = () => {
    if (options.abort?.aborted) throw new StartupInterrupted();
  };

  const db = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir, pglite: options.pglite });
  let server: Server | undefined;
  try {
    checkpoint();
    const applied = await applyMigrations(db);
    checkpoint();
    logger.info({ database: db.description, applied }, applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");

    let stopping = false;
    const repos = createRepositories(db);
    const { members, outbox, workspaces, teamsConversations } = repos;
    const ports = portsOf(repos, clock, config.admins);
    const promoted = await applyConfiguredAdmins(ports);
    if (promoted.length) logger.info({ members: promoted.map((m) => m.platformUserId) }, `WOWBOT_ADMINS: made ${promoted.length} listed member(s) admin`);
    const enqueue = async (entries: OutboxEntry[], at: Date) => void (await enqueueOutbox(db, entries, at));
    const lostPorts: ChannelsLostPorts = { settings: workspaces, members, attendance: ports.attendance, teams: ports.teams, outbox: { enqueue }, clock };
    const metrics = createMetrics(() => outbox.depth());
    const http = createHttpApp({ db, metrics, logger, isStopping: () => stopping });

    let slack: SlackAdapter | undefined;
    if (config.slack.mode !== "disabled") {
      slack = createSlackAdapter({
        installations: repos.slackInstallations,
        config,
        logger,
        http,
        processBeforeResponse: options.processBeforeResponse,
        deps: { ports, workspaces, defaultTimezone: config.defaultTimezone, exportMaxBytes: config.exportMaxBytes, logger },
      });
      logger.info(
        config.slack.mode === "oauth"
          ? "Slack enabled (OAuth distribution) at POST /slack/events; install at GET /slack/install"
          : "Slack enabled (single workspace) at POST /slack/events",
      );
    } else {
      logger.info(SLACK_DISABLED);
    }
    let teams: TeamsAdapter | undefined;
    const mode = options.teams?.disabled ? "disabled" : teamsMode(config);
    if (mode !== "disabled") {
      // Loaded only when Teams is served: botbuilder and its dependencies cost about 30 MB of resident memory, which
      // a Slack-only service on PGlite cannot spare under its 200 MB target (bench/README.md).
      const { createTeamsAdapter } = await import("./adapters/teams/teams-adapter.js");
      teams = createTeamsAdapter({
        config,
        logger,
        http,
        auth: options.teams,
        processBeforeResponse: options.processBeforeResponse,
        deps: {
          ports,
          workspaces,
          accounts: members,
          conversations: teamsConversations,
          channelsLost: (workspace, lost, options) => channelsLost(lostPorts, workspace, lost, options),
          defaultTimezone: config.defaultTimezone,
          exportMaxBytes: config.exportMaxBytes,
          logger,
        },
      });
      if (mode === "authenticated") logger.info("Teams enabled at POST /api/messages (requests authenticated with MICROSOFT_APP_ID)");
      else
        logger.warn(
          "Teams enabled WITHOUT authentication at POST /api/messages (TEAMS_ALLOW_UNAUTHENTICATED=true): set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD for real use",
        );
    } else {
      logger.info(TEAMS_DISABLED);
    }
    const ingest = ingestRouter({ ports, contactData: repos.contactData, workspaces, logger });
    finishHttpApp(http, { logger, slackEnabled: Boolean(slack), teamsEnabled: Boolean(teams), ingest });

    checkpoint();
    server = createServer(http);
    // Node's defaults close idle keep-alive sockets after 5 s; load balancers expect a longer idle window.
    server.keepAliveTimeout = 65_000;
    await listen(server, config.port);
    const port = (server.address() as AddressInfo).port;

    // Only runs on the schedule step aside in a burst: a run asked for explicitly (jobs not scheduled, as in tests and
    // one-off tools) delivers everything it can.
    const busy = (options.scheduleJobs ?? true) ? busyWithRequests(metrics.requestsReceived) : undefined;
    const deliveryJob = outboxJob({
      outbox,
      views: createViewSource(repos.viewFacts),
      senders: { slack: slack?.sender, teams: teams?.sender },
      workspaces,
      sendTimeoutMs: config.deliverySendTimeoutMs,
      leaseMs: config.outboxLeaseMs,
      busy,
      // A channel the bot can no longer post in: forgotten (Teams), cleared in settings with the admins told, and a
      // message for the leads sent to them by DM instead.
      channelLost: async (workspace, channel, payload) => {
        const forgotten = workspace.platform === "teams" ? await teamsConversations.forget(workspace.id, channel) : null;
        const current = (await workspaces.findById(workspace.id)) ?? workspace;
        await channelsLost(lostPorts, current, [{ id: channel, name: forgotten ? channelName(forgotten) : channel }]);
        const rerouted = await rerouteToLeads(lostPorts, current, payload);
        logger.warn({ workspace: workspace.id, channel, rerouted }, "a channel wowbot can no longer post in was forgotten");
      },
    });
    const claims = repos.jobRuns;
    const daysJob = dailyJob(
      ports,
      { workspaces, claims, clock, leaseMs: config.dailyLeaseMs },
      { outbox: { enqueue }, finished: (job, key) => claims.isFinished(job, key) },
    );
    const sources = [slack?.directory, teams?.directory].filter((s) => s !== undefined);
    const peopleJob = directoryJob(ports, sources, logger);
    const expiryJob = candidatesJob(ports);
    const revealJob = calibrationJob(ports, logger);
    const scheduler = new Scheduler([deliveryJob, daysJob, peopleJob, expiryJob, revealJob, ...(options.jobs ?? [])], clock, logger, (job, outcome) =>
      metrics.jobRuns.inc({ job, outcome }),
    );
    if (options.scheduleJobs ?? true) scheduler.start();
    logger.info({ port, readyMs: Math.round(performance.now() - started) }, `wowbot listening on port ${port}`);

    const httpServer = server;
    let stopped: Promise<void> | undefined;
    const stop = () => {
      stopped ??= (async () => {
        stopping = true;
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        // Keep-alive sockets go idle as their last response ends; close each one as soon as it does.
        const sweep = setInterval(() => httpServer.closeIdleConnections(), 50);
        httpServer.closeIdleConnections();
        const grace = setTimeout(() => {
          logger.warn("shutdown grace period over: closing connections still open");
          httpServer.closeAllConnections();
        }, options.shutdownGraceMs ?? 7_000);
        await closed;
        clearInterval(sweep);
        clearTimeout(grace);
        await scheduler.stop();
        await db.close();
        logger.info("wowbot stopped");
      })();
      return stopped;
    };
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      db,
      scheduler,
      jobs: { outbox: deliveryJob, daily: daysJob, directory: peopleJob, candidates: expiryJob, calibration: revealJob },
      stop,
    };
  } catch (error) {
    server?.close();
    await db.close().catch(() => {});
    throw error;
  }
}

export class PortInUseError extends Error {
  override name = "PortInUseError";
}

/** Start-up was stopped by a signal; everything it had opened is closed. */
export class StartupInterrupted extends Error {
  override name = "StartupInterrupted";
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`PORT ${port} is already in use: stop the other process or set PORT`) : error);
    });
    server.listen(port, () => resolve());
  });
}
