// Customer feedback and wow candidates on the raw driver: a batch is one upsert from unnest(...) plus one candidate
// insert, with the candidates' cards, in one transaction (10,000 rows in one round trip each, bench:feedback).
import type { CandidateDetail, CandidateDraft, CandidateStatus, FeedbackInput, FeedbackStore } from "../app/feedback.ports.js";
import type { OutboxEntry } from "../app/outbox-messages.js";
import { outboxKey } from "../app/outbox-messages.js";
import type { FeedbackTallies } from "../domain/feedback.js";
import { auditInsert } from "./audit-log.repository.js";
import type { Database, SqlSession } from "./database.js";
import { enqueueOutbox } from "./outbox.repository.js";
import { isUuid } from "./records.js";

/** Messages per statement: five parameters each, well under PostgreSQL's 65,535. */
const OUTBOX_CHUNK = 5000;

interface CandidateRow {
  id: string;
  workspaceId: string;
  status: CandidateStatus;
  agentId: string;
  agentUserId: string;
  agentName: string;
  comment: string | null;
  csat: number | null;
  nps: number | null;
  interactionRef: string | null;
  channel: string | null;
  receivedAt: Date;
  expiresAt: Date;
  deciderUserId: string | null;
  deciderName: string | null;
  decidedAt: Date | null;
}

const CANDIDATE_SELECT = `
  SELECT c.id, c."workspaceId", c.status::text AS status, c."agentId", a."platformUserId" AS "agentUserId", a."displayName" AS "agentName",
         f.comment, f.csat, f.nps, f."interactionRef", f.channel, f."receivedAt", c."expiresAt",
         d."platformUserId" AS "deciderUserId", d."displayName" AS "deciderName", c."decidedAt"
  FROM "WowCandidate" c JOIN "CustomerFeedback" f ON f.id = c."feedbackId" JOIN "Member" a ON a.id = c."agentId"
  LEFT JOIN "Member" d ON d.id = c."decidedById"`;

const toDetail = (r: CandidateRow): CandidateDetail => ({
  id: r.id,
  workspaceId: r.workspaceId,
  status: r.status,
  agent: { id: r.agentId, platformUserId: r.agentUserId, displayName: r.agentName },
  comment: r.comment ?? "",
  csat: r.csat,
  nps: r.nps,
  interactionRef: r.interactionRef,
  channel: r.channel,
  receivedAt: new Date(r.receivedAt),
  expiresAt: new Date(r.expiresAt),
  decidedBy: r.deciderUserId ? { platformUserId: r.deciderUserId, displayName: r.deciderName ?? r.deciderUserId } : null,
  decidedAt: r.decidedAt ? new Date(r.decidedAt) : null,
});

async function enqueueChunked(tx: SqlSession, messages: OutboxEntry[], at: Date) {
  for (let i = 0; i < messages.length; i += OUTBOX_CHUNK) await enqueueOutbox(tx, messages.slice(i, i + OUTBOX_CHUNK), at);
}

const cardKeys = async (tx: SqlSession, candidateId: string) =>
  (await tx.query<{ dedupeKey: string }>(`SELECT "dedupeKey" FROM "Outbox" WHERE "dedupeKey" LIKE $1 || '%'`, [outboxKey.candidateCards(candidateId)])).map(
    (r) => r.dedupeKey,
  );

export class FeedbackRepository implements FeedbackStore {
  constructor(private readonly db: Database) {}

  upsert(workspaceId: string, rows: FeedbackInput[], candidates: CandidateDraft[], at: Date) {
    const col = <T>(pick: (r: FeedbackInput) => T) => rows.map(pick);
    return this.db.transaction(async (tx) => {
      // xmax is 0 on a row version this statement inserted, and set on one it updated.
      const [written] = await tx.query<{ created: number; updated: number }>(
        `WITH written AS (
           INSERT INTO "CustomerFeedback" (id, "workspaceId", "memberId", "feedbackId", "receivedAt", csat, nps, comment, "interactionRef", channel, "createdAt", "updatedAt")
           SELECT gen_random_uuid(), $1::uuid, r.member, r.fid, r.received, r.csat, r.nps, r.comment, r.ref, r.channel, $2::timestamptz, $2::timestamptz
           FROM unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[])
                AS r(member, fid, received, csat, nps, comment, ref, channel)
           ON CONFLICT ("workspaceId", "feedbackId") DO UPDATE
             SET "memberId" = EXCLUDED."memberId", "receivedAt" = EXCLUDED."receivedAt", csat = EXCLUDED.csat, nps = EXCLUDED.nps,
                 comment = EXCLUDED.comment, "interactionRef" = EXCLUDED."interactionRef", channel = EXCLUDED.channel, "updatedAt" = EXCLUDED."updatedAt"
             WHERE ("CustomerFeedback"."memberId", "CustomerFeedback"."receivedAt", "CustomerFeedback".csat, "CustomerFeedback".nps,
                    "CustomerFeedback".comment, "CustomerFeedback"."interactionRef", "CustomerFeedback".channel)
                   IS DISTINCT FROM (EXCLUDED."memberId", EXCLUDED."receivedAt", EXCLUDED.csat, EXCLUDED.nps, EXCLUDED.comment, EXCLUDED."interactionRef", EXCLUDED.channel)
           RETURNING (xmax = 0) AS inserted
         )
         SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM written`,
        [
          workspaceId,
          at,
          col((r) => r.memberId),
          col((r) => r.feedbackId),
          col((r) => r.receivedAt.toISOString()),
          col((r) => r.csat),
          col((r) => r.nps),
          col((r) => r.comment),
          col((r) => r.interactionRef),
          col((r) => r.channel),
        ],
      );
      let made = 0;
      if (candidates.length) {
        // One candidate per feedback: a resend's draft meets the existing one and is dropped with its cards.
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO "WowCandidate" (id, "workspaceId", "feedbackId", "agentId", status, "expiresAt", "createdAt")
           SELECT c.id, $1::uuid, f.id, f."memberId", 'pending', c.expires, $2::timestamptz
           FROM unnest($3::uuid[], $4::text[], $5::timestamptz[]) AS c(id, fid, expires)
           JOIN "CustomerFeedback" f ON f."workspaceId" = $1::uuid AND f."feedbackId" = c.fid
           ON CONFLICT ("feedbackId") DO NOTHING RETURNING id`,
          [workspaceId, at, candidates.map((c) => c.id), candidates.map((c) => c.feedbackId), candidates.map((c) => c.expiresAt.toISOString())],
        );
        const created = new Set(inserted.map((r) => r.id));
        made = created.size;
        await enqueueChunked(
          tx,
          candidates.filter((c) => created.has(c.id)).flatMap((c) => c.messages),
          at,
        );
      }
      return { created: written?.created ?? 0, updated: written?.updated ?? 0, candidates: made };
    });
  }

  async findCandidate(candidateId: string): Promise<CandidateDetail | null> {
    if (!isUuid(candidateId)) return null;
    const [row] = await this.db.query<CandidateRow>(`${CANDIDATE_SELECT} WHERE c.id = $1::uuid`, [candidateId]);
    return row ? toDetail(row) : null;
  }

  decideCandidate(
    candidateId: string,
    decision: "recognised" | "dismissed",
    deciderId: string,
    at: Date,
    messagesFor: (cardKeys: string[]) => OutboxEntry[],
    actor: string,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [decided] = await tx.query<{ workspaceId: string }>(
        `UPDATE "WowCandidate" SET status = $2::"CandidateStatus", "decidedById" = $3::uuid, "decidedAt" = $4
         WHERE id = $1::uuid AND status = 'pending' AND "expiresAt" > $4 RETURNING "workspaceId"`,
        [candidateId, decision, deciderId, at],
      );
      if (!decided) return false;
      await enqueueOutbox(tx, messagesFor(await cardKeys(tx, candidateId)), at);
      const params: unknown[] = [];
      await tx.query(
        auditInsert(
          {
            workspaceId: decided.workspaceId,
            actor,
            action: `wow-candidate.${decision === "recognised" ? "recognise" : "dismiss"}`,
            subject: `candidate:${candidateId}`,
          },
          params,
        ),
        params,
      );
      return true;
    });
  }

  expireCandidates(now: Date, messagesFor: (candidate: { id: string; workspaceId: string }, cardKeys: string[]) => OutboxEntry[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      const expired = await tx.query<{ id: string; workspaceId: string }>(
        `UPDATE "WowCandidate" SET status = 'expired', "decidedAt" = $1 WHERE status = 'pending' AND "expiresAt" <= $1 RETURNING id, "workspaceId"`,
        [now],
      );
      if (!expired.length) return 0;
      // Every expired candidate's cards in one read, grouped by the candidate their key names.
      const keys = await tx.query<{ dedupeKey: string }>(`SELECT "dedupeKey" FROM "Outbox" WHERE "dedupeKey" LIKE ANY($1::text[])`, [
        expired.map((c) => `${outboxKey.candidateCards(c.id)}%`),
      ]);
      const messages = expired.flatMap((c) =>
        messagesFor(
          c,
          keys.map((k) => k.dedupeKey).filter((k) => k.startsWith(outboxKey.candidateCards(c.id))),
        ),
      );
      await enqueueChunked(tx, messages, now);
      return expired.length;
    });
  }

  async memberTallies(memberId: string, from: Date, to: Date): Promise<FeedbackTallies> {
    const [row] = await this.db.query<FeedbackTallies>(
      `SELECT ${TALLIES} FROM "CustomerFeedback" WHERE "memberId" = $1::uuid AND "receivedAt" >= $2 AND "receivedAt" < $3`,
      [memberId, from, to],
    );
    return row ?? { csatCount: 0, csatSatisfied: 0, npsCount: 0, promoters: 0, detractors: 0 };
  }
}

/** The tallies of feedback rows as one aggregate (CSAT 4-5 satisfied; NPS 9-10 promoters, 0-6 detractors). */
export const TALLIES = `count(csat)::int AS "csatCount", count(*) FILTER (WHERE csat >= 4)::int AS "csatSatisfied",
  count(nps)::int AS "npsCount", count(*) FILTER (WHERE nps >= 9)::int AS promoters, count(*) FILTER (WHERE nps <= 6)::int AS detractors`;
