// Teams of agents with their leads (PRODUCT.md §8), as the use cases see them.
import type { MemberRecord } from "../domain/records.js";

export interface TeamChannel {
  id: string;
  name: string;
}

/** A Slack user group or channel a team's agents follow. */
export interface TeamSource {
  kind: "usergroup" | "channel";
  id: string;
  name: string;
}

export interface TeamRecord {
  id: string;
  workspaceId: string;
  name: string;
  /** The team's leads channel (its id, and its name when set), or null: its requests and digest then go to its leads by DM. */
  leadsChannel: TeamChannel | null;
  /** What the team's agents follow (`team sync`), or null. */
  source: TeamSource | null;
  createdAt: Date;
}

/** A live team with who is in it now. */
export interface TeamDetail extends TeamRecord {
  members: MemberRecord[];
  leads: MemberRecord[];
}

/** What adding someone to a team did: added, moved from another team (named), or nothing (already in it). */
export type Joined =
  | { member: MemberRecord; outcome: "added" }
  | { member: MemberRecord; outcome: "moved"; from: string }
  | { member: MemberRecord; outcome: "already" };

export interface TeamStore {
  /** Whether the workspace has any live team: once it has, only team members are enrolled. */
  anyTeam(workspaceId: string): Promise<boolean>;
  /** Live teams with their members and leads, by name. */
  list(workspaceId: string): Promise<TeamDetail[]>;
  /** The live team of that name, whatever its case. */
  findByName(workspaceId: string, name: string): Promise<TeamDetail | null>;
  /** Null when a live team already has the name (any case). Audit-logged. */
  create(workspaceId: string, name: string, at: Date, actor: string): Promise<TeamRecord | null>;
  /** False when another live team has the name. Audit-logged. */
  rename(team: TeamRecord, name: string, actor: string): Promise<boolean>;
  /** Ends every membership of the team at `at` and frees its name; its history stays. Audit-logged. */
  delete(team: TeamRecord, at: Date, actor: string): Promise<void>;
  /** Makes each an agent of the team from `since`, ending their membership of another team then. Audit-logged. */
  addMembers(team: TeamRecord, members: MemberRecord[], since: Date, actor: string): Promise<Joined[]>;
  /** Ends their membership at `at`; returns those who were members. Audit-logged. */
  removeMembers(team: TeamRecord, members: MemberRecord[], at: Date, actor: string): Promise<MemberRecord[]>;
  /** Makes each a lead of the team from `at`; returns those who were not already. Audit-logged. */
  addLeads(team: TeamRecord, members: MemberRecord[], at: Date, actor: string): Promise<MemberRecord[]>;
  /** Ends their leading of the team at `at`; returns those who led it. Audit-logged. */
  removeLeads(team: TeamRecord, members: MemberRecord[], at: Date, actor: string): Promise<MemberRecord[]>;
  setLeadsChannel(team: TeamRecord, channel: TeamChannel | null, actor: string): Promise<void>;
  /** Makes the team follow a user group or channel (or nothing). Audit-logged. */
  setSource(team: TeamRecord, source: TeamSource | null, actor: string): Promise<void>;
  /** The live teams that follow this user group or channel, with their members. */
  followers(workspaceId: string, source: Omit<TeamSource, "name">): Promise<TeamDetail[]>;
  /** The live team the member is an agent of now, with its members and leads; null when none. */
  teamOf(memberId: string): Promise<TeamDetail | null>;
  /** The live teams the member leads now. */
  ledBy(memberId: string): Promise<TeamDetail[]>;
  /**
   * A checked roster in one transaction (all or nothing): teams it names that don't exist are created (as of the
   * earliest `since` of their rows), agents join or move from `since`, leads lead from `since` (an agent becoming a
   * workspace lead), an earlier `since` backdates a membership, and each opening balance is credited once per member.
   */
  applyRoster(workspaceId: string, entries: RosterEntry[], actor: string, at: Date): Promise<RosterOutcome>;
}

export interface RosterEntry {
  member: MemberRecord;
  team: string;
  role: "member" | "lead";
  since: Date;
  /** Hours of an opening balance (an adjustment), or null. */
  openingBalance: number | null;
}

export interface RosterOutcome {
  teamsCreated: number;
  /** Memberships started (joined, led). */
  created: number;
  /** Memberships moved or backdated. */
  updated: number;
  unchanged: number;
  openingBalances: number;
}
