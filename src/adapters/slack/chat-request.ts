// The neutral chat request (src/chat) for a Slack request: its provisioned workspace and member, Slack's way of
// writing commands, and member lookups through users.info.
import type { Context, webApi } from "@slack/bolt";
import type { ChatPlatform, ChatRequest } from "../../chat/request.js";
import type { SlackDeps, WowContext } from "./deps.js";
import { memberOf } from "./provision.js";
import { slackGroups } from "./slack-groups.js";
import { plainFromSlack } from "./slack-text.js";

export const SLACK_PLATFORM: ChatPlatform = { commandPrefix: "/", plain: plainFromSlack };

export function slackRequest(deps: SlackDeps, context: Context, client: webApi.WebClient, where: { channel: string | null; requestKey: string }): ChatRequest {
  const { workspace, member } = context as WowContext;
  return {
    ports: deps.ports,
    workspace: workspace ?? null,
    member: member ?? null,
    channel: where.channel,
    requestKey: where.requestKey,
    platform: SLACK_PLATFORM,
    log: deps.logger,
    groups: slackGroups(client, context.botToken ?? ""),
    resolveMember: async (platformUserId, options) =>
      workspace ? memberOf(deps, context, client, workspace.id, platformUserId, options?.refresh ?? false) : null,
  };
}
