// Keeps conversation references (channel, 1:1, group chat) from every activity, so proactive messages reach them
// after restarts. A channel is stored under its channel id, without the ";messageid=" of a thread.
import { type Activity, type ChannelInfo, type ConversationReference, TeamsInfo, type TurnContext } from "botbuilder";
import type { TeamsConversationKind } from "../../db/teams-conversation.repository.js";
import type { TeamsDeps } from "./deps.js";

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
}

export const channelDataOf = (activity: Partial<Activity>): TeamsChannelData => (activity.channelData ?? {}) as TeamsChannelData;

export function kindOf(activity: Partial<Activity>): TeamsConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === "personal") return "personal";
  if (type === "channel" || channelDataOf(activity).channel?.id) return "channel";
  return "groupChat";
}

/** A conversation id without the thread part ("19:abc@thread.tacv2;messageid=123" -> "19:abc@thread.tacv2"). */
export const conversationIdOf = (id: string) => id.split(";messageid=")[0] ?? id;

/** The reference of the activity's conversation, pointing at the conversation itself rather than a thread. */
export function referenceOf(activity: Partial<Activity>, conversationId?: string): Partial<ConversationReference> {
  const id = conversationId ?? conversationIdOf(activity.conversation?.id ?? "");
  return {
    channelId: activity.channelId ?? "msteams",
    serviceUrl: activity.serviceUrl,
    bot: activity.recipient,
    conversation: {
      ...(activity.conversation ?? { isGroup: false, name: "", conversationType: "" }),
      id,
      tenantId: tenantOf(activity),
    } as ConversationReference["conversation"],
  };
}

/**
 * The tenant of activities that carry none (the Bot Framework Emulator), outside production: one local development
 * workspace, named so in logs and `wowbot doctor`.
 */
export const LOCAL_DEVELOPMENT_TENANT = "local-development";
export const LOCAL_DEVELOPMENT_NAME = "Local development (activities without a tenant)";

export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId || channelDataOf(activity).tenant?.id || undefined;
}

/** Stores the activity's conversation; a channel gets its name when the activity carries it. */
export async function saveConversation(deps: TeamsDeps, context: TurnContext, workspaceId: string, platformUserId: string | null): Promise<void> {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return;
  const kind = kindOf(activity);
  const data = channelDataOf(activity);
  // A message in a channel thread names the thread; channel posts go to the channel itself.
  const conversationId = kind === "channel" && data.channel?.id ? data.channel.id : conversationIdOf(activity.conversation.id);
  await deps.conversations.save({
    workspaceId,
    conversationId,
    kind,
    teamId: data.team?.id,
    name: kind === "channel" ? data.channel?.name : undefined,
    teamName: kind === "channel" ? data.team?.name : undefined,
    platformUserId: kind === "personal" ? platformUserId : undefined,
    reference: referenceOf(activity, conversationId) as Record<string, unknown>,
  });
}

/** On install in a team: every channel of the team, so channel posts and the settings form can use them. */
export async function saveTeamChannels(deps: TeamsDeps, context: TurnContext, workspaceId: string): Promise<number> {
  const teamId = channelDataOf(context.activity).team?.id;
  if (!teamId) return 0;
  const channels: ChannelInfo[] = await TeamsInfo.getTeamChannels(context, teamId);
  for (const channel of channels) {
    if (!channel.id) continue;
    await deps.conversations.upsert({
      workspaceId,
      conversationId: channel.id,
      kind: "channel",
      teamId,
      teamName: channelDataOf(context.activity).team?.name,
      // The General channel comes back without a name.
      name: channel.name ?? (channel.id === teamId ? "General" : undefined),
      reference: referenceOf(
        { ...context.activity, conversation: { id: channel.id, conversationType: "channel", isGroup: true, name: "" } },
        channel.id,
      ) as Record<string, unknown>,
    });
  }
  return channels.length;
}
