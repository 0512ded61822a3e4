// Bolt wiring: one ExpressReceiver mounted on the service's HTTP app at POST /slack/events (commands,
// interactivity and events), signature-checked by Bolt from the raw body.
import { App, type Authorize, ExpressReceiver, webApi } from "@slack/bolt";
import type { Application } from "express";
import type { Config } from "../../config/env.js";
import type { Logger } from "../../logger.js";
import { boltLogger } from "./bolt-logger.js";
import type { SlackDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";
import { provisionMiddleware } from "./provision.js";
import { SlackSender } from "./slack-sender.js";

export interface SlackAdapterOptions {
  config: Config;
  logger: Logger;
  http: Application;
  /** Hold the HTTP response until the listener finishes (tests); production acknowledges first. */
  processBeforeResponse?: boolean;
  deps: SlackDeps;
}

export interface SlackAdapter {
  app: App;
  client: webApi.WebClient;
  /** Delivers outbox messages of Slack workspaces. */
  sender: SlackSender;
}

/**
 * Single-workspace authorization: the bot token's identity is looked up with auth.test once it succeeds, and
 * again on the next request when it failed (a Slack hiccup at start-up must not disable the bot until restart).
 */
function singleWorkspaceAuthorize(client: webApi.WebClient, botToken: string, logger: Logger): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string; teamName?: string }> | undefined;
  const lookUp = () => {
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
  return async () => ({ botToken, ...(await lookUp()) });
}

export function createSlackAdapter({ config, logger, http, processBeforeResponse = false, deps }: SlackAdapterOptions): SlackAdapter {
  const { signingSecret, botToken, apiUrl } = config.slack;
  if (config.slack.mode !== "single-workspace" || !signingSecret || !botToken) {
    throw new Error(`createSlackAdapter called with Slack mode ${config.slack.mode}`);
  }
  // Calls made while handling a request must answer within Slack's 3-second window, so they retry briefly and
  // never sleep through a rate limit; messages that must arrive go through the outbox, which retries durably.
  const clientOptions = {
    slackApiUrl: apiUrl,
    logger: boltLogger(logger),
    retryConfig: { retries: 1, minTimeout: 250, maxTimeout: 1_000 },
    rejectRateLimitedCalls: true,
  };
  const client = new webApi.WebClient(undefined, clientOptions);
  const receiver = new ExpressReceiver({
    signingSecret,
    app: http,
    endpoints: "/slack/events",
    processBeforeResponse,
    logger: boltLogger(logger),
  });
  const app = new App({
    receiver,
    authorize: singleWorkspaceAuthorize(client, botToken, logger),
    clientOptions,
    logger: boltLogger(logger),
  });
  app.error(async (error) => {
    logger.error({ err: error }, "Slack listener failed");
  });
  app.use(provisionMiddleware(deps));
  registerListeners(app, deps);
  // Outbox deliveries retry on their own schedule, so this client never retries or waits out a rate limit.
  const deliveryClient = new webApi.WebClient(undefined, { ...clientOptions, retryConfig: { retries: 0 } });
  return { app, client, sender: new SlackSender(deliveryClient, async () => botToken) };
}
