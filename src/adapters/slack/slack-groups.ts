// Slack user groups and channels as a GroupDirectory (`/wowbot team sync`): usergroups.users.list, and
// conversations.members page by page. A group Slack says doesn't exist (or a channel wowbot isn't in) is null.
import type { webApi } from "@slack/bolt";
import type { GroupDirectory } from "../../app/sync-team.js";

/** Slack's answers that mean "no such group here" rather than a failure. */
const NOT_FOUND = new Set(["no_such_subteam", "subteam_not_found", "channel_not_found", "not_in_channel", "invalid_channel"]);
/** A channel's members read at most: far beyond any contact centre's team. */
const MEMBERS_MAX = 50_000;

export function slackGroups(client: webApi.WebClient, token: string): GroupDirectory {
  return {
    async membersOf(source) {
      try {
        if (source.kind === "usergroup") return (await client.usergroups.users.list({ token, usergroup: source.id })).users ?? [];
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await client.conversations.members({ token, channel: source.id, limit: 1000, ...(cursor ? { cursor } : {}) });
          ids.push(...(page.members ?? []));
          cursor = page.response_metadata?.next_cursor || undefined;
        } while (cursor && ids.length < MEMBERS_MAX);
        return ids;
      } catch (error) {
        if (NOT_FOUND.has(String((error as { data?: { error?: unknown } }).data?.error))) return null;
        throw error;
      }
    },
  };
}
