// Bolt middleware: every request with a team and a user finds (or creates) its workspace and member first, so
// listeners and use cases always work with stored records.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { ensureMember } from "../../app/ensure-member.js";
import type { SlackDeps, WowContext } from "./deps.js";
import { slackDirectory } from "./slack-directory.js";

export function provisionMiddleware(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ context, client, next }) => {
    const { teamId, userId, botToken } = context;
    if (teamId && userId && botToken) {
      const wow = context as WowContext;
      wow.workspace = await deps.workspaces.ensure({
        platform: "slack",
        externalId: teamId,
        name: wow.teamName,
        timezone: deps.defaultTimezone,
      });
      wow.member =
        (await ensureMember(deps.ports, { workspaceId: wow.workspace.id, platformUserId: userId, directory: slackDirectory(client, botToken) })) ?? undefined;
    }
    await next();
  };
}
