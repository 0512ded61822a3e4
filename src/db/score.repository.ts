// Quick scores on Prisma: recorded with their supersession, DM and audit entry in one transaction.
import type { NewQuickScore, OutboxEntry, QuickScoreRecord, ScoreStore } from "../app/ports.js";
import type { Answer, Attempts, ScoreWeights } from "../domain/scorecard.js";
import { readSettings } from "../domain/settings.js";
import type { QuickScore } from "../generated/prisma/client.js";
import type { ScoreFacts } from "../views/score.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import { enqueueOutbox } from "./outbox.repository.js";
import type { Prisma, PrismaClient } from "./prisma.js";
import { toPersonRef } from "./records.js";

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

export class ScoreRepository implements ScoreStore {
  constructor(private readonly prisma: PrismaClient) {}

  async findByRequestKey(requestKey: string) {
    const s = await this.prisma.quickScore.findUnique({ where: { requestKey } });
    return s && toScoreRecord(s);
  }

  record(data: NewQuickScore, messagesFor: (score: QuickScoreRecord) => OutboxEntry[], actor: string) {
    return this.prisma.$transaction(async (tx) => {
      // Lock the agent's row: two leads re-scoring the same interaction at once must not both stay current.
      await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${data.agentId}::uuid FOR UPDATE`;
      const previous = await tx.quickScore.findFirst({
        where: { workspaceId: data.workspaceId, agentId: data.agentId, reference: data.reference, supersededById: null },
      });
      const created = await tx.quickScore.create({
        data: {
          workspaceId: data.workspaceId,
          agentId: data.agentId,
          scorerId: data.scorerId,
          reference: data.reference,
          channel: data.channel,
          connectionAttempts: data.answers.connection,
          rapport: data.answers.rapport,
          unstatedNeeds: data.answers.unstatedNeeds,
          wow: data.answers.wow,
          weights: data.weights as unknown as Prisma.InputJsonValue,
          score: data.score,
          note: data.note,
          requestKey: data.requestKey,
          createdAt: data.createdAt,
        },
      });
      if (previous) await tx.quickScore.update({ where: { id: previous.id }, data: { supersededById: created.id } });
      const score = toScoreRecord(created);
      await enqueueOutbox(tx, messagesFor(score), data.createdAt);
      await new AuditLogRepository(tx).record({
        workspaceId: data.workspaceId,
        actor,
        action: previous ? "score.rescore" : "score.record",
        subject: `score:${created.id}`,
        before: previous ? { id: previous.id, score: previous.score } : undefined,
        after: { agentId: data.agentId, reference: data.reference, score: data.score },
      });
      return { score, superseded: previous && toScoreRecord(previous) };
    });
  }
}

/** What the agent's score DM shows. */
export async function scoreFacts(prisma: PrismaClient, id: string): Promise<ScoreFacts | null> {
  const s = await prisma.quickScore.findUnique({ where: { id }, include: { agent: true, scorer: true, workspace: true } });
  if (!s) return null;
  const record = toScoreRecord(s);
  return {
    id: s.id,
    agent: toPersonRef(s.agent),
    scorer: toPersonRef(s.scorer),
    reference: s.reference,
    channel: s.channel,
    answers: record.answers,
    score: s.score,
    goal: readSettings(s.workspace.settings).settings.scoreGoal,
    note: s.note,
  };
}
