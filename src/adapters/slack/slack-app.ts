// Bolt wiring: one ExpressReceiver mounted on the service's HTTP app at POST /slack/events (commands,
// interactivity and events), signature-checked by Bolt from the raw body. Single-workspace installs use
// SLACK_BOT_TOKEN; OAuth distribution serves /slack/install and /slack/oauth_redirect and keeps installations in
// PostgreSQL.
import { App, type Authorize, ExpressReceiver, type Installation, webApi } from "@slack/bolt";
import type { Application } from "express";
import type { DirectorySource } from "../../app/directory.ports.js";
import type { Config } from "../../config/env.js";
import type { SlackInstallationRepository } from "../../db/slack-installation.repository.js";
import type { Logger } from "../../logger.js";
import { afterAckQueue } from "../after-ack.js";
import { boltLogger } from "./bolt-logger.js";
import type { SlackDeps } from "./deps.js";
import { refuseFutureTimestamps } from "./future-timestamp.js";
import { botTokenFor, postgresInstallationStore } from "./installation-store.js";
import { registerListeners } from "./listeners/index.js";
import { provisionMiddleware } from "./provision.js";
import { tellFailures } from "./request-failures.js";
import { slackDirectory } from "./slack-directory.js";
import { slackDirectorySource } from "./slack-directory-reader.js";
import { slackFetch } from "./slack-fetch.js";
import { SlackSender } from "./slack-sender.js";
import { SlackUserCache } from "./user-cache.js";
import { withoutNul } from "./without-nul.js";

/** What the app asks for at install time; keep in step with manifests/slack/manifest.yml. */
/** im:write opens the DM an export file is shared in; files:write uploads it (/wowbot export). */
/** usergroups:read, channels:read and groups:read let a team follow a user group or a channel (`/wowbot team sync`). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "users:read",
  "users:read.email",
  "im:write",
  "files:write",
  "usergroups:read",
  "channels:read",
  "groups:read",
];

export interface SlackAdapterOptions {
  config: Config;
  logger: Logger;
  http: Application;
  /** Hold the HTTP response until the listener finishes (tests); production acknowledges first. */
  processBeforeResponse?: boolean;
  deps: Omit<SlackDeps, "afterAck" | "users">;
  installations: SlackInstallationRepository;
}

export interface SlackAdapter {
  app: App;
  client: webApi.WebClient;
  /** Delivers outbox messages of Slack workspaces. */
  sender: SlackSender;
  /** The installed workspaces' people, for the directory sync. */
  directory: DirectorySource;
}

type BotIdentity = { botId?: string; botUserId?: string; teamId?: string; teamName?: string };

/**
 * The bot token's identity (single-workspace installs): looked up with auth.test once it succeeds, and again on the
 * next use when it failed (a Slack hiccup at start-up must not disable the bot until restart). Bolt's authorization
 * and the directory job both ask it, so auth.test is called once, not every minute.
 */
function botIdentity(client: webApi.WebClient, botToken: string, logger: Logger): () => Promise<BotIdentity> {
  let identity: Promise<BotIdentity> | undefined;
  return () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (r) => ({ botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id, teamName: r.team }),
      (error: unknown) => {
        identity = undefined;
        logger.error({ err: error }, "Slack auth.test failed for SLACK_BOT_TOKEN");
        throw error;
      },
    );
    return identity;
  };
}

export function createSlackAdapter({ config, logger, http, processBeforeResponse = false, deps: given, installations }: SlackAdapterOptions): SlackAdapter {
  const deps: SlackDeps = { ...given, afterAck: afterAckQueue(), users: new SlackUserCache(given.ports.clock) };
  const { mode, signingSecret, botToken, apiUrl, clientId, clientSecret, stateSecret } = config.slack;
  if (mode === "disabled" || !signingSecret) throw new Error(`createSlackAdapter called with Slack mode ${mode}`);
  // Calls made while handling a request must answer within Slack's 3-second window, so they retry briefly and
  // never sleep through a rate limit; messages that must arrive go through the outbox, which retries durably.
  const clientOptions = {
    slackApiUrl: apiUrl,
    logger: boltLogger(logger),
    retryConfig: { retries: 1, minTimeout: 250, maxTimeout: 1_000 },
    rejectRateLimitedCalls: true,
    fetch: slackFetch,
  };
  const client = new webApi.WebClient(undefined, clientOptions);

  /** Installing provisions the workspace in the installer's time zone, with the installer as admin. */
  const onInstalled = async (installation: Installation) => {
    const token = installation.bot?.token;
    const teamId = installation.team?.id;
    if (!token || !teamId) return;
    const installer = await slackDirectory(client, token, teamId).lookUp(installation.user.id);
    const workspace = await deps.workspaces.ensure({
      platform: "slack",
      externalId: teamId,
      name: installation.team?.name ?? teamId,
      timezone: installer?.timezone ?? deps.defaultTimezone,
      createdAt: deps.ports.clock.now(),
    });
    if (!installer) return;
    const member = await deps.ports.members.saveFromPlatform(workspace.id, installer, "admin", deps.ports.clock.now());
    if (member.role !== "admin") await deps.ports.members.setRole(workspace.id, member.platformUserId, "admin", "slack-install");
    logger.info({ teamId }, "Slack app installed");
  };

  const oauth =
    mode === "oauth"
      ? {
          clientId,
          clientSecret,
          stateSecret,
          scopes: BOT_SCOPES,
          installationStore: postgresInstallationStore(installations, onInstalled),
          installerOptions: {
            directInstall: true,
            installPath: "/slack/install",
            redirectUriPath: "/slack/oauth_redirect",
            clientOptions: { slackApiUrl: apiUrl },
          },
        }
      : {};
  // Mounted before the receiver, so it runs first on the same path.
  http.post("/slack/events", refuseFutureTimestamps(logger));
  const receiver = new ExpressReceiver({ signingSecret, app: http, endpoints: "/slack/events", processBeforeResponse, logger: boltLogger(logger), ...oauth });
  const identity = mode === "single-workspace" && botToken ? botIdentity(client, botToken, logger) : undefined;
  const app = new App({
    receiver,
    ...(identity && botToken ? { authorize: (async () => ({ botToken, ...(await identity()) })) satisfies Authorize<boolean> } : {}),
    clientOptions,
    logger: boltLogger(logger),
    // Bolt's default conversation store (unused here) threw and caught an Error, stack trace and all, for every
    // request in a conversation, only to say it had nothing stored.
    convoStore: false,
  });
  app.error(async (error) => {
    logger.error({ err: error }, "Slack listener failed");
  });
  app.use(tellFailures(logger));
  app.use(withoutNul);
  app.use(provisionMiddleware(deps));
  registerListeners(app, deps);
  // Outbox deliveries retry on their own schedule, so this client never retries or waits out a rate limit. The
  // WebClient's default is to wait forever for an answer; the outbox gives up on a send after the same time.
  const deliveryClient = new webApi.WebClient(undefined, { ...clientOptions, retryConfig: { retries: 0 }, timeout: config.deliverySendTimeoutMs });
  const tokenFor = mode === "single-workspace" ? async () => botToken : async (w: { externalId: string }) => botTokenFor(installations, w.externalId);
  // The directory read waits out rate limits itself (Retry-After) and resumes after a failed page on its next run.
  const directoryClient = new webApi.WebClient(undefined, { ...clientOptions, retryConfig: { retries: 0 }, timeout: 30_000 });
  const directory = slackDirectorySource(directoryClient, {
    single:
      identity && botToken
        ? {
            token: botToken,
            team: async () => {
              const { teamId, teamName } = await identity();
              if (!teamId) throw new Error("auth.test named no team for SLACK_BOT_TOKEN");
              return { teamId, teamName };
            },
          }
        : undefined,
    ensure: (teamId, teamName) =>
      deps.workspaces.ensure({ platform: "slack", externalId: teamId, name: teamName, timezone: deps.defaultTimezone, createdAt: deps.ports.clock.now() }),
    listAll: () => deps.workspaces.listAll(),
    tokenFor: (teamId) => botTokenFor(installations, teamId),
  });
  return { app, client, sender: new SlackSender(deliveryClient, tokenFor), directory };
}
