// Slack announces every profile change (user_change): the answer is remembered at once, and a member's row updated.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { updateKnownMember } from "../../../../app/ensure-member.js";
import type { SlackDeps } from "../../deps.js";
import { type SlackUser, toPlatformUser } from "../../slack-directory.js";

export function userChange(deps: SlackDeps) {
  return async ({ event, context }: SlackEventMiddlewareArgs<"user_change"> & AllMiddlewareArgs): Promise<void> => {
    const given: unknown = event.user;
    if (typeof given !== "object" || given === null || !context.teamId) return;
    const user = toPlatformUser(given as SlackUser);
    if (!user.platformUserId) return;
    // A deactivation or a new name counts from now on in this process, instead of when its memory of the person ends.
    if (context.botToken) deps.users.set(context.botToken, user);
    // Only a member is updated: a workspace's every profile edit must not make its whole staff wowbot members.
    const found = await deps.workspaces.findWithMember("slack", context.teamId, user.platformUserId);
    if (found?.member) await updateKnownMember(deps.ports, found.member, user);
  };
}
