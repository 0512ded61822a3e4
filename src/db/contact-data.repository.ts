// Service-level days and chat sessions, written set-based: a whole batch is one INSERT ... SELECT FROM unnest(...)
// ON CONFLICT DO UPDATE, so 10,000 rows are one round trip and one transaction. Rows equal to what is stored are not
// rewritten (their updatedAt stays), which is how a resend is told apart from a correction.
import type { ChatSessionInput, ContactDataStore, ServiceLevelDayInput } from "../app/ingest-batch.js";
import type { PrismaClient } from "./prisma.js";

type Written = Array<{ created: number; updated: number }>;

export class ContactDataRepository implements ContactDataStore {
  constructor(private readonly prisma: PrismaClient) {}

  async upsertServiceLevel(workspaceId: string, days: ServiceLevelDayInput[], at: Date) {
    const column = <T>(pick: (d: ServiceLevelDayInput) => T) => days.map(pick);
    // xmax is 0 on a row version this statement inserted, and set on one it updated.
    const [row] = await this.prisma.$queryRaw<Written>`
      WITH written AS (
        INSERT INTO "ServiceLevelDay" (id, "workspaceId", "memberId", date, "customerFacingSeconds", "availableSeconds", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), ${workspaceId}::uuid, d."memberId", d.date, d.facing, d.available, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
        FROM unnest(${column((d) => d.memberId)}::uuid[], ${column((d) => d.date)}::date[], ${column((d) => d.customerFacingSeconds)}::int[],
                    ${column((d) => d.availableSeconds)}::int[]) AS d("memberId", date, facing, available)
        ON CONFLICT ("memberId", date) DO UPDATE
          SET "customerFacingSeconds" = EXCLUDED."customerFacingSeconds", "availableSeconds" = EXCLUDED."availableSeconds", "updatedAt" = EXCLUDED."updatedAt"
          WHERE ("ServiceLevelDay"."customerFacingSeconds", "ServiceLevelDay"."availableSeconds")
                IS DISTINCT FROM (EXCLUDED."customerFacingSeconds", EXCLUDED."availableSeconds")
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM written`;
    return { created: row?.created ?? 0, updated: row?.updated ?? 0 };
  }

  async upsertChatSessions(workspaceId: string, sessions: ChatSessionInput[], at: Date) {
    const column = <T>(pick: (s: ChatSessionInput) => T) => sessions.map(pick);
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const [row] = await this.prisma.$queryRaw<Written>`
      WITH written AS (
        INSERT INTO "ChatSession" (id, "workspaceId", "memberId", "sessionId", "startedAt", "customerLeftAt", "agentClosedAt", "idleSeconds", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), ${workspaceId}::uuid, s."memberId", s."sessionId", s."startedAt", s."customerLeftAt", s."agentClosedAt", s.idle,
               ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
        FROM unnest(${column((s) => s.memberId)}::uuid[], ${column((s) => s.sessionId)}::text[], ${column((s) => iso(s.startedAt))}::timestamptz[],
                    ${column((s) => iso(s.customerLeftAt))}::timestamptz[], ${column((s) => iso(s.agentClosedAt))}::timestamptz[],
                    ${column((s) => s.idleSeconds)}::float8[]) AS s("memberId", "sessionId", "startedAt", "customerLeftAt", "agentClosedAt", idle)
        ON CONFLICT ("workspaceId", "sessionId") DO UPDATE
          SET "memberId" = EXCLUDED."memberId", "startedAt" = EXCLUDED."startedAt", "customerLeftAt" = EXCLUDED."customerLeftAt",
              "agentClosedAt" = EXCLUDED."agentClosedAt", "idleSeconds" = EXCLUDED."idleSeconds", "updatedAt" = EXCLUDED."updatedAt"
          WHERE ("ChatSession"."memberId", "ChatSession"."startedAt", "ChatSession"."customerLeftAt", "ChatSession"."agentClosedAt")
                IS DISTINCT FROM (EXCLUDED."memberId", EXCLUDED."startedAt", EXCLUDED."customerLeftAt", EXCLUDED."agentClosedAt")
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM written`;
    return { created: row?.created ?? 0, updated: row?.updated ?? 0 };
  }
}
