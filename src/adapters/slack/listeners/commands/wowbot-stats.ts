// `/wowbot stats [@member]`: what the App Home shows, as a private message; leads may name someone, agents only see
// their own (a refusal carries nothing of the other person's).
import type { Context, webApi } from "@slack/bolt";
import { memberStats } from "../../../../app/member-home.js";
import type { MemberRecord, WorkspaceRecord } from "../../../../app/ports.js";
import type { View } from "../../../../views/index.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps } from "../../deps.js";
import { memberOf, PERSON_NOT_FOUND } from "../../provision.js";
import { userIdOfMention } from "../../slack-text.js";

export const STATS_USAGE = "Usage: `/wowbot stats` for your own figures (leads: `/wowbot stats @agent`).";

export async function statsCommand(
  deps: SlackDeps,
  context: Context,
  client: webApi.WebClient,
  workspace: WorkspaceRecord,
  viewer: MemberRecord,
  args: string[],
): Promise<View> {
  if (args.length > 1) return notice("info", STATS_USAGE);
  const target = args[0] === undefined ? viewer.platformUserId : userIdOfMention(args[0]);
  if (!target) return notice("info", STATS_USAGE);
  const member = target === viewer.platformUserId ? viewer : await memberOf(deps, context, client, workspace.id, target);
  if (!member) return notice("error", PERSON_NOT_FOUND);
  const result = await memberStats(deps.ports, { workspace, viewer, member });
  return result.ok ? result.value : notice("error", result.error.message);
}
