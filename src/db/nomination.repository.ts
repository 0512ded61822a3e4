// Nominations on Prisma: the transactional store behind submit-nomination, and the reads views need.
import type { MemberRecord, NewNomination, NominationStore, NominationTx, OutboxEntry } from "../app/ports.js";
import type { BehaviourId } from "../domain/nomination.js";
import type { NominationFacts } from "../views/nomination.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import { enqueueOutbox } from "./outbox.repository.js";
import type { Prisma, PrismaClient } from "./prisma.js";
import { isUuid, toNominationRecord, toPersonRef } from "./records.js";

export class NominationRepository implements NominationStore {
  constructor(private readonly prisma: PrismaClient) {}

  async find(id: string) {
    if (!isUuid(id)) return null;
    const n = await this.prisma.nomination.findUnique({ where: { id } });
    return n && toNominationRecord(n);
  }

  async second(nominationId: string, memberId: string, update: OutboxEntry, at: Date): Promise<"created" | "exists"> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.endorsement.createMany({ data: [{ nominationId, memberId, createdAt: at }], skipDuplicates: true });
      if (count === 0) return "exists";
      await enqueueOutbox(tx, [update], at);
      return "created";
    });
  }

  close(input: { id: string; status: "retracted" | "removed"; by: MemberRecord; at: Date; update: OutboxEntry }): Promise<boolean> {
    const { id, status, by, at, update } = input;
    return this.prisma.$transaction(async (tx) => {
      const data = status === "retracted" ? { status, retractedAt: at } : { status, removedAt: at, removedById: by.id };
      const { count } = await tx.nomination.updateMany({ where: { id, status: "active" }, data });
      if (count === 0) return false;
      await enqueueOutbox(tx, [update], at);
      if (status === "removed") {
        await new AuditLogRepository(tx).record({
          workspaceId: update.workspaceId,
          actor: by.platformUserId,
          action: "nomination.remove",
          subject: `nomination:${id}`,
          before: { status: "active" },
          after: { status },
        });
      }
      return true;
    });
  }

  countSeconds(nominationId: string) {
    return this.prisma.endorsement.count({ where: { nominationId } });
  }

  async findByRequestKey(requestKey: string) {
    const n = await this.prisma.nomination.findUnique({ where: { requestKey } });
    return n && toNominationRecord(n);
  }

  inNominatorLock<T>(workspaceId: string, nominatorId: string, fn: (tx: NominationTx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      // The nominator's row lock serialises their concurrent submissions, so the daily limit and the duplicate
      // rule cannot both pass for two requests at once.
      await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ${nominatorId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
      return fn(nominationTx(tx));
    });
  }
}

function nominationTx(tx: Prisma.TransactionClient): NominationTx {
  return {
    countSince: (nominatorId, since) => tx.nomination.count({ where: { nominatorId, createdAt: { gte: since }, status: { not: "retracted" } } }),
    async findDuplicate({ nominatorId, nomineeId, reference, story, since }) {
      const n = await tx.nomination.findFirst({
        where: { nominatorId, nomineeId, createdAt: { gte: since }, status: "active", ...(reference ? { reference } : { reference: null, story }) },
        orderBy: { createdAt: "desc" },
      });
      return n && toNominationRecord(n);
    },
    async create(data: NewNomination) {
      return toNominationRecord(await tx.nomination.create({ data }));
    },
    async enqueue(entries: OutboxEntry[], at: Date) {
      await enqueueOutbox(tx, entries, at);
    },
  };
}

/** Everything the nomination views show, in one query. */
export async function nominationFacts(prisma: PrismaClient, id: string): Promise<NominationFacts | null> {
  const n = await prisma.nomination.findUnique({
    where: { id },
    include: { nominee: true, nominator: true, _count: { select: { endorsements: true } } },
  });
  if (!n) return null;
  return {
    id: n.id,
    nominee: toPersonRef(n.nominee),
    nominator: toPersonRef(n.nominator),
    story: n.story,
    reference: n.reference,
    behaviours: n.behaviours as BehaviourId[],
    status: n.status,
    seconds: n._count.endorsements,
  };
}
