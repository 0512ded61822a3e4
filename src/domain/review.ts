// Reviews of quick scores (PRODUCT.md §9, "Reviews"): when an agent may ask for one, pure rules on plain facts.
import type { DomainError } from "./result.js";
import { visibleLength } from "./text-length.js";

/** How long after a score its agent may ask for a review. */
export const REVIEW_WINDOW_DAYS = 7;
const REVIEW_WINDOW_MS = REVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000;
/** A reason is the agent's side of the story: long enough to say it, short enough for a card. */
export const REVIEW_REASON_MAX = 1000;

export type ReviewStatus = "open" | "upheld" | "rescored";

/** What a request for a review is checked against. */
export interface ReviewableScore {
  agentId: string;
  createdAt: Date;
  superseded: boolean;
  /** The score's review, if it has one. */
  review: { status: ReviewStatus } | null;
}

/** Null when `askerId` may ask for a review of the score now; else the refusal. */
export function checkReviewRequest(score: ReviewableScore, askerId: string, now: Date): DomainError | null {
  if (score.agentId !== askerId) return { code: "REVIEW.NOT_AGENT", message: "Only the agent who was scored can ask for a review of this score." };
  if (score.review?.status === "open")
    return { code: "REVIEW.OPEN", message: "You've already asked for a review of this score: it's waiting for a lead to decide." };
  if (score.review) return { code: "REVIEW.ONCE", message: `This score was already reviewed (${score.review.status}): a score can be reviewed once.` };
  if (score.superseded)
    return {
      code: "REVIEW.SUPERSEDED",
      message: "This score was replaced by a newer score, so it can't be reviewed. Ask about the newer one from its message.",
    };
  if (now.getTime() - score.createdAt.getTime() > REVIEW_WINDOW_MS) {
    return {
      code: "REVIEW.TOO_LATE",
      message: `A review can be asked for within ${REVIEW_WINDOW_DAYS} days of the score; this one was scored on ${score.createdAt.toISOString().slice(0, 10)}.`,
    };
  }
  return null;
}

/** The reason, trimmed, or the problem with it. */
export function checkReviewReason(reason: string): { ok: true; reason: string } | { ok: false; error: DomainError } {
  const trimmed = reason.trim();
  if (!trimmed) return { ok: false, error: { code: "REVIEW.NO_REASON", field: "reason", message: "Say why the score should be looked at again." } };
  if (visibleLength(trimmed) > REVIEW_REASON_MAX) {
    return { ok: false, error: { code: "REVIEW.REASON_TOO_LONG", field: "reason", message: `Keep the reason to ${REVIEW_REASON_MAX} characters.` } };
  }
  return { ok: true, reason: trimmed };
}
