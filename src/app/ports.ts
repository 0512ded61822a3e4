// What use cases need from the outside world, as interfaces the database and platform adapters implement.
// Nothing here knows Slack, Teams or Prisma.

import type { OccurrenceType } from "../domain/attendance.js";
import type { Clock } from "../domain/clock.js";
import type { BehaviourId } from "../domain/nomination.js";
import type { Role } from "../domain/roles.js";
import type { InteractionChannel, ScoreAnswers, ScoreWeights } from "../domain/scorecard.js";
import type { WorkspaceSettings } from "../domain/settings.js";
import type { HomeFacts, ServiceLevelFacts } from "../views/home.js";
import type { View } from "../views/index.js";
import type { PtoFacts } from "../views/pto.js";
import type { ApiTokenStore } from "./api-tokens.js";
import type { DigestSource } from "./digest.js";
import type { ExportStore } from "./exports.js";
import type { OutboxMessage } from "./outbox-messages.js";

export type Platform = "slack" | "teams";

export interface WorkspaceRecord {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
  timezone: string;
  settings: WorkspaceSettings;
  createdAt: Date;
}

export interface MemberRecord {
  id: string;
  workspaceId: string;
  platformUserId: string;
  displayName: string;
  email: string | null;
  role: Role;
  active: boolean;
  isBot: boolean;
  timezone: string | null;
  /** Teams: the per-bot "29:" account id, when known (stored records carry it; null on Slack). */
  platformAccountId?: string | null;
}

/** A person as the chat platform describes them (Slack users.info, Teams roster). */
export interface PlatformUser {
  platformUserId: string;
  displayName: string;
  email: string | null;
  timezone: string | null;
  isBot: boolean;
  deleted: boolean;
  /** Workspace owner or admin on the platform itself. */
  isPlatformAdmin: boolean;
  /** Teams only: the per-bot account id ("29:..."); undefined leaves a stored one as it is. */
  platformAccountId?: string | null;
  /** The directory answered from its memory of an earlier answer (Slack's user cache): it may be minutes old. */
  remembered?: boolean;
}

/** Where an outbox message goes. */
export type OutboxTarget =
  | { kind: "channel"; channel: string }
  | { kind: "dm"; platformUserId: string }
  | { kind: "ephemeral"; channel: string; platformUserId: string }
  /** Replace a message sent earlier, identified by that message's dedupe key. */
  | { kind: "update"; of: string };

export interface OutboxEntry {
  workspaceId: string;
  target: OutboxTarget;
  /** What to show, rendered when delivered so it shows current state. */
  payload: OutboxMessage;
  dedupeKey: string;
}

export interface NominationRecord {
  id: string;
  workspaceId: string;
  nomineeId: string;
  nominatorId: string;
  reference: string | null;
  story: string;
  behaviours: BehaviourId[];
  status: "active" | "retracted" | "removed";
  sourceChannel: string | null;
  createdAt: Date;
}

export type NewNomination = Omit<NominationRecord, "id" | "status"> & { requestKey: string | null };

/** Reads and writes of one nomination transaction, serialised per nominator so limits hold under concurrency. */
export interface NominationTx {
  countSince(nominatorId: string, since: Date): Promise<number>;
  findDuplicate(input: { nominatorId: string; nomineeId: string; reference: string | null; story: string; since: Date }): Promise<NominationRecord | null>;
  create(data: NewNomination): Promise<NominationRecord>;
  /** Queues messages due from `at`. */
  enqueue(entries: OutboxEntry[], at: Date): Promise<void>;
}

export interface NominationStore {
  find(id: string): Promise<NominationRecord | null>;
  findByRequestKey(requestKey: string): Promise<NominationRecord | null>;
  /** Records the member's second and the post update in one transaction; "exists" when they had seconded it. */
  second(nominationId: string, memberId: string, update: OutboxEntry, at: Date): Promise<"created" | "exists">;
  countSeconds(nominationId: string): Promise<number>;
  /**
   * Moves an active nomination to "retracted" or "removed" with the post update (and, for removals, the audit
   * entry) in one transaction. Returns false when it was no longer active (a concurrent retract or removal).
   */
  close(input: { id: string; status: "retracted" | "removed"; by: MemberRecord; at: Date; update: OutboxEntry }): Promise<boolean>;
  inNominatorLock<T>(workspaceId: string, nominatorId: string, fn: (tx: NominationTx) => Promise<T>): Promise<T>;
}

export interface QuickScoreRecord {
  id: string;
  workspaceId: string;
  agentId: string;
  scorerId: string;
  reference: string;
  channel: InteractionChannel;
  answers: ScoreAnswers;
  weights: ScoreWeights;
  score: number;
  note: string | null;
  createdAt: Date;
}

export type NewQuickScore = Omit<QuickScoreRecord, "id"> & { requestKey: string | null };

export interface ScoreStore {
  findByRequestKey(requestKey: string): Promise<QuickScoreRecord | null>;
  /**
   * Stores the score in one transaction with its messages and audit entry; an earlier current score of the same
   * agent and reference is superseded (kept, pointing at this one). Returns the score and the one it replaced.
   */
  record(
    data: NewQuickScore,
    messagesFor: (score: QuickScoreRecord) => OutboxEntry[],
    actor: string,
  ): Promise<{ score: QuickScoreRecord; superseded: QuickScoreRecord | null }>;
}

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

/** A message owed to a platform, as the delivery worker sees it. */
export interface PendingMessage extends OutboxEntry {
  id: string;
  attempts: number;
}

export interface OutboxQueue {
  /** A cheap check, run every second: is anything due at all? */
  hasDue(now: Date): Promise<boolean>;
  claimDue(now: Date, limit: number, leaseMs: number): Promise<PendingMessage[]>;
  /** What the platform answered for the message with this dedupe key, once it was sent; undefined while not sent. */
  deliveredRef(dedupeKey: string): Promise<{ status: "pending" | "sent" | "dead"; ref: Record<string, unknown> | null } | null>;
  markSent(id: string, at: Date, ref: Record<string, unknown> | null): Promise<void>;
  markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void>;
  markDead(id: string, error: string): Promise<void>;
}

/** A target with any earlier message it refers to already looked up. */
export type DeliveryTarget = Exclude<OutboxTarget, { kind: "update" }> | { kind: "update"; ref: Record<string, unknown> };

export type SendOutcome =
  | { status: "sent"; ref: Record<string, unknown> | null }
  /** Worth trying again: rate limits (with the platform's Retry-After), outages, timeouts. */
  | { status: "retry"; error: string; retryAfterMs?: number }
  /**
   * The platform will never accept it (channel gone, user deactivated): stop trying. `unreachable`: the bot is no
   * longer in that conversation (removed from its team), so what was headed there must find another way.
   */
  | { status: "failed"; error: string; unreachable?: boolean };

/** One per chat platform: renders a neutral view and sends it. */
export interface ChatSender {
  send(workspace: WorkspaceRecord, target: DeliveryTarget, view: View): Promise<SendOutcome>;
}

/** Builds the view an outbox payload names, from the current state; null when there is nothing to show any more. */
export interface ViewSource {
  build(payload: OutboxMessage): Promise<View | null>;
}

/** Reads behind the member's own page. Superseded quick scores never count. */
export interface HomeStore {
  facts(workspace: WorkspaceRecord, member: MemberRecord, since: Date): Promise<HomeFacts>;
  /** The member's service level over local dates [from, to] and their idle chats closed in [since, until). */
  serviceLevel(workspace: WorkspaceRecord, member: MemberRecord, window: { from: string; to: string; since: Date; until: Date }): Promise<ServiceLevelFacts>;
}

export type SettingsUpdate =
  /** `changed`: the settings (and "timezone") whose values differ from before. */
  { ok: true; settings: WorkspaceSettings; changed: SettingName[] } | { ok: false; problems: Array<{ field: string; message: string }> };

/** A setting as the settings form shows it: a WorkspaceSettings key or the workspace's time zone. */
export type SettingName = keyof WorkspaceSettings | "timezone";

/** A settings change; the time zone is the workspace's own column, changed through the same form. */
export type SettingsPatch = Partial<WorkspaceSettings> & { timezone?: string };

export interface SettingsStore {
  /** Validates the whole result; an invalid change stores nothing. Valid changes are audit-logged. */
  updateSettings(workspaceId: string, patch: SettingsPatch, actor: string): Promise<SettingsUpdate>;
}

export interface OccurrenceRecord {
  id: string;
  workspaceId: string;
  memberId: string;
  date: string;
  type: OccurrenceType;
  points: number;
  note: string | null;
  recordedBy: string;
  createdAt: Date;
}

export interface PeriodResultRecord {
  id: string;
  memberId: string;
  periodStart: string;
  periodEnd: string;
  points: number;
  clean: boolean;
  streak: number;
  hoursCredited: number;
}

export type LedgerKind = "credit" | "redemption" | "reversal" | "correction" | "adjustment";

export interface NewLedgerEntry {
  workspaceId: string;
  memberId: string;
  hours: number;
  kind: LedgerKind;
  reason: string;
  actor: string;
  periodResultId?: string;
  ptoRequestId?: string;
  /** Makes the entry happen once, whatever retries and reruns. */
  dedupeKey: string;
}

export interface LedgerEntryRecord {
  hours: number;
  kind: LedgerKind;
  reason: string;
  at: Date;
}

export type PtoRequestStatus = "pending" | "approved" | "declined" | "cancelled";

export interface PtoRequestRecord {
  id: string;
  workspaceId: string;
  memberId: string;
  date: string;
  hours: number;
  status: PtoRequestStatus;
  note: string | null;
  decidedBy: string | null;
}

export interface AuditRecord {
  workspaceId: string;
  actor: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

/** Reads and writes of one member's attendance and PTO, in one transaction that holds that member's lock. */
export interface MemberLedgerTx {
  occurrencesOn(memberId: string, date: string): Promise<OccurrenceRecord[]>;
  createOccurrence(data: Omit<OccurrenceRecord, "id">): Promise<OccurrenceRecord>;
  findOccurrence(id: string): Promise<(OccurrenceRecord & { deleted: boolean }) | null>;
  deleteOccurrence(id: string, by: string, at: Date): Promise<void>;
  /** The member's closed period containing the date, if that period was closed for them. */
  resultCovering(memberId: string, date: string): Promise<PeriodResultRecord | null>;
  /** Points of the member's live occurrences on dates [start, end). */
  pointsBetween(memberId: string, start: string, end: string): Promise<number>;
  /** Streak of the member's last closed period before `start` (0 when none). */
  streakBefore(memberId: string, start: string): Promise<number>;
  /** The member's closed periods starting after `start`, oldest first. */
  resultsAfter(memberId: string, start: string): Promise<PeriodResultRecord[]>;
  updateResult(
    id: string,
    patch: { points: number; clean: boolean; streak: number; hoursCredited: number; note?: string | null; correctedAt: Date },
  ): Promise<void>;
  balance(memberId: string): Promise<number>;
  /** Hours held by the member's pending paid-day requests. */
  reserved(memberId: string): Promise<number>;
  /** Appends to the ledger; false when its dedupe key was written before. */
  addLedger(entry: NewLedgerEntry, at: Date): Promise<boolean>;
  hasRequestOn(memberId: string, date: string): Promise<boolean>;
  createRequest(data: Omit<PtoRequestRecord, "id" | "status" | "decidedBy"> & { requestKey: string | null }, at: Date): Promise<PtoRequestRecord>;
  findRequest(id: string): Promise<PtoRequestRecord | null>;
  decideRequest(id: string, status: Exclude<PtoRequestStatus, "pending">, by: string, at: Date): Promise<void>;
  /** Dedupe keys of the messages that announced a request to leads, so their posts can be updated in place. */
  requestPostKeys(requestId: string): Promise<string[]>;
  enqueue(entries: OutboxEntry[], at: Date): Promise<void>;
  audit(entry: AuditRecord): Promise<void>;
}

/** A member to evaluate at a period close, with what the rules need. */
export interface CloseCandidate {
  memberId: string;
  platformUserId: string;
  points: number;
  previousStreak: number;
  balance: number;
}

export interface ClosedMember extends CloseCandidate {
  clean: boolean;
  streak: number;
  hours: number;
  capNote: string | null;
}

export interface AttendanceStore {
  inMemberLock<T>(memberId: string, fn: (tx: MemberLedgerTx) => Promise<T>): Promise<T>;
  /**
   * One transaction holding the locks of several members (an import touches many at once). The rows are locked in
   * id order, so two such transactions over overlapping members wait for each other instead of deadlocking.
   */
  inMembersLock<T>(memberIds: string[], fn: (tx: MemberLedgerTx) => Promise<T>): Promise<T>;
  findRequestByKey(requestKey: string): Promise<PtoRequestRecord | null>;
  findOccurrence(id: string): Promise<OccurrenceRecord | null>;
  findRequest(id: string): Promise<PtoRequestRecord | null>;
  /** What the member's /pto page shows, on `today` (local). */
  ptoFacts(workspace: WorkspaceRecord, member: MemberRecord, today: string): Promise<PtoFacts>;
  /** Periods of the workspace whose close finished between the two instants. */
  closedBetween(workspaceId: string, from: Date, to: Date): Promise<Array<{ start: string; end: string }>>;
  enqueue(entries: OutboxEntry[], at: Date): Promise<void>;
  /** The member's live occurrences from a date on, newest first. */
  recentOccurrences(memberId: string, from: string, limit: number): Promise<OccurrenceRecord[]>;
  /**
   * One batch of a period close, in one transaction holding the members' locks: up to `limit` members (by id, after
   * `after`) not yet evaluated for the period, meaning active people who joined before it started with no period
   * result reaching into it (so a rerun, or a period overlapping one closed under other settings, skips them). Their
   * period results, credits and accrual DMs are written as `evaluate` decides; a member another worker wrote first is
   * skipped (the unique member + period wins). `seen` counts the members read, `written` the results stored.
   */
  closeBatch(
    workspace: WorkspaceRecord,
    period: { start: string; end: string },
    startsAt: Date,
    limit: number,
    after: string | null,
    evaluate: (candidates: CloseCandidate[]) => ClosedMember[],
    at: Date,
  ): Promise<{ seen: number; last: string | null; written: number }>;
  /** The last period start closed for the workspace (any kind), or null. */
  lastClosedPeriod(workspaceId: string): Promise<{ start: string; end: string } | null>;
  markPeriodClosed(workspaceId: string, period: { start: string; end: string }, at: Date): Promise<void>;
}

export interface Ports {
  clock: Clock;
  nominations: NominationStore;
  scores: ScoreStore;
  members: MemberStore;
  home: HomeStore;
  settings: SettingsStore;
  attendance: AttendanceStore;
  tokens: ApiTokenStore;
  /** The daily lead digest's reads. */
  digest: DigestSource;
  exports: ExportStore;
  /** Platform user ids that are admins wherever they appear (WOWBOT_ADMINS). */
  admins: readonly string[];
}
