// The store of customer feedback and of the wow candidates it becomes (PRODUCT.md §9).
import type { FeedbackTallies } from "../domain/feedback.js";
import type { PersonRef } from "../views/person.js";
import type { OutboxEntry } from "./outbox-messages.js";

export interface FeedbackInput {
  memberId: string;
  feedbackId: string;
  receivedAt: Date;
  csat: number | null;
  nps: number | null;
  comment: string | null;
  interactionRef: string | null;
  channel: string | null;
}

/** A candidate the batch would create, with its cards: written only if its feedback has none yet. */
export interface CandidateDraft {
  id: string;
  /** The feedback tool's id (the row's natural key). */
  feedbackId: string;
  expiresAt: Date;
  messages: OutboxEntry[];
}

export type CandidateStatus = "pending" | "recognised" | "dismissed" | "expired";

/** A candidate with what its views show. */
export interface CandidateDetail {
  id: string;
  workspaceId: string;
  status: CandidateStatus;
  agent: PersonRef & { id: string };
  comment: string;
  csat: number | null;
  nps: number | null;
  interactionRef: string | null;
  channel: string | null;
  receivedAt: Date;
  expiresAt: Date;
  decidedBy: PersonRef | null;
  decidedAt: Date | null;
}

export interface FeedbackStore {
  /**
   * Inserts or updates the batch by feedbackId in one transaction, then creates the candidates whose feedback has none
   * (one per feedback, whatever the resends) and queues their cards. Rows equal to what is stored are left alone.
   */
  upsert(workspaceId: string, rows: FeedbackInput[], candidates: CandidateDraft[], at: Date): Promise<{ created: number; updated: number; candidates: number }>;
  findCandidate(candidateId: string): Promise<CandidateDetail | null>;
  /**
   * Decides a pending candidate in one transaction with `messagesFor`'s messages and an audit entry; null when it was
   * no longer pending (decided by someone else, expired): the caller reads it again to say so.
   */
  decideCandidate(
    candidateId: string,
    decision: "recognised" | "dismissed",
    deciderId: string,
    at: Date,
    messagesFor: (cardKeys: string[]) => OutboxEntry[],
    actor: string,
  ): Promise<boolean>;
  /** Expires every pending candidate past its expiry, updating its cards; returns how many. */
  expireCandidates(now: Date, messagesFor: (candidate: { id: string; workspaceId: string }, cardKeys: string[]) => OutboxEntry[]): Promise<number>;
  /** CSAT/NPS tallies of a member's feedback received in [from, to). */
  memberTallies(memberId: string, from: Date, to: Date): Promise<FeedbackTallies>;
}
