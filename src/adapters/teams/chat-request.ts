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
 * `requestKey` defaults to the activity (Teams redelivers a message with the same id); dialogs pass `dialog`, an id
 * of their own stable across retried submits. Keys are scoped to the person: message ids are unique only within a
 * conversation, and a dialog id comes back in card data, so one person's key can never replay another's record.
 * `channel` defaults to the channel the activity came from.
 */
export function teamsRequest(turn: TeamsTurn, where: { dialog?: string; channel?: string | null } = {}): ChatRequest {
  const { deps, context, workspace, member } = turn;
  const activity = context.activity;
  const scope = `teams:${workspace.id}:${member.platformUserId}`;
  return {
    ports: deps.ports,
    workspace,
    member,
    channel: where.channel !== undefined ? where.channel : channelOfTurn(turn),
    requestKey: where.dialog
      ? `${scope}:dialog:${where.dialog}`
      : `${scope}:activity:${conversationIdOf(activity.conversation?.id ?? "")}:${activity.id ?? ""}`,
    platform: TEAMS_PLATFORM,
    log: deps.logger,
    resolveMember: (platformUserId, options) => memberOfMention(deps, context, workspace.id, platformUserId, options),
  };
}
