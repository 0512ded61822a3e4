// What Slack listeners need: the use-case ports, the workspace and member stores, and the bot token.
import type { Ports } from "../../app/ports.js";
import type { WorkspaceRepository } from "../../db/workspace.repository.js";
import type { MemberRecord, WorkspaceRecord } from "../../domain/records.js";
import type { Logger } from "../../logger.js";
import type { AfterAck } from "../after-ack.js";
import type { SlackUserCache } from "./user-cache.js";

export interface SlackDeps {
  ports: Ports;
  workspaces: Pick<WorkspaceRepository, "ensure" | "findWithMember" | "listAll">;
  defaultTimezone: string;
  /** The largest export file /wowbot export sends (EXPORT_MAX_MB). */
  exportMaxBytes: number;
  logger: Logger;
  /** Runs a command's or click's work after its acknowledgement, a bounded number at a time (after-ack.ts). */
  afterAck: AfterAck;
  /** Slack's recent answers about users, so users.info is not asked on every request (user-cache.ts). */
  users: SlackUserCache;
}

/** Set on Bolt's context by the provisioning middleware for every request with a team and a user. */
export interface WowContext {
  workspace?: WorkspaceRecord;
  member?: MemberRecord;
  teamName?: string;
}
