// Deciding a customer-voiced wow candidate (PRODUCT.md §9): the agent's team leads and admins Recognise it (a wow
// "from a customer" in the recognition channel and a DM to the agent) or Dismiss it; every lead's card then says who
// decided. Undecided candidates expire after 14 days (expireCandidates, run by a job).
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import type { CandidateDetail, FeedbackStore } from "./feedback.ports.js";
import type { MemberStore } from "./members.ports.js";
import { type OutboxEntry, outboxKey, outboxMessage } from "./outbox-messages.js";
import { mayActOn } from "./policy.js";
import type { TeamStore } from "./teams.ports.js";

export interface CandidatePorts {
  clock: { now(): Date };
  feedback: Pick<FeedbackStore, "findCandidate" | "decideCandidate">;
  members: Pick<MemberStore, "findById">;
  teams: TeamStore;
}

const STATUS_WORD = { recognised: "recognised", dismissed: "dismissed", expired: "expired undecided" } as const;

const updates = (workspaceId: string, candidateId: string, keys: string[], change: string): OutboxEntry[] =>
  keys.map((of) => ({
    workspaceId,
    target: { kind: "update", of },
    payload: outboxMessage.candidateCard(candidateId),
    dedupeKey: outboxKey.update(of, change),
  }));

export async function decideCandidate(
  ports: CandidatePorts,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; candidateId: string; decision: "recognised" | "dismissed" },
): Promise<Result<{ changed: boolean; message: string }, DomainError>> {
  const { workspace, lead, decision } = input;
  const found = await ports.feedback.findCandidate(input.candidateId);
  if (!found || found.workspaceId !== workspace.id)
    return fail({ code: "CANDIDATE.NOT_FOUND", message: "That customer feedback isn't a wow candidate any more." });
  const agent = await ports.members.findById(found.agent.id);
  if (!agent) return fail({ code: "CANDIDATE.NOT_FOUND", message: "That customer feedback isn't a wow candidate any more." });
  const refused = await mayActOn(ports.teams, lead, "candidate.decide", agent);
  if (refused) return fail(refused);
  // A lead's own customers' praise is decided by another lead, as their own paid-day requests are.
  if (agent.id === lead.id) return fail({ code: "CANDIDATE.OWN", message: "That's a customer's feedback on you: another lead or an admin decides it." });
  if (found.status !== "pending") return ok({ changed: false, message: alreadyDecided(found) });
  const now = ports.clock.now();
  const channel = workspace.settings.recognitionChannel;
  const decided = await ports.feedback.decideCandidate(
    found.id,
    decision,
    lead.id,
    now,
    (keys) => [
      ...updates(workspace.id, found.id, keys, decision),
      ...(decision === "recognised"
        ? [
            ...(channel
              ? [
                  {
                    workspaceId: workspace.id,
                    target: { kind: "channel" as const, channel },
                    payload: outboxMessage.candidatePost(found.id),
                    dedupeKey: outboxKey.candidatePost(found.id),
                  },
                ]
              : []),
            {
              workspaceId: workspace.id,
              target: { kind: "dm" as const, platformUserId: found.agent.platformUserId },
              payload: outboxMessage.candidateAgentDm(found.id),
              dedupeKey: outboxKey.candidateAgentDm(found.id),
            },
          ]
        : []),
    ],
    lead.platformUserId,
  );
  if (!decided) {
    // Someone else decided first, or it expired a moment ago: say what happened.
    const now2 = await ports.feedback.findCandidate(found.id);
    return ok({ changed: false, message: now2 && now2.status !== "pending" ? alreadyDecided(now2) : "This candidate has expired. Nothing changed." });
  }
  const name = found.agent.displayName;
  if (decision === "dismissed") return ok({ changed: true, message: `Dismissed the customer's feedback for ${name}; the other leads' cards say so.` });
  const where = channel ? "posted in the recognition channel" : "no recognition channel is set, so it was not posted";
  return ok({ changed: true, message: `Recognised: ${where}, and ${name} gets a DM with the customer's words.` });
}

function alreadyDecided(c: CandidateDetail): string {
  const by = c.decidedBy && c.status !== "expired" ? ` by ${c.decidedBy.displayName}` : "";
  return `This candidate was already ${STATUS_WORD[c.status as keyof typeof STATUS_WORD]}${by}. Nothing changed.`;
}

/** Expires the candidates nobody decided in 14 days; their cards say so. */
export async function expireCandidates(ports: { feedback: Pick<FeedbackStore, "expireCandidates"> }, now: Date): Promise<number> {
  return ports.feedback.expireCandidates(now, (c, keys) => updates(c.workspaceId, c.id, keys, "expired"));
}
