// A lead's quick score on the Happiness Experience Form (PRODUCT.md §2): leads only, nobody scores themselves,
// re-scoring the same agent and interaction supersedes the earlier score, and the agent gets a DM.

import type { MemberRecord, QuickScoreRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { type ScoreDraft, scoreDraft } from "../domain/scorecard.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";
import { ReviewAlreadyDecided, type ReviewRescore } from "./reviews.ports.js";
import { rescoreRefused, reviewRescore } from "./score-reviews.js";

export interface RecordQuickScoreInput {
  workspace: WorkspaceRecord;
  scorer: MemberRecord;
  agent: MemberRecord;
  draft: ScoreDraft;
  requestKey: string | null;
  /** A rescore decides this review (PRODUCT.md §9, "Reviews"): re-checked, and marked rescored with the score. */
  reviewId?: string | null;
}

export interface RecordedScore {
  score: QuickScoreRecord;
  superseded: QuickScoreRecord | null;
  metGoal: boolean;
  replayed: boolean;
}

export async function recordQuickScore(
  ports: Pick<Ports, "scores" | "clock" | "reviews" | "members" | "teams">,
  input: RecordQuickScoreInput,
): Promise<Result<RecordedScore, DomainError>> {
  const { workspace, scorer, agent } = input;
  const goal = workspace.settings.scoreGoal;
  const notLead = may(scorer, "score.record");
  if (notLead) return fail(notLead);
  if (input.requestKey) {
    const existing = await ports.scores.findByRequestKey(input.requestKey);
    if (existing) return ok({ score: existing, superseded: null, metGoal: existing.score >= goal, replayed: true });
  }
  if (agent.id === scorer.id) return fail({ code: "SCORE.SELF", field: "agent", message: "You can't score your own interactions." });
  if (agent.isBot || !agent.active) {
    return fail({
      code: "SCORE.AGENT_UNAVAILABLE",
      field: "agent",
      message: `${agent.displayName} is ${agent.isBot ? "a bot" : "deactivated"}, so there's nothing to score.`,
    });
  }
  const weights = workspace.settings.scoreWeights;
  const valid = scoreDraft(input.draft, weights);
  if (!valid.ok) return fail(valid.error);
  const { score } = valid;
  let review: ReviewRescore | undefined;
  if (input.reviewId) {
    const rescore = await reviewRescore(ports, { workspace, scorer, agent, reference: valid.value.reference, reviewId: input.reviewId });
    if (!rescore.ok) return fail(rescore.error);
    review = rescore.value;
  }
  const recorded = await ports.scores
    .record(
      {
        workspaceId: workspace.id,
        agentId: agent.id,
        scorerId: scorer.id,
        ...valid.value,
        weights,
        score,
        createdAt: ports.clock.now(),
        requestKey: input.requestKey,
      },
      (s) => [
        {
          workspaceId: workspace.id,
          target: { kind: "dm", platformUserId: agent.platformUserId },
          payload: outboxMessage.scoreDm(s.id),
          dedupeKey: outboxKey.scoreDm(s.id),
        },
      ],
      scorer.platformUserId,
      review,
    )
    .catch((e: unknown) => {
      if (e instanceof ReviewAlreadyDecided) return null;
      throw e;
    });
  if (!recorded) return fail(await rescoreRefused(ports, input.reviewId ?? ""));
  const { score: stored, superseded } = recorded;
  return ok({ score: stored, superseded, metGoal: score >= goal, replayed: false });
}
