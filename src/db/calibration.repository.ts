// Blind calibrations: started with their seats and invitations, scored seat by seat, and revealed once (by the last
// score or at the deadline) with the comparison DMs, each change with its audit entry in one transaction.
import type { CalibrationRecord, CalibrationScore, CalibrationStore, NewCalibration, ScoredCalibration } from "../app/calibration.ports.js";
import type { OutboxEntry } from "../app/outbox-messages.js";
import type { Answer, Attempts, ScoreAnswers } from "../domain/scorecard.js";
import type { CalibrationFacts } from "../views/calibration.js";
import { recordAudit } from "./audit-log.repository.js";
import type { Database } from "./database.js";
import { enqueueOutbox } from "./outbox.repository.js";
import { type Db, isUniqueViolation } from "./prisma.js";
import { isUuid } from "./records.js";

const WITH_SEATS = {
  participants: { include: { member: { select: { platformUserId: true, displayName: true } } }, orderBy: { member: { displayName: "asc" as const } } },
};

interface SeatRow {
  memberId: string;
  connectionAttempts: number | null;
  rapport: string | null;
  unstatedNeeds: string | null;
  wow: string | null;
  score: number | null;
  note: string | null;
  scoredAt: Date | null;
  member: { platformUserId: string; displayName: string };
}

interface CalibrationRow {
  id: string;
  workspaceId: string;
  agentId: string;
  startedById: string;
  reference: string;
  deadline: Date;
  revealedAt: Date | null;
  createdAt: Date;
  participants: SeatRow[];
}

function answersOf(s: SeatRow): ScoreAnswers | null {
  if (s.scoredAt === null || s.connectionAttempts === null || !s.rapport || !s.unstatedNeeds || !s.wow) return null;
  return { connection: s.connectionAttempts as Attempts, rapport: s.rapport as Answer, unstatedNeeds: s.unstatedNeeds as Answer, wow: s.wow as Answer };
}

function toRecord(c: CalibrationRow): CalibrationRecord {
  return {
    id: c.id,
    workspaceId: c.workspaceId,
    agentId: c.agentId,
    startedById: c.startedById,
    reference: c.reference,
    deadline: c.deadline,
    revealedAt: c.revealedAt,
    createdAt: c.createdAt,
    participants: c.participants.map((p) => ({
      memberId: p.memberId,
      platformUserId: p.member.platformUserId,
      scoredAt: p.scoredAt,
      answers: answersOf(p),
      note: p.note,
    })),
  };
}

/** Reveals the calibration in the caller's transaction unless it was revealed already (the conditional update). */
async function revealIn(tx: Db, id: string, at: Date, messagesFor: (c: CalibrationRecord) => OutboxEntry[], actor: string, why: string): Promise<boolean> {
  const claimed = await tx.calibration.updateMany({ where: { id, revealedAt: null }, data: { revealedAt: at } });
  if (claimed.count === 0) return false;
  const c = toRecord(await tx.calibration.findUniqueOrThrow({ where: { id }, include: WITH_SEATS }));
  await enqueueOutbox(tx, messagesFor(c), at);
  const scored = c.participants.filter((p) => p.scoredAt !== null);
  await recordAudit(tx, {
    workspaceId: c.workspaceId,
    actor,
    action: "calibration.revealed",
    subject: `calibration:${id}`,
    after: { why, scored: scored.length, of: c.participants.length, missing: c.participants.filter((p) => p.scoredAt === null).map((p) => p.platformUserId) },
  });
  return true;
}

export class CalibrationRepository implements CalibrationStore {
  constructor(private readonly db: Database) {}

  async find(id: string) {
    if (!isUuid(id)) return null;
    const c = await this.db.prisma.calibration.findUnique({ where: { id }, include: WITH_SEATS });
    return c && toRecord(c);
  }

  async findByRequestKey(requestKey: string) {
    const c = await this.db.prisma.calibration.findUnique({ where: { requestKey }, include: WITH_SEATS });
    return c && toRecord(c);
  }

  async start(data: NewCalibration, messagesFor: (c: CalibrationRecord) => OutboxEntry[], actor: string) {
    try {
      return await this.db.prisma.$transaction(async (tx) => {
        const { participantIds, ...fields } = data;
        const created = await tx.calibration.create({
          data: { ...fields, participants: { create: participantIds.map((memberId) => ({ memberId })) } },
          include: WITH_SEATS,
        });
        const c = toRecord(created);
        await enqueueOutbox(tx, messagesFor(c), data.createdAt);
        await recordAudit(tx, {
          workspaceId: c.workspaceId,
          actor,
          action: "calibration.started",
          subject: `calibration:${c.id}`,
          after: { agentId: c.agentId, reference: c.reference, deadline: c.deadline.toISOString(), participants: c.participants.map((p) => p.platformUserId) },
        });
        return c;
      });
    } catch (error) {
      // The same command twice at once: the other one started it.
      const existing = data.requestKey && isUniqueViolation(error) ? await this.findByRequestKey(data.requestKey) : null;
      if (existing) return existing;
      throw error;
    }
  }

  score(input: CalibrationScore, revealMessages: (c: CalibrationRecord) => OutboxEntry[], actor: string): Promise<ScoredCalibration> {
    return this.db.prisma.$transaction(async (tx): Promise<ScoredCalibration> => {
      // Scores serialise on the calibration's row: exactly one of two last scores at once sees everyone scored.
      const [row] = await tx.$queryRaw<Array<{ revealedAt: Date | null; deadline: Date; workspaceId: string }>>`
        SELECT "revealedAt", deadline, "workspaceId" FROM "Calibration" WHERE id = ${input.calibrationId}::uuid FOR UPDATE`;
      if (!row || row.revealedAt || row.deadline <= input.at) return { status: "closed" };
      const key = { calibrationId_memberId: { calibrationId: input.calibrationId, memberId: input.memberId } };
      const seat = await tx.calibrationParticipant.findUnique({ where: key });
      if (!seat) return { status: "not_participant" };
      const { answers } = input;
      await tx.calibrationParticipant.update({
        where: key,
        data: {
          connectionAttempts: answers.connection,
          rapport: answers.rapport,
          unstatedNeeds: answers.unstatedNeeds,
          wow: answers.wow,
          weights: { ...input.weights },
          score: input.score,
          note: input.note,
          scoredAt: input.at,
        },
      });
      await recordAudit(tx, {
        workspaceId: row.workspaceId,
        actor,
        action: "calibration.scored",
        subject: `calibration:${input.calibrationId}`,
        before: seat.scoredAt ? { score: seat.score } : undefined,
        after: { score: input.score },
      });
      const seats = await tx.calibrationParticipant.findMany({ where: { calibrationId: input.calibrationId }, select: { scoredAt: true } });
      const scored = seats.filter((s) => s.scoredAt !== null).length;
      const revealed = scored === seats.length && (await revealIn(tx, input.calibrationId, input.at, revealMessages, actor, "all scored"));
      return { status: "scored", scored, of: seats.length, revealed, replaced: seat.scoredAt !== null };
    });
  }

  async dueForReveal(now: Date, limit: number) {
    const due = await this.db.prisma.calibration.findMany({
      where: { revealedAt: null, deadline: { lte: now } },
      select: { id: true },
      orderBy: { deadline: "asc" },
      take: limit,
    });
    return due.map((c) => c.id);
  }

  reveal(id: string, at: Date, revealMessages: (c: CalibrationRecord) => OutboxEntry[]) {
    return this.db.prisma.$transaction((tx) => revealIn(tx, id, at, revealMessages, "system", "deadline"));
  }
}

/** What the calibration messages show, read when one is delivered. */
export async function calibrationFacts(db: Database, id: string): Promise<CalibrationFacts | null> {
  if (!isUuid(id)) return null;
  const c = await db.prisma.calibration.findUnique({
    where: { id },
    include: {
      ...WITH_SEATS,
      agent: { select: { platformUserId: true, displayName: true } },
      startedBy: { select: { platformUserId: true, displayName: true } },
      workspace: { select: { timezone: true } },
    },
  });
  if (!c) return null;
  return {
    id: c.id,
    agent: c.agent,
    startedBy: c.startedBy,
    reference: c.reference,
    deadline: c.deadline,
    timezone: c.workspace.timezone,
    revealedAt: c.revealedAt,
    seats: c.participants.map((p) => {
      const answers = answersOf(p);
      return { person: p.member, answers, score: answers ? p.score : null, note: answers ? p.note : null };
    }),
  };
}
