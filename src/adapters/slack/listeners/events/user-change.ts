// Slack announces every profile change (user_change): the remembered answer is dropped at once, and a member's row
// updated with what Slack says now.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { updateKnownMember } from "../../../../app/ensure-member.js";
import type { SlackDeps } from "../../deps.js";
import { directoryOf } from "../../provision.js";
import { type SlackUser, toPlatformUser } from "../../slack-directory.js";

export function userChange(deps: SlackDeps) {
  return async ({ event, context, client }: SlackEventMiddlewareArgs<"user_change"> & AllMiddlewareArgs): Promise<void> => {
    const given: unknown = event.user;
    if (typeof given !== "object" || given === null || !context.teamId) return;
    const announced = toPlatformUser(given as SlackUser);
    if (!announced.platformUserId) return;
    // The event's copy may be older than what this process remembers (a retry), so it is not remembered in its place:
    // the next lookup asks Slack.
    deps.users.forget(context.botToken ?? "", announced.platformUserId);
    // Only a member is updated: a workspace's every profile edit must not make its whole staff wowbot members.
    const found = await deps.workspaces.findWithMember("slack", context.teamId, announced.platformUserId);
    if (found?.member) await updateKnownMember(deps.ports, found.member, announced, directoryOf(deps, context, client));
  };
}
