// The Teams directory for the sync (PRODUCT.md §8): the rosters of every team the app is installed in, read page by
// page (TeamsInfo.getPagedTeamMembers) in a turn on a stored channel of each team, so it runs nightly as well as on
// install. The cursor names the team and Teams' continuation token, so an interrupted read resumes in that team.
import { setTimeout as sleep } from "node:timers/promises";
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { DirectoryReader, DirectorySource } from "../../app/directory.ports.js";
import type { TeamsConversationRecord } from "../../db/teams-conversation.repository.js";
import type { WorkspaceRecord } from "../../domain/records.js";
import { toPlatformUser } from "./teams-directory.js";

/** Members per roster page: the most Teams returns. */
export const ROSTER_PAGE = 500;

/** A team the app is in, and a conversation of it to run the read's turn in. */
interface InstalledTeam {
  teamId: string;
  reference: Record<string, unknown>;
}

interface RosterCursor {
  team: string;
  token?: string;
}

function parseCursor(cursor: string | null): RosterCursor | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(cursor) as Partial<RosterCursor>;
    return typeof parsed.team === "string" ? { team: parsed.team, ...(typeof parsed.token === "string" ? { token: parsed.token } : {}) } : null;
  } catch {
    return null;
  }
}

/** Seconds Teams asked to wait (HTTP 429 with Retry-After), or undefined for any other failure. */
function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { statusCode?: number; response?: { headers?: { get?(name: string): string | undefined } } };
  if (e.statusCode !== 429) return undefined;
  const header = e.response?.headers?.get?.("retry-after")?.trim();
  return header && /^\d+(\.\d+)?$/.test(header) ? Number(header) : 1;
}

type RunInConversation = (reference: Record<string, unknown>, fn: (context: TurnContext) => Promise<void>) => Promise<void>;

export function teamsRosterReader(workspace: WorkspaceRecord, teams: InstalledTeam[], runIn: RunInConversation): DirectoryReader {
  return {
    async readPage(cursor, signal) {
      const at = parseCursor(cursor);
      // A team the app has left since the cursor was stored is skipped; the read goes on with the next one.
      let index = at ? teams.findIndex((t) => t.teamId === at.team) : 0;
      const token = index >= 0 ? at?.token : undefined;
      if (index < 0) index = 0;
      const team = teams[index];
      if (!team) return { people: [], next: null };
      for (;;) {
        try {
          let page: Awaited<ReturnType<typeof TeamsInfo.getPagedTeamMembers>> | undefined;
          await runIn(team.reference, async (context) => {
            page = await TeamsInfo.getPagedTeamMembers(context, team.teamId, ROSTER_PAGE, token);
          });
          const people = (page?.members ?? []).map((m) => toPlatformUser(m, workspace.externalId));
          const following = teams[index + 1];
          const next: RosterCursor | null = page?.continuationToken
            ? { team: team.teamId, token: page.continuationToken }
            : following
              ? { team: following.teamId }
              : null;
          return { people, next: next && JSON.stringify(next) };
        } catch (error) {
          const seconds = retryAfterSeconds(error);
          if (seconds === undefined) throw error;
          await sleep(Math.max(seconds, 1) * 1000, undefined, { signal });
        }
      }
    },
  };
}

/** One stored channel per team, teams in a stable order. */
export function installedTeams(channels: TeamsConversationRecord[]): InstalledTeam[] {
  const byTeam = new Map<string, InstalledTeam>();
  for (const c of channels) if (c.teamId && !byTeam.has(c.teamId)) byTeam.set(c.teamId, { teamId: c.teamId, reference: c.reference });
  return [...byTeam.values()].sort((a, b) => a.teamId.localeCompare(b.teamId));
}

/** Every Teams workspace (tenant) with a team the app is installed in, with the reader of its teams' rosters. */
export function teamsRosterSource(
  deps: { listAll(): Promise<WorkspaceRecord[]>; listChannels(workspaceId: string): Promise<TeamsConversationRecord[]> },
  runIn: RunInConversation,
): DirectorySource {
  return {
    async workspaces() {
      const found = [];
      for (const workspace of (await deps.listAll()).filter((w) => w.platform === "teams")) {
        const teams = installedTeams(await deps.listChannels(workspace.id));
        if (teams.length) found.push({ workspace, reader: teamsRosterReader(workspace, teams, runIn) });
      }
      return found;
    },
  };
}
