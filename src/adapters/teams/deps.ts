// What the Teams adapter needs: the use-case ports, workspace, member and conversation stores, and settings.
import type { Ports } from "../../app/ports.js";
import type { TeamsConversationRepository } from "../../db/teams-conversation.repository.js";
import type { WorkspaceIdentity } from "../../db/workspace.repository.js";
import type { MemberRecord, WorkspaceRecord } from "../../domain/records.js";
import type { Logger } from "../../logger.js";

export interface TeamsDeps {
  ports: Ports;
  workspaces: {
    ensure(identity: WorkspaceIdentity): Promise<WorkspaceRecord>;
    find(platform: "teams", externalId: string): Promise<WorkspaceRecord | null>;
    findById(id: string): Promise<WorkspaceRecord | null>;
    /** Every workspace (the directory job reads each tenant's team rosters). */
    listAll(): Promise<WorkspaceRecord[]>;
    /** The workspace and one of its members in one statement; null when the workspace is not stored. */
    findWithMember(platform: "teams", externalId: string, platformUserId: string): Promise<{ workspace: WorkspaceRecord; member: MemberRecord | null } | null>;
  };
  /** Teams-only member reads: the per-bot "29:" account ids. */
  accounts: {
    findByAccountId(workspaceId: string, platformAccountId: string): Promise<MemberRecord | null>;
    accountIdOf(workspaceId: string, platformUserId: string): Promise<string | null>;
  };
  conversations: TeamsConversationRepository;
  /** wowbot can no longer post in these channels: settings forget them and the admins are told (src/app/channels-lost.ts). */
  channelsLost(workspace: WorkspaceRecord, lost: Array<{ id: string; name: string }>, options: { removed: true }): Promise<unknown>;
  defaultTimezone: string;
  /** The largest export file sent in chat (EXPORT_MAX_MB). */
  exportMaxBytes: number;
  logger: Logger;
}
