// Reviews of quick scores (PRODUCT.md §9, "Reviews"): the scored agent asks for one (within 7 days, once per score,
// not of a replaced score) with a reason; the request goes to the agent's team leads other than the scorer (else the
// admins) by DM; one of them upholds it or rescores the interaction (record-quick-score.ts, carrying the review);
// the agent is told the outcome and every reviewer's copy is updated in place. "Seen" acknowledges the coaching.

import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { checkReviewReason, checkReviewRequest } from "../domain/review.js";
import type { FormView, ScoreFormAnswers } from "../views/forms.js";
import { scoreReviewers } from "./audience.js";
import type { OutboxEntry } from "./outbox-messages.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import { mayDecideReview } from "./policy.js";
import type { Ports } from "./ports.js";
import type { ReviewedScore, ReviewRecord, ReviewRescore } from "./reviews.ports.js";

type ReviewPorts = Pick<Ports, "reviews" | "members" | "teams" | "clock">;

const NO_SCORE: DomainError = { code: "REVIEW.NO_SCORE", message: "That score doesn't exist in this workspace." };
const NO_REVIEW: DomainError = { code: "REVIEW.NOT_FOUND", message: "That review doesn't exist in this workspace." };

async function scoreIn(ports: ReviewPorts, workspace: WorkspaceRecord, scoreId: string): Promise<ReviewedScore | null> {
  const found = await ports.reviews.score(scoreId);
  return found && found.score.workspaceId === workspace.id ? found : null;
}

/** The score, when `agent` may ask for its review now. */
async function reviewable(ports: ReviewPorts, workspace: WorkspaceRecord, agent: MemberRecord, scoreId: string): Promise<Result<ReviewedScore>> {
  const found = await scoreIn(ports, workspace, scoreId);
  if (!found) return fail(NO_SCORE);
  const refused = checkReviewRequest(
    { agentId: found.score.agentId, createdAt: found.score.createdAt, superseded: found.superseded, review: found.review },
    agent.id,
    ports.clock.now(),
  );
  return refused ? fail(refused) : ok(found);
}

/** "Ask for a review": the form, for the score's agent while they may still ask. */
export async function reviewForm(ports: ReviewPorts, input: { workspace: WorkspaceRecord; member: MemberRecord; scoreId: string }): Promise<Result<FormView>> {
  const found = await reviewable(ports, input.workspace, input.member, input.scoreId);
  if (!found.ok) return found;
  const { score } = found.value;
  const scorer = await ports.members.findById(score.scorerId);
  return ok({ kind: "form.review", scoreId: score.id, reference: score.reference, score: score.score, scorer: scorer?.displayName ?? "a lead" });
}

/** The agent asks: the review is opened and its request DMed to each reviewer, in one transaction. */
export async function askForReview(
  ports: ReviewPorts,
  input: { workspace: WorkspaceRecord; agent: MemberRecord; scoreId: string; reason: string },
): Promise<Result<{ review: ReviewRecord; reviewers: MemberRecord[] }>> {
  const { workspace, agent } = input;
  const found = await reviewable(ports, workspace, agent, input.scoreId);
  if (!found.ok) return found;
  const reason = checkReviewReason(input.reason);
  if (!reason.ok) return fail(reason.error);
  const { score } = found.value;
  const reviewers = await scoreReviewers(ports, workspace, agent, score.scorerId);
  if (reviewers.length === 0) {
    return fail({ code: "REVIEW.NO_REVIEWER", message: "There's no lead or admin other than the one who scored it to review this score." });
  }
  const created = await ports.reviews.create(
    { workspaceId: workspace.id, scoreId: score.id, agentId: agent.id, reason: reason.reason, createdAt: ports.clock.now() },
    (review) =>
      reviewers.map((r) => ({
        workspaceId: workspace.id,
        target: { kind: "dm" as const, platformUserId: r.platformUserId },
        payload: outboxMessage.reviewRequest(review.id),
        dedupeKey: outboxKey.reviewRequest(review.id, r.platformUserId),
      })),
    agent.platformUserId,
  );
  if (created === "exists") return fail({ code: "REVIEW.OPEN", message: "You've already asked for a review of this score." });
  return ok({ review: created, reviewers });
}

/** A review in the workspace with its score, when `actor` may decide it (open or not: the caller says who decided). */
async function decidable(
  ports: ReviewPorts,
  workspace: WorkspaceRecord,
  actor: MemberRecord,
  reviewId: string,
): Promise<Result<{ review: ReviewRecord; reviewed: ReviewedScore; agent: MemberRecord }>> {
  const review = await ports.reviews.find(reviewId);
  if (!review || review.workspaceId !== workspace.id) return fail(NO_REVIEW);
  const [reviewed, agent] = await Promise.all([ports.reviews.score(review.scoreId), ports.members.findById(review.agentId)]);
  if (!reviewed || !agent) return fail(NO_REVIEW);
  const reviewers = await scoreReviewers(ports, workspace, agent, reviewed.score.scorerId);
  const refused = mayDecideReview(
    actor,
    { agent, scorerId: reviewed.score.scorerId },
    reviewers.map((r) => r.id),
  );
  return refused ? fail(refused) : ok({ review, reviewed, agent });
}

/** What someone deciding a review that is no longer open is told. */
async function alreadyDecided(ports: ReviewPorts, review: ReviewRecord): Promise<string> {
  const decider = review.decidedById ? await ports.members.findById(review.decidedById) : null;
  return `This review was already decided (${review.status})${decider ? ` by ${decider.displayName}` : ""}. Nothing changed.`;
}

/** The messages a decision owes: every reviewer's copy updated in place, and the agent's outcome DM. */
async function decisionMessages(ports: ReviewPorts, review: ReviewRecord, agent: MemberRecord, change: string): Promise<OutboxEntry[]> {
  const keys = await ports.reviews.requestKeys(review.id);
  return [
    ...keys.map((of) => ({
      workspaceId: review.workspaceId,
      target: { kind: "update" as const, of },
      payload: outboxMessage.reviewRequest(review.id),
      dedupeKey: outboxKey.update(of, change),
    })),
    {
      workspaceId: review.workspaceId,
      target: { kind: "dm" as const, platformUserId: agent.platformUserId },
      payload: outboxMessage.reviewOutcome(review.id),
      dedupeKey: outboxKey.reviewOutcome(review.id),
    },
  ];
}

/** Uphold: the score stands; the agent is told. Deciding twice (a double click, another reviewer) says who did. */
export async function upholdReview(
  ports: ReviewPorts,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; reviewId: string },
): Promise<Result<{ changed: boolean; message: string }>> {
  const found = await decidable(ports, input.workspace, input.lead, input.reviewId);
  if (!found.ok) return found;
  const { review, reviewed, agent } = found.value;
  if (review.status !== "open") return ok({ changed: false, message: await alreadyDecided(ports, review) });
  const messages = await decisionMessages(ports, review, agent, "upheld");
  const outcome = await ports.reviews.uphold(review.id, input.lead, ports.clock.now(), messages);
  if (!outcome.changed) return ok({ changed: false, message: await alreadyDecided(ports, outcome.review) });
  return ok({
    changed: true,
    message: `Upheld: ${agent.displayName}'s score of ${reviewed.score.score} on ${reviewed.score.reference} stands. They'll be told by DM.`,
  });
}

/** Rescore: the quick-score form prefilled from the reviewed score, carrying the review (for its reviewers only). */
export async function rescoreForm(
  ports: ReviewPorts,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; reviewId: string },
): Promise<Result<{ form: FormView } | { decided: string }>> {
  const found = await decidable(ports, input.workspace, input.lead, input.reviewId);
  if (!found.ok) return found;
  const { review, reviewed, agent } = found.value;
  if (review.status !== "open") return ok({ decided: await alreadyDecided(ports, review) });
  const s = reviewed.score;
  const answers: ScoreFormAnswers = {
    channel: s.channel,
    connection: String(s.answers.connection),
    rapport: s.answers.rapport,
    unstatedNeeds: s.answers.unstatedNeeds,
    wow: s.answers.wow,
    note: s.note,
  };
  return ok({ form: { kind: "form.score", agent: agent.platformUserId, reference: s.reference, nominationId: null, reviewId: review.id, answers } });
}

/**
 * A rescore's submission, checked again (the review id came from the form): the scorer must be a reviewer of the
 * open review, and the score must be of the same agent and interaction, so it supersedes the reviewed one. Returns
 * what the score store writes with the new score (ScoreStore.record).
 */
export async function reviewRescore(
  ports: ReviewPorts,
  input: { workspace: WorkspaceRecord; scorer: MemberRecord; agent: MemberRecord; reference: string; reviewId: string },
): Promise<Result<ReviewRescore>> {
  const found = await decidable(ports, input.workspace, input.scorer, input.reviewId);
  if (!found.ok) return fail({ ...found.error, field: "agent" });
  const { review, reviewed, agent } = found.value;
  if (review.status !== "open") return fail({ code: "REVIEW.DECIDED", field: "agent", message: await alreadyDecided(ports, review) });
  if (input.agent.id !== agent.id) {
    return fail({ code: "REVIEW.OTHER_AGENT", field: "agent", message: `This rescore is of ${agent.displayName}'s interaction: keep them as the agent.` });
  }
  if (input.reference.trim() !== reviewed.score.reference) {
    return fail({
      code: "REVIEW.OTHER_REFERENCE",
      field: "reference",
      message: `This rescore is of interaction ${reviewed.score.reference}: keep it as the reference.`,
    });
  }
  return ok({ reviewId: review.id, by: input.scorer, messages: await decisionMessages(ports, review, agent, "rescored") });
}

/** The message for a rescore that lost a race to another decision (the store refused it: nothing was saved). */
export async function rescoreRefused(ports: ReviewPorts, reviewId: string): Promise<DomainError> {
  const review = await ports.reviews.find(reviewId);
  return { code: "REVIEW.DECIDED", field: "agent", message: review ? await alreadyDecided(ports, review) : NO_REVIEW.message };
}

/** "Seen": the agent acknowledges the score and its coaching; once. */
export async function markScoreSeen(
  ports: ReviewPorts,
  input: { workspace: WorkspaceRecord; member: MemberRecord; scoreId: string },
): Promise<Result<{ changed: boolean; message: string }>> {
  const found = await scoreIn(ports, input.workspace, input.scoreId);
  if (!found) return fail(NO_SCORE);
  if (found.score.agentId !== input.member.id) return fail({ code: "SCORE.NOT_YOURS", message: "Only the agent who was scored can mark this score as seen." });
  const seenOn = (at: Date) => at.toISOString().slice(0, 10);
  if (found.seenAt) return ok({ changed: false, message: `You already marked this score as seen on ${seenOn(found.seenAt)}.` });
  const now = ports.clock.now();
  if (!(await ports.reviews.markSeen(found.score.id, now, input.member.platformUserId))) {
    return ok({ changed: false, message: "You already marked this score as seen." });
  }
  return ok({ changed: true, message: `Marked as seen: thanks for reading the score of ${found.score.score} on ${found.score.reference}.` });
}
