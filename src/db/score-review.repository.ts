// Score reviews (disputes) and "Seen" on scores: each change with its messages and audit entry in one transaction,
// and the reads the review views and the digest need, each in one statement.
import { randomUUID } from "node:crypto";
import type { OutboxEntry } from "../app/outbox-messages.js";
import { outboxKey } from "../app/outbox-messages.js";
import type { ReviewedScore, ReviewRecord, ReviewStore } from "../app/reviews.ports.js";
import type { QuickScore } from "../generated/prisma/client.js";
import type { ReviewFacts } from "../views/review.js";
import { recordAudit } from "./audit-log.repository.js";
import type { Database } from "./database.js";
import { enqueueOutbox } from "./outbox.repository.js";
import { isUuid } from "./records.js";
import { toScoreRecord } from "./score.repository.js";

const REVIEW = `id, "workspaceId", "scoreId", "agentId", reason, status::text AS status, "decidedById", "decidedAt", "rescoreId", "createdAt"`;

export class ScoreReviewRepository implements ReviewStore {
  constructor(private readonly db: Database) {}

  async find(id: string) {
    if (!isUuid(id)) return null;
    const [r] = await this.db.query<ReviewRecord>(`SELECT ${REVIEW} FROM "ScoreReview" WHERE id = $1::uuid`, [id]);
    return r ?? null;
  }

  async score(scoreId: string): Promise<ReviewedScore | null> {
    if (!isUuid(scoreId)) return null;
    const [s] = await this.db.query<QuickScore>(`SELECT * FROM "QuickScore" WHERE id = $1::uuid`, [scoreId]);
    if (!s) return null;
    const [review] = await this.db.query<ReviewRecord>(`SELECT ${REVIEW} FROM "ScoreReview" WHERE "scoreId" = $1::uuid`, [scoreId]);
    return { score: toScoreRecord(s), superseded: s.supersededById !== null, seenAt: s.seenAt, review: review ?? null };
  }

  create(
    data: { workspaceId: string; scoreId: string; agentId: string; reason: string; createdAt: Date },
    messagesFor: (review: ReviewRecord) => OutboxEntry[],
    actor: string,
  ): Promise<ReviewRecord | "exists"> {
    return this.db.transaction(async (tx) => {
      const [review] = await tx.query<ReviewRecord>(
        `INSERT INTO "ScoreReview" (id, "workspaceId", "scoreId", "agentId", reason, "createdAt") VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6)
         ON CONFLICT ("scoreId") DO NOTHING RETURNING ${REVIEW}`,
        [randomUUID(), data.workspaceId, data.scoreId, data.agentId, data.reason, data.createdAt],
      );
      if (!review) return "exists";
      await enqueueOutbox(tx, messagesFor(review), data.createdAt);
      await recordAudit(tx, {
        workspaceId: data.workspaceId,
        actor,
        action: "review.requested",
        subject: `review:${review.id}`,
        after: { scoreId: data.scoreId, reason: data.reason },
      });
      return review;
    });
  }

  uphold(reviewId: string, by: { id: string; platformUserId: string }, at: Date, messages: OutboxEntry[]) {
    return this.db.transaction(async (tx) => {
      const [review] = await tx.query<ReviewRecord>(
        `UPDATE "ScoreReview" SET status = 'upheld', "decidedById" = $2::uuid, "decidedAt" = $3 WHERE id = $1::uuid AND status = 'open' RETURNING ${REVIEW}`,
        [reviewId, by.id, at],
      );
      if (!review) {
        const [now] = await tx.query<ReviewRecord>(`SELECT ${REVIEW} FROM "ScoreReview" WHERE id = $1::uuid`, [reviewId]);
        return { changed: false, review: now as ReviewRecord };
      }
      await enqueueOutbox(tx, messages, at);
      await recordAudit(tx, {
        workspaceId: review.workspaceId,
        actor: by.platformUserId,
        action: "review.upheld",
        subject: `review:${review.id}`,
        before: { status: "open" },
        after: { status: "upheld", scoreId: review.scoreId },
      });
      return { changed: true, review };
    });
  }

  async requestKeys(reviewId: string) {
    const prefix = outboxKey.reviewRequests(reviewId);
    // The prefix is made of a uuid and fixed words: no LIKE wildcard in it.
    const rows = await this.db.query<{ dedupeKey: string }>(`SELECT "dedupeKey" FROM "Outbox" WHERE "dedupeKey" LIKE $1 ORDER BY "dedupeKey"`, [`${prefix}%`]);
    return rows.map((r) => r.dedupeKey);
  }

  markSeen(scoreId: string, at: Date, actor: string) {
    return this.db.transaction(async (tx) => {
      const [seen] = await tx.query<{ id: string; workspaceId: string }>(
        `UPDATE "QuickScore" SET "seenAt" = $2 WHERE id = $1::uuid AND "seenAt" IS NULL RETURNING id, "workspaceId"`,
        [scoreId, at],
      );
      if (!seen) return false;
      await recordAudit(tx, {
        workspaceId: seen.workspaceId,
        actor,
        action: "score.seen",
        subject: `score:${scoreId}`,
        before: { seenAt: null },
        after: { seenAt: at },
      });
      return true;
    });
  }
}

/** What a review's request post and outcome DM show, in one statement. */
export async function reviewFacts(db: Pick<Database, "query">, id: string): Promise<ReviewFacts | null> {
  if (!isUuid(id)) return null;
  const [r] = await db.query<{
    id: string;
    reason: string;
    status: ReviewFacts["status"];
    reference: string;
    channel: string;
    score: number;
    rescore: number | null;
    agentUserId: string;
    agentName: string;
    scorerUserId: string;
    scorerName: string;
    deciderUserId: string | null;
    deciderName: string | null;
  }>(
    `SELECT r.id, r.reason, r.status::text AS status, q.reference, q.channel::text AS channel, q.score, n.score AS rescore,
            a."platformUserId" AS "agentUserId", a."displayName" AS "agentName",
            s."platformUserId" AS "scorerUserId", s."displayName" AS "scorerName",
            d."platformUserId" AS "deciderUserId", d."displayName" AS "deciderName"
     FROM "ScoreReview" r JOIN "QuickScore" q ON q.id = r."scoreId" JOIN "Member" a ON a.id = r."agentId" JOIN "Member" s ON s.id = q."scorerId"
          LEFT JOIN "Member" d ON d.id = r."decidedById" LEFT JOIN "QuickScore" n ON n.id = r."rescoreId"
     WHERE r.id = $1::uuid`,
    [id],
  );
  if (!r) return null;
  return {
    reviewId: r.id,
    agent: { platformUserId: r.agentUserId, displayName: r.agentName },
    scorer: { platformUserId: r.scorerUserId, displayName: r.scorerName },
    reference: r.reference,
    channel: r.channel,
    score: r.score,
    reason: r.reason,
    status: r.status,
    decidedBy: r.deciderUserId && r.deciderName ? { platformUserId: r.deciderUserId, displayName: r.deciderName } : null,
    rescore: r.rescore,
  };
}
