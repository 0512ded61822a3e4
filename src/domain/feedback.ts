// Customer feedback rules (PRODUCT.md §9): what CSAT and NPS mean, which feedback becomes a wow candidate, and when a
// quick score and the customer's rating disagree enough to look again.
import { visibleLength } from "./text-length.js";

export const FEEDBACK_COMMENT_MAX = 4000;
export const FEEDBACK_ID_MAX = 200;
export const FEEDBACK_REF_MAX = 500;
export const FEEDBACK_CHANNEL_MAX = 50;
/** A comment this long (in characters a person sees) says enough to be quoted as a wow. */
export const CANDIDATE_COMMENT_MIN = 20;
/** Undecided candidates expire this many days after the feedback was received; older feedback never becomes one. */
export const CANDIDATE_DAYS = 14;
/** CSAT and NPS are figured over this many days, like the other 30-day figures. */
export const FEEDBACK_WINDOW_DAYS = 30;

export interface Rating {
  csat: number | null;
  nps: number | null;
}

/** CSAT and NPS of a set of ratings: null where nobody answered that question. */
export interface FeedbackFigures {
  /** Ratings with a CSAT answer. */
  csatCount: number;
  /** Share of CSAT answers that are 4 or 5, in percent (0-100), or null. */
  csat: number | null;
  npsCount: number;
  /** Promoters (9-10) minus detractors (0-6), in percentage points (-100 to 100), or null. */
  nps: number | null;
}

/** The sums a database can add up in one pass, turned into figures. */
export interface FeedbackTallies {
  csatCount: number;
  csatSatisfied: number;
  npsCount: number;
  promoters: number;
  detractors: number;
}

export function figuresOf(t: FeedbackTallies): FeedbackFigures {
  return {
    csatCount: t.csatCount,
    csat: t.csatCount ? (100 * t.csatSatisfied) / t.csatCount : null,
    npsCount: t.npsCount,
    nps: t.npsCount ? (100 * (t.promoters - t.detractors)) / t.npsCount : null,
  };
}

export function tallyRatings(ratings: readonly Rating[]): FeedbackTallies {
  const t: FeedbackTallies = { csatCount: 0, csatSatisfied: 0, npsCount: 0, promoters: 0, detractors: 0 };
  for (const r of ratings) {
    if (r.csat !== null) {
      t.csatCount++;
      if (r.csat >= 4) t.csatSatisfied++;
    }
    if (r.nps !== null) {
      t.npsCount++;
      if (r.nps >= 9) t.promoters++;
      else if (r.nps <= 6) t.detractors++;
    }
  }
  return t;
}

/**
 * Feedback that reads as a wow: CSAT 5 or NPS 9-10, with a comment of at least 20 visible characters, received in the
 * last 14 days (an import of last year's feedback must not flood the leads with cards nobody can act on any more).
 */
export function isWowCandidate(f: Rating & { comment: string | null; receivedAt: Date }, now: Date): boolean {
  const delighted = f.csat === 5 || (f.nps !== null && f.nps >= 9);
  // The grapheme count is the costly check (10,000 rows in a batch): only for delighted, recent feedback.
  if (!delighted || f.comment === null || candidateExpiry(f.receivedAt).getTime() <= now.getTime()) return false;
  return visibleLength(f.comment.trim()) >= CANDIDATE_COMMENT_MIN;
}

export const candidateExpiry = (receivedAt: Date): Date => new Date(receivedAt.getTime() + CANDIDATE_DAYS * 86_400_000);

/**
 * "Look again": the lead's score and the customer's CSAT on the same interaction disagree — at or above the goal but
 * CSAT 1-2, or below the goal with CSAT 5.
 */
export function disagrees(score: number, goal: number, csat: number): boolean {
  return (score >= goal && csat <= 2) || (score < goal && csat === 5);
}

/** A percentage as people read it: whole numbers, NPS with its sign. */
export const formatCsat = (f: FeedbackFigures): string | null => (f.csat === null ? null : `${Math.round(f.csat)}%`);
export const formatNps = (f: FeedbackFigures): string | null => {
  if (f.nps === null) return null;
  const n = Math.round(f.nps);
  return n > 0 ? `+${n}` : String(n);
};
