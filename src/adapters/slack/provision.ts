// Every request with a team and a user works with stored records: its workspace and member are found (or created,
// looking the user up with users.info) and put on Bolt's context. Slash commands and button clicks acknowledge Slack
// before any of this I/O, so their listeners provision right after ack(); modal submissions, whose answer depends on
// the outcome, are provisioned by the middleware; events provision in their listener when they are about the person
// acting (App Home).
import type { AnyMiddlewareArgs, Context, Middleware, webApi } from "@slack/bolt";
import { withConfiguredRole } from "../../app/configured-admins.js";
import { ensureMember } from "../../app/ensure-member.js";
import type { SlackDeps, WowContext } from "./deps.js";
import { slackDirectory } from "./slack-directory.js";

/** users.info for the request's installation, through this process's memory of Slack's recent answers. */
export function directoryOf(deps: SlackDeps, context: Context, client: webApi.WebClient) {
  return slackDirectory(client, context.botToken ?? "", context.teamId, deps.users);
}

/**
 * A member of the request's workspace by Slack user id, looked up with users.info when unknown, or always with
 * `refresh` (when a rule depends on their current bot or deactivated flags). Null when Slack does not know them.
 */
export function memberOf(deps: SlackDeps, context: Context, client: webApi.WebClient, workspaceId: string, platformUserId: string, refresh = false) {
  return ensureMember(deps.ports, { workspaceId, platformUserId, directory: directoryOf(deps, context, client), refresh });
}

export async function provision(deps: SlackDeps, context: Context, client: webApi.WebClient): Promise<WowContext> {
  const wow = context as WowContext;
  const { teamId, userId, botToken } = context;
  if (wow.workspace || !teamId || !userId || !botToken) return wow;
  // Nearly always both are known: one statement then, instead of a lookup each.
  const found = await deps.workspaces.findWithMember("slack", teamId, userId);
  const current = found && (wow.teamName === undefined || found.workspace.name === wow.teamName) ? found : null;
  wow.workspace =
    current?.workspace ??
    (await deps.workspaces.ensure({
      platform: "slack",
      externalId: teamId,
      name: wow.teamName,
      timezone: deps.defaultTimezone,
      createdAt: deps.ports.clock.now(),
    }));
  wow.member = current?.member
    ? await withConfiguredRole(deps.ports, current.member)
    : ((await memberOf(deps, context, client, wow.workspace.id, userId)) ?? undefined);
  return wow;
}

export function provisionMiddleware(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const isSlashCommand = "command" in args && args.command !== undefined;
    // A click's acknowledgement says nothing about its outcome, so it must not wait for the database or users.info:
    // under load those queue, and Slack shows the person an error after 3 s (bench/load.ts measured 1 s p50 at 100/s).
    const isBlockAction = "action" in args && args.action !== undefined && args.body.type === "block_actions";
    // Events provision in their listener when they are about the person acting (App Home): a user_change is about
    // someone who may never use wowbot, and must not make them a member.
    const isEvent = "event" in args && args.event !== undefined;
    if (!isSlashCommand && !isBlockAction && !isEvent) await provision(deps, args.context, args.client);
    await args.next();
  };
}
