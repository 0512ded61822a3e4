// Score review views, platform-neutral (PRODUCT.md §9, "Reviews"): the request as its reviewers see it (Uphold and
// Rescore while open, who decided once decided) and the agent's DM with the outcome.
import type { ReviewStatus } from "../domain/review.js";
import { actions, type Block, type Button, bold, emoji, line, type Message, note, person, quote, reference, t } from "./elements.js";
import type { PersonRef } from "./person.js";

export interface ReviewFacts {
  reviewId: string;
  agent: PersonRef;
  scorer: PersonRef;
  reference: string;
  channel: string;
  /** The reviewed score. */
  score: number;
  reason: string;
  status: ReviewStatus;
  decidedBy: PersonRef | null;
  /** The score that replaced the reviewed one, once rescored. */
  rescore: number | null;
}

/** The request before a reviewer (a DM), updated in place once decided. */
export interface ReviewRequestView extends ReviewFacts {
  kind: "review.request";
}

/** The agent's DM once a reviewer decided. */
export interface ReviewOutcomeView extends ReviewFacts {
  kind: "review.outcome";
}

export const reviewRequestView = (f: ReviewFacts): ReviewRequestView => ({ kind: "review.request", ...f });
export const reviewOutcomeView = (f: ReviewFacts): ReviewOutcomeView => ({ kind: "review.outcome", ...f });

/** Uphold and Rescore for an open review. */
export const reviewButtons = (reviewId: string): Button[] => [
  { label: "Uphold", action: { kind: "review.uphold", reviewId }, style: "primary" },
  { label: "Rescore", action: { kind: "review.rescore", reviewId } },
];

export function reviewRequestMessage(view: ReviewRequestView): Message {
  const blocks: Block[] = [
    line(
      t`${emoji("clipboard")} ${person(view.agent)} asks for a review of ${person(view.scorer)}'s score of ${bold(`${view.score}/100`)} on their ${view.channel} interaction ${reference(view.reference)}.`,
    ),
    line([bold("Their reason")]),
    quote(view.reason),
  ];
  if (view.status === "open") {
    blocks.push(note(t`You're asked because you lead their team (or are an admin) and didn't score it.`), actions(...reviewButtons(view.reviewId)));
  } else {
    const by = view.decidedBy ? t` by ${person(view.decidedBy)}` : [];
    blocks.push(
      note(
        view.status === "upheld"
          ? t`${emoji("white_check_mark")} Upheld${by}: the score of ${view.score} stands.`
          : t`${emoji("white_check_mark")} Rescored${by}: was ${view.score}, now ${view.rescore ?? "?"}.`,
      ),
    );
  }
  return { summary: t`${person(view.agent)} asks for a review of their score on ${view.reference}`, blocks };
}

export function reviewOutcomeMessage(view: ReviewOutcomeView): Message {
  const by = view.decidedBy ? t` by ${person(view.decidedBy)}` : [];
  const text =
    view.status === "rescored"
      ? t`${emoji("clipboard")} Your score on ${reference(view.reference)} was reviewed${by}: was ${bold(view.score)}, now ${bold(view.rescore ?? "?")}.`
      : t`${emoji("clipboard")} Your score on ${reference(view.reference)} was reviewed${by}: the score of ${bold(view.score)} stands.`;
  return { summary: t`Your score on ${view.reference} was reviewed`, blocks: [line(text)] };
}
