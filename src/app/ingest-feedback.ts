// Customer feedback in (PRODUCT.md §9, `POST /api/v1/feedback` and `wowbot import feedback`): every row is checked
// first and every problem reported; a batch without problems is saved as one upsert by feedbackId, and feedback a
// customer was delighted by (and said why) becomes a wow candidate before the agent's team leads, once.
import { randomUUID } from "node:crypto";
import { candidateExpiry, isWowCandidate } from "../domain/feedback.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { adminsAudience, leadsAudience, teamLeadsAudience } from "./audience.js";
import type { CandidateDraft, FeedbackInput, FeedbackStore } from "./feedback.ports.js";
import { dedupe, fieldOk, flagged, memberKeys, resolve } from "./ingest-batch.js";
import { CLOCK_SKEW_MS } from "./ingest-chat-sessions.js";
import { FEEDBACK_FIELDS, type FeedbackRow, feedbackRow, type IngestCounts, type IngestRefusal, refusal, schemaProblems } from "./ingest-rows.js";
import { lookUpMembers } from "./member-keys.js";
import type { MemberStore } from "./members.ports.js";
import { type OutboxTarget, outboxKey, outboxMessage, targetKey } from "./outbox-messages.js";
import type { TeamStore } from "./teams.ports.js";

export interface FeedbackPorts {
  clock: { now(): Date };
  members: Pick<MemberStore, "findByIdOrEmail" | "listByRole">;
  teams: Pick<TeamStore, "list">;
  feedback: Pick<FeedbackStore, "upsert">;
}

export type FeedbackCounts = IngestCounts & { candidates: number };

const sameFeedback = (a: FeedbackInput, b: FeedbackInput) =>
  a.memberId === b.memberId &&
  a.receivedAt.getTime() === b.receivedAt.getTime() &&
  a.csat === b.csat &&
  a.nps === b.nps &&
  a.comment === b.comment &&
  a.interactionRef === b.interactionRef &&
  a.channel === b.channel;

export async function ingestFeedback(
  ports: FeedbackPorts,
  /** `dryRun`: check only, save nothing (the caller found problems of its own). */
  input: { workspace: WorkspaceRecord; rows: readonly unknown[]; dryRun?: boolean },
): Promise<Result<FeedbackCounts, IngestRefusal>> {
  const { workspace, rows } = input;
  const now = ports.clock.now();
  const { parsed, problems } = schemaProblems(feedbackRow, rows, "a feedback row", FEEDBACK_FIELDS);
  const memberOf = await lookUpMembers(ports.members, workspace.id, memberKeys(rows), { forWhat: "customer feedback", allowInactive: true });

  const said = flagged(problems);
  const valid: Array<{ index: number; key: string; value: FeedbackInput; same: typeof sameFeedback }> = [];
  const agents = new Map<string, MemberRecord>();
  for (const [index, raw] of rows.entries()) {
    const row = parsed[index] as FeedbackRow | null;
    const member = fieldOk(said, index, "member") ? resolve(memberOf, raw, index, problems) : null;
    if (!row || !member) continue;
    const receivedAt = new Date(row.receivedAt);
    if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      problems.push({ index, field: "receivedAt", reason: `receivedAt ${receivedAt.toISOString()} is in the future (it is ${now.toISOString()}).` });
      continue;
    }
    agents.set(member.id, member);
    const value: FeedbackInput = {
      memberId: member.id,
      feedbackId: row.feedbackId,
      receivedAt,
      csat: row.csat ?? null,
      nps: row.nps ?? null,
      comment: row.comment?.trim() || null,
      interactionRef: row.interactionRef?.trim() || null,
      channel: row.channel?.trim().toLowerCase() || null,
    };
    valid.push({ index, key: row.feedbackId, value, same: sameFeedback });
  }
  const { unique, problems: conflicts } = dedupe(valid, (first) => `conflicts with row ${first}: the same feedbackId with other values.`);
  problems.push(...conflicts);
  if (problems.length) return fail(refusal(problems, FEEDBACK_FIELDS));
  if (!unique.length || input.dryRun) return ok({ received: rows.length, created: 0, updated: 0, unchanged: rows.length, candidates: 0 });

  const candidates = await candidateDrafts(ports, workspace, unique, agents, now);
  const { created, updated, candidates: made } = await ports.feedback.upsert(workspace.id, unique, candidates, now);
  return ok({ received: rows.length, created, updated, unchanged: rows.length - created - updated, candidates: made });
}

/** The candidates this batch may create, each with its cards to the agent's team leads (else the workspace's leads). */
async function candidateDrafts(
  ports: FeedbackPorts,
  workspace: WorkspaceRecord,
  rows: FeedbackInput[],
  agents: ReadonlyMap<string, MemberRecord>,
  now: Date,
): Promise<CandidateDraft[]> {
  const wows = rows.filter((r) => isWowCandidate(r, now) && agents.get(r.memberId)?.active);
  if (!wows.length) return [];
  // One read of the teams for the whole batch. The comment is personal data for the agent's leads: once teams exist,
  // an agent outside any team (or in a team without leads) has only the admins as leads; before, the workspace's leads.
  const teams = await ports.teams.list(workspace.id);
  const teamOf = new Map<string, (typeof teams)[number]>();
  for (const team of teams) for (const m of team.members) teamOf.set(m.id, team);
  let fallback: OutboxTarget[] | null = null;
  const drafts: CandidateDraft[] = [];
  for (const row of wows) {
    const team = teamOf.get(row.memberId);
    let targets = team ? teamLeadsAudience(team, { except: row.memberId }) : [];
    if (!targets.length) {
      fallback ??= teams.length ? await adminsAudience(ports.members, workspace) : await leadsAudience(ports.members, workspace);
      targets = fallback.filter((t) => t.kind !== "dm" || t.platformUserId !== agents.get(row.memberId)?.platformUserId);
    }
    const id = randomUUID();
    drafts.push({
      id,
      feedbackId: row.feedbackId,
      expiresAt: candidateExpiry(row.receivedAt),
      messages: targets.map((target) => ({
        workspaceId: workspace.id,
        target,
        payload: outboxMessage.candidateCard(id),
        dedupeKey: outboxKey.candidateCard(id, target.kind === "dm" ? target.platformUserId : targetKey(target)),
      })),
    });
  }
  return drafts;
}
