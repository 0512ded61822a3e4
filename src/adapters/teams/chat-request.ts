// The neutral chat request (src/chat) for a Teams turn: its provisioned workspace and member, Teams' way of writing
// commands (no "/", text already plain with mentions as "<@AAD|Name>"), and member lookups through the roster.
import type { ChatPlatform, ChatRequest } from "../../chat/request.js";
import { channelDataOf, conversationIdOf, kindOf } from "./conversations.js";
import { memberOfMention } from "./mentions.js";
import type { TeamsTurn } from "./turn.js";

export const TEAMS_PLATFORM: ChatPlatform = { commandPrefix: "", plain: (text) => text };

/** The team channel the activity came from (without a thread's ";messageid="), or null in a chat. */
export function channelOfTurn(turn: Pick<TeamsTurn, "context">): string | null {
  const activity = turn.context.activity;
  if (kindOf(activity) !== "channel") return null;
  return channelDataOf(activity).channel?.id ?? conversationIdOf(activity.conversation?.id ?? "");
}

/**
 * `requestKey` defaults to the activity id (Teams redelivers a message with the same id); dialogs pass a key of
 * their own, stable across retried submits. `channel` defaults to the channel the activity came from.
 */
export function teamsRequest(turn: TeamsTurn, where: { requestKey?: string; channel?: string | null } = {}): ChatRequest {
  const { deps, context, workspace, member } = turn;
  return {
    ports: deps.ports,
    workspace,
    member,
    channel: where.channel !== undefined ? where.channel : channelOfTurn(turn),
    requestKey: where.requestKey ?? `teams:activity:${context.activity.id ?? ""}`,
    platform: TEAMS_PLATFORM,
    resolveMember: (platformUserId, options) => memberOfMention(deps, context, workspace.id, platformUserId, options),
  };
}
