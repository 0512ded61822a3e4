// A lead's quick score on the Happiness Experience Form (PRODUCT.md §2): leads only, nobody scores themselves,
// re-scoring the same agent and interaction supersedes the earlier score, and the agent gets a DM.

import type { MemberRecord, QuickScoreRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { computeScore, type ScoreDraft, validateScoreDraft } from "../domain/scorecard.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";

export interface RecordQuickScoreInput {
  workspace: WorkspaceRecord;
  scorer: MemberRecord;
  agent: MemberRecord;
  draft: ScoreDraft;
  requestKey: string | null;
}

export interface RecordedScore {
  score: QuickScoreRecord;
  superseded: QuickScoreRecord | null;
  metGoal: boolean;
  replayed: boolean;
}

export async function recordQuickScore(ports: Pick<Ports, "scores" | "clock">, input: RecordQuickScoreInput): Promise<Result<RecordedScore, DomainError>> {
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
  const valid = validateScoreDraft(input.draft);
  if (!valid.ok) return fail(valid.errors[0] as DomainError);
  const weights = workspace.settings.scoreWeights;
  const score = computeScore(valid.value.answers, weights);
  if (score === null) {
    return fail({
      code: "SCORE.NOTHING_ANSWERED",
      field: "rapport",
      message: "Every weighted question is n.a., so there's nothing to score. Answer at least one.",
    });
  }
  const { score: stored, superseded } = await ports.scores.record(
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
  );
  return ok({ score: stored, superseded, metGoal: score >= goal, replayed: false });
}
