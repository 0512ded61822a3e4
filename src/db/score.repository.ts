// Quick scores: recorded with their supersession, DM and audit entry in one transaction.
import { randomUUID } from "node:crypto";
import type { OutboxEntry } from "../app/outbox-messages.js";
import { ReviewAlreadyDecided, type ReviewRescore } from "../app/reviews.ports.js";
import type { ScoreStore } from "../app/scores.ports.js";
import type { NewQuickScore, QuickScoreRecord } from "../domain/records.js";
import type { Answer, Attempts, ScoreWeights } from "../domain/scorecard.js";
import { readSettings } from "../domain/settings.js";
import type { QuickScore } from "../generated/prisma/client.js";
import type { ScoreFacts } from "../views/score.js";
import { auditInsert } from "./audit-log.repository.js";
import type { Database } from "./database.js";
import { outboxInsert } from "./outbox.repository.js";
import { isUuid } from "./records.js";

export function toScoreRecord(s: QuickScore): QuickScoreRecord {
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    agentId: s.agentId,
    scorerId: s.scorerId,
    reference: s.reference,
    channel: s.channel,
    answers: { connection: s.connectionAttempts as Attempts, rapport: s.rapport as Answer, unstatedNeeds: s.unstatedNeeds as Answer, wow: s.wow as Answer },
    weights: s.weights as unknown as ScoreWeights,
    score: s.score,
    note: s.note,
    createdAt: s.createdAt,
  };
}

/**
 * Score submissions answer the lead only after this work, so it runs on the raw driver: a Prisma statement costs about
 * three times the CPU, and under load every statement also waits its turn on the event loop (bench/README.md, "Load").
 */
export class ScoreRepository implements ScoreStore {
  constructor(private readonly db: Database) {}

  async findByRequestKey(requestKey: string) {
    const [s] = await this.db.query<QuickScore>(`SELECT * FROM "QuickScore" WHERE "requestKey" = $1`, [requestKey]);
    return s ? toScoreRecord(s) : null;
  }

  record(data: NewQuickScore, messagesFor: (score: QuickScoreRecord) => OutboxEntry[], actor: string, review?: ReviewRescore) {
    return this.db.transaction(async (tx) => {
      // Lock the agent's row: two leads re-scoring the same interaction at once must not both stay current. NO KEY
      // UPDATE does not wait for the foreign-key locks of nominations and seconds naming the agent.
      await tx.query(`SELECT id FROM "Member" WHERE id = $1::uuid FOR NO KEY UPDATE`, [data.agentId]);
      // A rescore decides its review: the review's row lock makes the first decision win (src/app/score-reviews.ts).
      if (review) {
        const [open] = await tx.query(`SELECT id FROM "ScoreReview" WHERE id = $1::uuid AND status = 'open' FOR UPDATE`, [review.reviewId]);
        if (!open) throw new ReviewAlreadyDecided(review.reviewId);
      }
      const [previous] = await tx.query<QuickScore>(
        `SELECT * FROM "QuickScore" WHERE "workspaceId" = $1::uuid AND "agentId" = $2::uuid AND reference = $3 AND "supersededById" IS NULL LIMIT 1`,
        [data.workspaceId, data.agentId, data.reference],
      );
      const { requestKey, ...fields } = data;
      const score: QuickScoreRecord = { id: randomUUID(), ...fields };
      // The score, the supersession, the agent's DM and the audit entry in one statement: a lead's modal waits for
      // every round trip here, and under load each one also waits its turn on the event loop.
      const params: unknown[] = [
        score.id,
        score.workspaceId,
        score.agentId,
        score.scorerId,
        score.reference,
        score.channel,
        score.answers.connection,
        score.answers.rapport,
        score.answers.unstatedNeeds,
        score.answers.wow,
        JSON.stringify(score.weights),
        score.score,
        score.note,
        requestKey,
        score.createdAt,
      ];
      const parts = [
        `created AS (
          INSERT INTO "QuickScore" (id, "workspaceId", "agentId", "scorerId", reference, channel, "connectionAttempts", rapport, "unstatedNeeds", wow,
                                    weights, score, note, "requestKey", "createdAt")
          VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6::"InteractionChannel", $7, $8::"ScoreAnswer", $9::"ScoreAnswer", $10::"ScoreAnswer",
                  $11::jsonb, $12, $13, $14, $15)
          RETURNING id)`,
      ];
      if (previous)
        parts.push(`superseded AS (UPDATE "QuickScore" SET "supersededById" = $1::uuid WHERE id = $${params.push(previous.id)}::uuid RETURNING id)`);
      const messages = messagesFor(score);
      if (messages.length) parts.push(`messages AS (${outboxInsert(messages, score.createdAt, params)})`);
      const audit = {
        workspaceId: score.workspaceId,
        actor,
        action: previous ? "score.rescore" : "score.record",
        subject: `score:${score.id}`,
        before: previous ? { id: previous.id, score: previous.score } : undefined,
        after: { agentId: score.agentId, reference: score.reference, score: score.score },
      };
      parts.push(`audit AS (${auditInsert(audit, params)})`);
      if (review) {
        const r = `$${params.push(review.reviewId)}::uuid`;
        parts.push(
          `reviewed AS (UPDATE "ScoreReview" SET status = 'rescored', "rescoreId" = $1::uuid, "decidedById" = $${params.push(review.by.id)}::uuid,
                        "decidedAt" = $15 WHERE id = ${r} RETURNING id)`,
        );
        if (review.messages.length) parts.push(`review_messages AS (${outboxInsert(review.messages, score.createdAt, params)})`);
        const reviewAudit = {
          workspaceId: score.workspaceId,
          actor: review.by.platformUserId,
          action: "review.rescored",
          subject: `review:${review.reviewId}`,
          before: { status: "open", score: previous?.score ?? null },
          after: { status: "rescored", rescoreId: score.id, score: score.score },
        };
        parts.push(`review_audit AS (${auditInsert(reviewAudit, params)})`);
      }
      await tx.query(`WITH ${parts.join(",\n")} SELECT id FROM created`, params);
      return { score, superseded: previous ? toScoreRecord(previous) : null };
    });
  }
}

/** What the agent's score DM shows, in one statement. */
export async function scoreFacts(db: Pick<Database, "query">, id: string): Promise<ScoreFacts | null> {
  if (!isUuid(id)) return null;
  const [s] = await db.query<QuickScore & { agentUserId: string; agentName: string; scorerUserId: string; scorerName: string; settings: unknown }>(
    `SELECT q.*, a."platformUserId" AS "agentUserId", a."displayName" AS "agentName",
            r."platformUserId" AS "scorerUserId", r."displayName" AS "scorerName", w.settings
     FROM "QuickScore" q JOIN "Member" a ON a.id = q."agentId" JOIN "Member" r ON r.id = q."scorerId" JOIN "Workspace" w ON w.id = q."workspaceId"
     WHERE q.id = $1::uuid`,
    [id],
  );
  if (!s) return null;
  return {
    id: s.id,
    agent: { platformUserId: s.agentUserId, displayName: s.agentName },
    scorer: { platformUserId: s.scorerUserId, displayName: s.scorerName },
    reference: s.reference,
    channel: s.channel,
    answers: toScoreRecord(s).answers,
    score: s.score,
    goal: readSettings(s.settings).settings.scoreGoal,
    note: s.note,
  };
}
