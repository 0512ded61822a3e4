// Slack keeps the directory fresh between reads (PRODUCT.md §8): team_join announces a newcomer, user_change every
// profile change. The remembered answer is dropped at once, and the member's row holds what Slack says now.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { ensureMember, updateKnownMember } from "../../../../app/ensure-member.js";
import type { SlackDeps } from "../../deps.js";
import { directoryOf } from "../../provision.js";
import { type SlackUser, toPlatformUser } from "../../slack-directory.js";

type DirectoryEventArgs = SlackEventMiddlewareArgs<"user_change" | "team_join"> & AllMiddlewareArgs;

export function userChange(deps: SlackDeps) {
  return async ({ event, context, client }: DirectoryEventArgs): Promise<void> => {
    const given: unknown = event.user;
    if (typeof given !== "object" || given === null || !context.teamId) return;
    const announced = toPlatformUser(given as SlackUser, context.teamId);
    if (!announced.platformUserId) return;
    // The event's copy may be older than what this process remembers (a retry), so it is not remembered in its place:
    // the next lookup asks Slack.
    deps.users.forget(context.botToken ?? "", announced.platformUserId);
    const found = await deps.workspaces.findWithMember("slack", context.teamId, announced.platformUserId);
    if (!found) return;
    const directory = directoryOf(deps, context, client);
    // Everyone in the workspace is in its directory: someone not stored yet is stored as Slack describes them now.
    if (found.member) await updateKnownMember(deps.ports, found.member, announced, directory);
    else await ensureMember(deps.ports, { workspaceId: found.workspace.id, platformUserId: announced.platformUserId, directory });
  };
}
