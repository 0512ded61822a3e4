// Attendance, period closes, the PTO ledger and paid-day requests, as the use cases see them.
import type {
  AuditRecord,
  MemberRecord,
  NewLedgerEntry,
  OccurrenceRecord,
  PeriodResultRecord,
  PtoRequestRecord,
  PtoRequestStatus,
  WorkspaceRecord,
} from "../domain/records.js";
import type { PtoFacts } from "../views/pto.js";
import type { OutboxEntry } from "./outbox-messages.js";

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
    /** The period's first and end instants in the workspace's time zone: who was enrolled throughout. */
    instants: { startsAt: Date; endsAt: Date },
    limit: number,
    after: string | null,
    evaluate: (candidates: CloseCandidate[]) => ClosedMember[],
    at: Date,
  ): Promise<{ seen: number; last: string | null; written: number }>;
  /** The last period start closed for the workspace (any kind), or null. */
  lastClosedPeriod(workspaceId: string): Promise<{ start: string; end: string } | null>;
  markPeriodClosed(workspaceId: string, period: { start: string; end: string }, at: Date): Promise<void>;
}
