// Nominations: the transactional store behind submit-nomination, and the reads views need.
import { randomUUID } from "node:crypto";
import type { NominationStore, NominationTx } from "../app/nominations.ports.js";
import type { OutboxEntry } from "../app/outbox-messages.js";
import type { BehaviourId } from "../domain/nomination.js";
import type { MemberRecord, NewNomination } from "../domain/records.js";
import type { NominationFacts } from "../views/nomination.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { Database, SqlSession } from "./database.js";
import { enqueueOutbox } from "./outbox.repository.js";
import { isUuid, toNominationRecord } from "./records.js";

// Columns of a NominationRecord; the enum array is cast because drivers return unknown array types as a literal string.
const NOMINATION = `id, "workspaceId", "nomineeId", "nominatorId", reference, story, behaviours::text[] AS behaviours, status, "sourceChannel", "createdAt"`;
type NominationRow = Parameters<typeof toNominationRecord>[0];

/**
 * What requests and delivery do with nominations runs on the raw driver (a Prisma statement costs about three times
 * the CPU: bench/README.md, "Load"); the rare retraction and removal stay on Prisma.
 */
export class NominationRepository implements NominationStore {
  constructor(private readonly db: Database) {}

  async find(id: string) {
    if (!isUuid(id)) return null;
    const [n] = await this.db.query<NominationRow>(`SELECT ${NOMINATION} FROM "Nomination" WHERE id = $1::uuid`, [id]);
    return n ? toNominationRecord(n) : null;
  }

  second(nominationId: string, memberId: string, update: OutboxEntry, at: Date): Promise<"created" | "exists"> {
    return this.db.transaction(async (tx) => {
      const created = await tx.query(
        `INSERT INTO "Endorsement" (id, "nominationId", "memberId", "createdAt") VALUES ($1::uuid, $2::uuid, $3::uuid, $4)
         ON CONFLICT ("nominationId", "memberId") DO NOTHING RETURNING id`,
        [randomUUID(), nominationId, memberId, at],
      );
      if (created.length === 0) return "exists";
      await enqueueOutbox(tx, [update], at);
      return "created";
    });
  }

  close(input: { id: string; status: "retracted" | "removed"; by: MemberRecord; at: Date; update: OutboxEntry }): Promise<boolean> {
    const { id, status, by, at, update } = input;
    return this.db.prisma.$transaction(async (tx) => {
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

  async countSeconds(nominationId: string) {
    const [row] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Endorsement" WHERE "nominationId" = $1::uuid`, [nominationId]);
    return row?.n ?? 0;
  }

  async findByRequestKey(requestKey: string) {
    const [n] = await this.db.query<NominationRow>(`SELECT ${NOMINATION} FROM "Nomination" WHERE "requestKey" = $1`, [requestKey]);
    return n ? toNominationRecord(n) : null;
  }

  inNominatorLock<T>(workspaceId: string, nominatorId: string, fn: (tx: NominationTx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      // The nominator's row lock serialises their concurrent submissions, so the daily limit and the duplicate
      // rule cannot both pass for two requests at once. NO KEY UPDATE, not UPDATE: it need not wait for the
      // foreign-key locks that every nomination, second and score naming this member takes.
      await tx.query(`SELECT id FROM "Member" WHERE id = $1::uuid AND "workspaceId" = $2::uuid FOR NO KEY UPDATE`, [nominatorId, workspaceId]);
      return fn(nominationTx(tx));
    });
  }
}

function nominationTx(tx: SqlSession): NominationTx {
  return {
    async countSince(nominatorId, since) {
      const [row] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Nomination" WHERE "nominatorId" = $1::uuid AND "createdAt" >= $2 AND status <> 'retracted'`,
        [nominatorId, since],
      );
      return row?.n ?? 0;
    },
    async findDuplicate({ nominatorId, nomineeId, reference, story, since }) {
      const [n] = await tx.query<NominationRow>(
        `SELECT ${NOMINATION} FROM "Nomination"
         WHERE "nominatorId" = $1::uuid AND "nomineeId" = $2::uuid AND "createdAt" >= $3 AND status = 'active'
           AND ${reference ? "reference = $4" : "reference IS NULL AND story = $4"}
         ORDER BY "createdAt" DESC LIMIT 1`,
        [nominatorId, nomineeId, since, reference ?? story],
      );
      return n ? toNominationRecord(n) : null;
    },
    async create(data: NewNomination) {
      const [n] = await tx.query<NominationRow>(
        `INSERT INTO "Nomination" (id, "workspaceId", "nomineeId", "nominatorId", reference, story, behaviours, "sourceChannel", "requestKey", "createdAt")
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6, $7::text[]::"Behaviour"[], $8, $9, $10)
         RETURNING ${NOMINATION}`,
        [
          randomUUID(),
          data.workspaceId,
          data.nomineeId,
          data.nominatorId,
          data.reference,
          data.story,
          data.behaviours,
          data.sourceChannel,
          data.requestKey,
          data.createdAt,
        ],
      );
      return toNominationRecord(n as NominationRow);
    },
    async enqueue(entries: OutboxEntry[], at: Date) {
      await enqueueOutbox(tx, entries, at);
    },
  };
}

/** Everything the nomination views show, in one statement (delivery renders a post from it for every message). */
export async function nominationFacts(db: Pick<Database, "query">, id: string): Promise<NominationFacts | null> {
  if (!isUuid(id)) return null;
  const [n] = await db.query<{
    id: string;
    story: string;
    reference: string | null;
    behaviours: BehaviourId[];
    status: NominationFacts["status"];
    nomineeId: string;
    nomineeName: string;
    nominatorId: string;
    nominatorName: string;
    seconds: number;
  }>(
    `SELECT n.id, n.story, n.reference, n.behaviours::text[] AS behaviours, n.status,
            e."platformUserId" AS "nomineeId", e."displayName" AS "nomineeName",
            r."platformUserId" AS "nominatorId", r."displayName" AS "nominatorName",
            (SELECT count(*)::int FROM "Endorsement" s WHERE s."nominationId" = n.id) AS seconds
     FROM "Nomination" n JOIN "Member" e ON e.id = n."nomineeId" JOIN "Member" r ON r.id = n."nominatorId"
     WHERE n.id = $1::uuid`,
    [id],
  );
  if (!n) return null;
  return {
    id: n.id,
    nominee: { platformUserId: n.nomineeId, displayName: n.nomineeName },
    nominator: { platformUserId: n.nominatorId, displayName: n.nominatorName },
    story: n.story,
    reference: n.reference,
    behaviours: n.behaviours,
    status: n.status,
    seconds: n.seconds,
  };
}
