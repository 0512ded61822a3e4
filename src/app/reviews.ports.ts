// The store of score reviews (disputes) and of "Seen" on scores, as the use cases and the digest see them.
import type { QuickScoreRecord } from "../domain/records.js";
import type { ReviewStatus } from "../domain/review.js";
import type { OutboxEntry } from "./outbox-messages.js";

export interface ReviewRecord {
  id: string;
  workspaceId: string;
  scoreId: string;
  agentId: string;
  reason: string;
  status: ReviewStatus;
  /** The member who decided (upheld or rescored), or null while open. */
  decidedById: string | null;
  decidedAt: Date | null;
  /** The score that superseded the reviewed one, once rescored. */
  rescoreId: string | null;
  createdAt: Date;
}

/** A score as reviews see it: the score, whether a newer one replaced it, when it was seen, and its review. */
export interface ReviewedScore {
  score: QuickScoreRecord;
  superseded: boolean;
  seenAt: Date | null;
  review: ReviewRecord | null;
}

export interface ReviewStore {
  find(id: string): Promise<ReviewRecord | null>;
  /** The score with what reviews need about it; null when there is none with that id. */
  score(scoreId: string): Promise<ReviewedScore | null>;
  /**
   * Opens the review with its messages and audit entry in one transaction; "exists" (nothing written) when the score
   * already has a review, whatever raced.
   */
  create(
    data: { workspaceId: string; scoreId: string; agentId: string; reason: string; createdAt: Date },
    messagesFor: (review: ReviewRecord) => OutboxEntry[],
    actor: string,
  ): Promise<ReviewRecord | "exists">;
  /** Upholds an open review with its messages and audit entry; the review as it is when it was no longer open. */
  uphold(reviewId: string, by: { id: string; platformUserId: string }, at: Date, messages: OutboxEntry[]): Promise<{ changed: boolean; review: ReviewRecord }>;
  /** The dedupe keys of the review's request posts (to update them in place). */
  requestKeys(reviewId: string): Promise<string[]>;
  /** Marks the score seen with its audit entry; false (nothing written) when it already was. */
  markSeen(scoreId: string, at: Date, actor: string): Promise<boolean>;
}

/** What a rescore writes besides the new score, in the same transaction (see ScoreStore.record). */
export interface ReviewRescore {
  reviewId: string;
  /** Who rescored: the decider. */
  by: { id: string; platformUserId: string };
  /** The messages owed once rescored (the outcome DM, the updated request posts). */
  messages: OutboxEntry[];
}

/** Thrown inside the rescore's transaction when the review was decided meanwhile: nothing is written. */
export class ReviewAlreadyDecided extends Error {
  constructor(readonly reviewId: string) {
    super(`review ${reviewId} is no longer open`);
  }
}
