// One Teams activity as wowbot handles it: the stored workspace and member, the normalised text, and how to
// answer privately (Teams has no ephemeral messages: a channel gets a pointer, the answer goes to the 1:1 chat).
import type { Activity, TurnContext } from "botbuilder";
import type { MemberRecord, WorkspaceRecord } from "../../domain/records.js";
import type { View } from "../../views/index.js";
import { notice, SENT_PRIVATELY } from "../../views/notice.js";
import type { TeamsDeps } from "./deps.js";
import { type TeamsSender, toActivity } from "./teams-sender.js";

export interface TeamsTurn {
  deps: TeamsDeps;
  context: TurnContext;
  sender: TeamsSender;
  workspace: WorkspaceRecord;
  member: MemberRecord;
}

export const isPersonal = (context: TurnContext) => context.activity.conversation?.conversationType === "personal";

/**
 * Answers only the person: inline in a 1:1 chat; from a channel or group chat, in their 1:1 chat with the bot
 * (opened when needed) plus one short reply where they asked.
 */
export async function replyPrivately(turn: TeamsTurn, view: View): Promise<void> {
  await replyPrivatelyWith(turn, toActivity(view));
}

/** replyPrivately with a ready activity (a card the neutral views have no kind for, such as a dialog opener). */
export async function replyPrivatelyWith(turn: TeamsTurn, activity: Partial<Activity>): Promise<void> {
  if (isPersonal(turn.context)) {
    await turn.context.sendActivity(activity);
    return;
  }
  await turn.sender.sendToPerson(turn.workspace, turn.member.platformUserId, activity);
  await turn.context.sendActivity(toActivity(notice("info", SENT_PRIVATELY)));
}

/** A visible reply in the conversation the activity came from (a recognition announced where it was asked). */
export async function replyInPlace(turn: TeamsTurn, view: View): Promise<void> {
  await turn.context.sendActivity(toActivity(view));
}
