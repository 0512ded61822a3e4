// The Slack directory for the sync (PRODUCT.md §8): users.list page by page with its cursor, waiting out a rate limit
// for as long as Retry-After says (users.list is Tier 2, about 20 calls a minute), for every installed workspace.
import { setTimeout as sleep } from "node:timers/promises";
import { webApi } from "@slack/bolt";
import type { DirectoryReader, DirectorySource } from "../../app/directory.ports.js";
import type { WorkspaceRecord } from "../../domain/records.js";
import { type SlackUser, toPlatformUser } from "./slack-directory.js";

/** People per users.list page: Slack's maximum. */
export const USERS_LIST_PAGE = 200;

function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { code?: unknown; retryAfter?: unknown };
  return e.code === webApi.ErrorCode.RateLimitedError && typeof e.retryAfter === "number" ? e.retryAfter : undefined;
}

export function slackDirectoryReader(client: webApi.WebClient, token: string, teamId: string): DirectoryReader {
  return {
    async readPage(cursor, signal) {
      for (;;) {
        try {
          const r = await client.users.list({ token, limit: USERS_LIST_PAGE, ...(cursor ? { cursor } : {}) });
          const members = (r.members ?? []) as unknown as SlackUser[];
          return { people: members.map((u) => toPlatformUser(u, teamId)), next: r.response_metadata?.next_cursor || null };
        } catch (error) {
          const seconds = retryAfterSeconds(error);
          if (seconds === undefined) throw error;
          // Throws an AbortError at shutdown: the read stops here and resumes from this page next time.
          await sleep(Math.max(seconds, 1) * 1000, undefined, { signal });
        }
      }
    },
  };
}

export interface SlackWorkspaces {
  /** Single-workspace installs: the bot token's team, provisioned like a first request would. */
  single?: { token: string; team(): Promise<{ teamId: string; teamName?: string }> };
  ensure(teamId: string, teamName: string | undefined): Promise<WorkspaceRecord>;
  /** OAuth installs: every Slack workspace stored, and its bot token (none once uninstalled). */
  listAll(): Promise<WorkspaceRecord[]>;
  tokenFor(teamId: string): Promise<string | undefined>;
}

/** Every Slack workspace wowbot is installed in, with its users.list reader. */
export function slackDirectorySource(client: webApi.WebClient, workspaces: SlackWorkspaces): DirectorySource {
  return {
    async workspaces() {
      if (workspaces.single) {
        const { teamId, teamName } = await workspaces.single.team();
        return [{ workspace: await workspaces.ensure(teamId, teamName), reader: slackDirectoryReader(client, workspaces.single.token, teamId) }];
      }
      const found = [];
      for (const workspace of (await workspaces.listAll()).filter((w) => w.platform === "slack")) {
        const token = await workspaces.tokenFor(workspace.externalId);
        if (token) found.push({ workspace, reader: slackDirectoryReader(client, token, workspace.externalId) });
      }
      return found;
    },
  };
}
