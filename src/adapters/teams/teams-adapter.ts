// botbuilder wiring: a CloudAdapter and the activity handler at POST /api/messages on the service's HTTP app.
// With MICROSOFT_APP_ID/PASSWORD every request's JWT is checked; with TEAMS_ALLOW_UNAUTHENTICATED=true and no app id
// (outside production only) requests are accepted unauthenticated, for local testing.

import { AsyncLocalStorage } from "node:async_hooks";
import {
  type Activity,
  type ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from "botbuilder";
import express, { type Application } from "express";
import type { DirectorySource } from "../../app/directory.ports.js";
import { type Config, teamsMode } from "../../config/env.js";
import { isDatabaseUnreachable } from "../../db/errors.js";
import type { Logger } from "../../logger.js";
import { DATABASE_UNREACHABLE, notice, SOMETHING_WENT_WRONG } from "../../views/notice.js";
import { afterAckQueue } from "../after-ack.js";
import { activityProblem } from "./activity-shape.js";
import { WowbotTeamsBot } from "./bot.js";
import { LOCAL_DEVELOPMENT_TENANT, tenantOf } from "./conversations.js";
import type { TeamsDeps } from "./deps.js";
import { teamsRosterSource } from "./teams-roster-reader.js";
import { TeamsSender, toActivity } from "./teams-sender.js";
import { isPersonal } from "./turn.js";

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;

/** jsonwebtoken's errors for a token that is malformed, forged, not yet valid or expired. */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError"]);

/**
 * Per request: whether its token was refused with one of those errors (botbuilder answers them with a 500), and why
 * authentication failed, for the log line (botbuilder answers a refused token without logging it).
 */
const tokenRefused = new AsyncLocalStorage<{ refused: boolean; reason?: string }>();

/**
 * botbuilder's authentication with two changes. A token with a bad signature is the caller's fault, but botbuilder
 * lets jsonwebtoken's error through as a 500 (it only answers 401 for its own error class, which it does not
 * export): the request is marked, and the route answers 401 like for every other bad token.
 * Bot Connector clients fail fast: the HTTP pipeline's own retries would sleep through a 429's Retry-After
 * (up to minutes) inside a request Teams expects answered in seconds, or inside an outbox run. Outbox messages
 * retry on the outbox's schedule instead; a failed reply inside a turn reaches onTurnError.
 */
class WowbotAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>) {
    try {
      const result = await super.authenticateRequest(...args);
      // Replies within the turn use this factory's clients, not createConnectorFactory's.
      return result.connectorFactory ? { ...result, connectorFactory: failFast(result.connectorFactory) } : result;
    } catch (error) {
      const e = error as { name?: string; statusCode?: number };
      const request = tokenRefused.getStore();
      if (request) request.reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
      if (request && e.statusCode === undefined && e.name && TOKEN_ERRORS.has(e.name)) request.refused = true;
      throw error;
    }
  }

  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>): ConnectorFactory {
    return failFast(super.createConnectorFactory(...args));
  }
}

/** The same factory, making clients without the HTTP pipeline's retry phase. */
function failFast(inner: ConnectorFactory): ConnectorFactory {
  return {
    async create(serviceUrl: string, audience?: string) {
      const client = await inner.create(serviceUrl, audience);
      (client as unknown as { client?: { pipeline?: { removePolicy(options: { phase: "Retry" }): unknown } } }).client?.pipeline?.removePolicy({
        phase: "Retry",
      });
      return client;
    },
  };
}

/** botframework-connector's ServiceClientCredentialsFactory, named through botbuilder's own constructor. */
export type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/** Test-only overrides (never operator settings): keep authentication offline. */
export interface TeamsAuthOverrides {
  /** Outbound tokens without calling login.microsoftonline.com. */
  credentialsFactory?: CredentialsFactory;
  /** Where inbound token signing keys are published (a local OpenID metadata document). */
  openIdMetadataUrl?: string;
}

export interface TeamsAdapterOptions {
  config: Config;
  logger: Logger;
  http: Application;
  deps: TeamsDeps;
  auth?: TeamsAuthOverrides;
  /** Hold the HTTP response until the turn is done, for every activity (tests); see the route below. */
  processBeforeResponse?: boolean;
}

export interface TeamsAdapter {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Delivers outbox messages of Teams workspaces. */
  sender: TeamsSender;
  /** False when running without an app id (development only). */
  authenticated: boolean;
  /** The rosters of the teams the app is installed in, for the directory sync. */
  directory: DirectorySource;
}

/**
 * botbuilder's public-cloud settings. Overriding any one of them (the test-only OpenID metadata URL) switches
 * botbuilder to taking them all from configuration, so the rest are restated here unchanged.
 */
const PUBLIC_CLOUD = {
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  CallerId: "urn:botframework:azure",
  ValidateAuthority: true,
};

export function createTeamsAdapter({ config, logger, http, deps, auth, processBeforeResponse = false }: TeamsAdapterOptions): TeamsAdapter {
  const authenticated = teamsMode(config) === "authenticated";
  const { appId, appPassword, tenantId, appType } = config.teams;
  const options: ConfigurationBotFrameworkAuthenticationOptions = authenticated
    ? {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: appPassword,
        MicrosoftAppType: appType,
        MicrosoftAppTenantId: tenantId,
        ...(auth?.openIdMetadataUrl ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadataUrl } : {}),
      }
    : {};
  const adapter = new CloudAdapter(new WowbotAuthentication(options, authenticated ? auth?.credentialsFactory : undefined));
  const sender = new TeamsSender(adapter, authenticated ? (appId ?? "") : "", deps);
  const bot = new WowbotTeamsBot(deps, sender);
  const afterAck = afterAckQueue();

  // The one error handler: logged with details, the person told privately without them. Nothing here may need
  // what just failed (the roster, the workspace's creation): stored records only.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, name: context.activity.name }, "Teams activity failed");
    try {
      // A lost database connection saved nothing, so the person can simply try again: say so, not "something".
      const text = toActivity(notice("error", isDatabaseUnreachable(error) ? DATABASE_UNREACHABLE : SOMETHING_WENT_WRONG));
      if (isPersonal(context)) {
        await context.sendActivity(text);
        return;
      }
      const tenantId = tenantOf(context.activity);
      const userId = context.activity.from?.aadObjectId;
      const workspace = tenantId && userId ? await deps.workspaces.find("teams", tenantId) : null;
      if (workspace && userId) await sender.sendToPerson(workspace, userId, text);
    } catch (replyError) {
      logger.warn({ err: replyError }, "Teams: could not tell the user about the failure");
    }
  };

  // PostgreSQL text can't hold U+0000: an activity with one in its text or card data made the query fail and the
  // person got "something went wrong". No one types a NUL on purpose; it is dropped from every string while parsing.
  const withoutNul = (_key: string, value: unknown) => (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "") : value);
  http.post("/api/messages", express.json({ limit: "1mb", reviver: withoutNul }), async (req, res, next) => {
    // botbuilder answers a body without an activity type with a 500 (and other non-activities with a hint about its
    // own middleware), and a field of the wrong type failed deep in a handler: a body that is not an activity wowbot
    // can read is the caller's fault, a 400 that says what is wrong, logged.
    const body = req.body as { type?: unknown } | undefined;
    if (!body || typeof body !== "object" || Array.isArray(body) || typeof body.type !== "string" || body.type === "") {
      logger.info({ contentType: req.get("content-type")?.slice(0, 80) ?? null }, "Teams request refused: the body is not an activity");
      res.status(400).json({ error: "invalid_activity", message: "Send a Bot Framework activity: a JSON object with a type." });
      return;
    }
    const problem = activityProblem(body);
    if (problem) {
      logger.info({ problem, activityType: body.type.slice(0, 40) }, "Teams request refused: the activity is malformed");
      res.status(400).json({ error: "invalid_activity", message: `This activity can't be read: ${problem}` });
      return;
    }
    if (!tenantOf(body as Partial<Activity>)) {
      // The Bot Framework Emulator sends no tenant. In development its activities go to one local workspace, so the
      // README's local-testing steps get answers; in production an activity without a tenant is not from Teams.
      if (config.production) {
        logger.info({ activityType: body.type.slice(0, 40) }, "Teams request refused: the activity has no tenant");
        res.status(400).json({ error: "no_tenant", message: "Teams activities carry a tenant (conversation.tenantId); this one has none." });
        return;
      }
      const conversation = (body as { conversation: Record<string, unknown> }).conversation;
      conversation.tenantId = LOCAL_DEVELOPMENT_TENANT;
    }
    const request: { refused: boolean; reason?: string } = { refused: false };
    const status = res.status.bind(res);
    res.status = (code: number) => status(code === 500 && request.refused ? 401 : code);
    // Only an invoke's answer is in the HTTP response (a dialog, a card refresh). Any other activity is answered
    // through the Bot Connector, so Teams gets its 200 as soon as the request is authenticated (the turn has begun),
    // as Slack's commands are acknowledged before their work: a person's reply no longer waits on the connector
    // round trips and queries of the turn (bench/README.md, Teams).
    const answerFirst = !processBeforeResponse && body.type !== "invoke";
    let answered = false;
    // After the early answer, botbuilder's own writes to the response are dropped.
    const unlessAnswered =
      <A extends unknown[]>(write: (...args: A) => unknown) =>
      (...args: A) => {
        if (!answered) write(...args);
        return response;
      };
    const response: unknown = answerFirst
      ? {
          status: unlessAnswered((code: number) => res.status(code)),
          header: unlessAnswered((name: string, value: string) => res.header(name, value)),
          send: unlessAnswered((payload: unknown) => res.send(payload)),
          end: unlessAnswered(() => res.end()),
        }
      : res;
    const logic = (context: TurnContext) => {
      if (!answerFirst) return bot.run(context);
      if (!answered) {
        answered = true;
        res.status(200).end();
      }
      return afterAck(() => bot.run(context));
    };
    try {
      await tokenRefused.run(request, () => adapter.process(req, response as typeof res, logic));
      if (res.statusCode === 401) logger.warn({ reason: request.reason ?? "no token" }, "Teams request refused: its token was not accepted");
    } catch (error) {
      next(error);
    }
  });
  const directory = teamsRosterSource(
    { listAll: () => deps.workspaces.listAll(), listChannels: (id) => deps.conversations.listChannels(id) },
    (reference, fn) => sender.inConversation(reference, fn),
  );
  return { adapter, bot, sender, authenticated, directory };
}
