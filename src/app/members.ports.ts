// Members and the platform's directory of people, as the use cases see them.
import type { MemberRecord, PlatformUser } from "../domain/records.js";
import type { Role } from "../domain/roles.js";

export interface MemberStore {
  find(workspaceId: string, platformUserId: string): Promise<MemberRecord | null>;
  findById(id: string): Promise<MemberRecord | null>;
  /**
   * The workspace's members whose platform user id is one of `keys` exactly, or whose email is one of them in any
   * case: one read for a whole import file, however many rows it has.
   */
  findByIdOrEmail(workspaceId: string, keys: string[]): Promise<MemberRecord[]>;
  countByRole(workspaceId: string, role: Role): Promise<number>;
  /** Active members with any of the roles, by name. */
  listByRole(workspaceId: string, roles: Role[]): Promise<MemberRecord[]>;
  /** Marks a member who left the platform inactive; returns the updated member. */
  markDeparted(workspaceId: string, platformUserId: string): Promise<MemberRecord | null>;
  /** Changes a role and audit-logs it (actor, before, after) in one transaction. */
  setRole(workspaceId: string, platformUserId: string, role: Role, actor: string): Promise<MemberRecord | null>;
  /** Members of any workspace with one of these platform user ids (WOWBOT_ADMINS at start-up). */
  findEverywhere(platformUserIds: readonly string[]): Promise<MemberRecord[]>;
  /** Creates the member with `initialRole` or refreshes a known member's profile, keeping their role. */
  saveFromPlatform(workspaceId: string, user: PlatformUser, initialRole: Role, at: Date): Promise<MemberRecord>;
}

/** The platform said definitely that the person is no longer there (Teams: removed from the team or the tenant). */
export const DEPARTED = "departed" as const;

/** Looks people up on the chat platform. */
export interface Directory {
  /**
   * The person; DEPARTED when the platform says they are gone; null when it cannot say (a failure that may pass).
   * `fresh` asks the platform itself, never a remembered answer.
   */
  lookUp(platformUserId: string, options?: { fresh?: boolean }): Promise<PlatformUser | typeof DEPARTED | null>;
}
