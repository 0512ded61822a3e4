// What the stores keep, as plain records: workspaces, members and the facts of each feature. No Slack, Teams or Prisma.
import type { OccurrenceType } from "./attendance.js";
import type { BehaviourId } from "./nomination.js";
import type { Role } from "./roles.js";
import type { InteractionChannel, ScoreAnswers, ScoreWeights } from "./scorecard.js";
import type { WorkspaceSettings } from "./settings.js";

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
  /** A guest of the workspace: in the directory, outside the programme (no attendance, no paid hours). */
  isGuest: boolean;
  /** Someone of another organisation (Slack Connect, another tenant): in the directory, outside the programme. */
  isExternal: boolean;
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
  /** A guest (Slack is_restricted / is_ultra_restricted, a Teams guest). */
  isGuest: boolean;
  /** Of another organisation than the workspace's (Slack Connect, another Teams tenant). */
  isExternal: boolean;
  /** Workspace owner or admin on the platform itself. */
  isPlatformAdmin: boolean;
  /** Teams only: the per-bot account id ("29:..."); undefined leaves a stored one as it is. */
  platformAccountId?: string | null;
  /** The directory answered from its memory of an earlier answer (Slack's user cache): it may be minutes old. */
  remembered?: boolean;
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
