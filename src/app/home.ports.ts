// The reads behind a member's own page (App Home, /wowbot stats).
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import type { HomeFacts, ServiceLevelFacts, TeamGlance } from "../views/home.js";

/** Reads behind the member's own page. Superseded quick scores never count. */
export interface HomeStore {
  facts(workspace: WorkspaceRecord, member: MemberRecord, since: Date): Promise<HomeFacts>;
  /** The member's service level over local dates [from, to] and their idle chats closed in [since, until). */
  serviceLevel(workspace: WorkspaceRecord, member: MemberRecord, window: { from: string; to: string; since: Date; until: Date }): Promise<ServiceLevelFacts>;
  /**
   * The teams `leadId` leads, at a glance: their agents at risk in the period [start, end), their pending paid-day
   * requests, and their agents nobody nominated since `recognisedSince`; a fixed number of queries for any number of teams.
   */
  teamsAtAGlance(
    workspace: WorkspaceRecord,
    leadId: string,
    window: { periodStart: string; periodEnd: string; periodName: string; recognisedSince: Date },
  ): Promise<TeamGlance[]>;
}
