// What Slack listeners need: the use-case ports, the workspace and member stores, and the bot token.
import type { MemberRecord, Ports, WorkspaceRecord } from "../../app/ports.js";
import type { WorkspaceIdentity } from "../../db/workspace.repository.js";
import type { Logger } from "../../logger.js";

export interface SlackDeps {
  ports: Ports;
  workspaces: { ensure(identity: WorkspaceIdentity): Promise<WorkspaceRecord> };
  defaultTimezone: string;
  /** The largest export file /wowbot export sends (EXPORT_MAX_MB). */
  exportMaxBytes: number;
  logger: Logger;
}

/** Set on Bolt's context by the provisioning middleware for every request with a team and a user. */
export interface WowContext {
  workspace?: WorkspaceRecord;
  member?: MemberRecord;
  teamName?: string;
}
