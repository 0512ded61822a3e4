// The rows behind exports, one keyset-paginated batch at a time: each query seeks past the last row it returned
// (time or date, then id) on the workspace's (workspaceId, createdAt|date) index, so a batch costs the same at row
// 400,000 as at row 0. People come joined in, by platform user id, name and email.
import type { ExportCursor, ExportKind, ExportRow, ExportStore, ExportWindow } from "../app/exports.js";
import type { AuditRecord } from "../domain/records.js";
import { Prisma } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { PrismaClient } from "./prisma.js";

const { sql, empty } = Prisma;

/** Filters on a timestamp column: the window's instants, and the seek past the cursor. */
function byInstant(column: Prisma.Sql, id: Prisma.Sql, window: ExportWindow, after: ExportCursor | null): Prisma.Sql {
  const from = window.fromInstant ? sql` AND ${column} >= ${window.fromInstant}` : empty;
  const until = window.untilInstant ? sql` AND ${column} < ${window.untilInstant}` : empty;
  const seek = after ? sql` AND ${column} >= ${after.key} AND (${column} > ${after.key} OR ${id} > ${after.id}::uuid)` : empty;
  return sql`${from}${until}${seek}`;
}

/** Filters on a date column: the window's local dates (inclusive), and the seek past the cursor. */
function byDate(column: Prisma.Sql, id: Prisma.Sql, window: ExportWindow, after: ExportCursor | null): Prisma.Sql {
  const from = window.fromDate ? sql` AND ${column} >= ${window.fromDate}::date` : empty;
  const to = window.toDate ? sql` AND ${column} <= ${window.toDate}::date` : empty;
  const seek = after ? sql` AND ${column} >= ${after.key}::date AND (${column} > ${after.key}::date OR ${id} > ${after.id}::uuid)` : empty;
  return sql`${from}${to}${seek}`;
}

const people = (alias: string, role: string) =>
  Prisma.raw(`${alias}."platformUserId" AS "${role}UserId", ${alias}."displayName" AS "${role}Name", ${alias}.email AS "${role}Email"`);

export class ExportRepository implements ExportStore {
  constructor(private readonly prisma: PrismaClient) {}

  async batch(kind: ExportKind, workspaceId: string, window: ExportWindow, after: ExportCursor | null, limit: number) {
    const rows = await this.prisma.$queryRaw<ExportRow[]>(this.query(kind, workspaceId, window, after, limit));
    const last = rows.at(-1);
    const key = last && (kind === "attendance" ? last.date : last.createdAt);
    return { rows, last: last && key !== null && key !== undefined ? { key: key as Date | string, id: String(last.id) } : null };
  }

  audit(entry: AuditRecord): Promise<void> {
    return new AuditLogRepository(this.prisma).record(entry);
  }

  private query(kind: ExportKind, workspaceId: string, window: ExportWindow, after: ExportCursor | null, limit: number): Prisma.Sql {
    switch (kind) {
      case "nominations":
        return sql`
          SELECT n.id::text AS id, n."createdAt", ${people("ne", "nominee")}, ${people("nr", "nominator")},
            n.reference, n.story, array_to_string(n.behaviours::text[], ';') AS behaviours,
            (SELECT count(*)::int FROM "Endorsement" e WHERE e."nominationId" = n.id) AS seconds,
            n.status::text AS status, COALESCE(n."retractedAt", n."removedAt") AS "statusChangedAt"
          FROM "Nomination" n
          JOIN "Member" ne ON ne.id = n."nomineeId"
          JOIN "Member" nr ON nr.id = n."nominatorId"
          WHERE n."workspaceId" = ${workspaceId}::uuid ${byInstant(sql`n."createdAt"`, sql`n.id`, window, after)}
          ORDER BY n."createdAt", n.id
          LIMIT ${limit}`;
      case "scores":
        return sql`
          SELECT s.id::text AS id, s."createdAt", ${people("a", "agent")}, ${people("sc", "scorer")},
            s.reference, s.channel::text AS channel, s."connectionAttempts", s.rapport::text AS rapport,
            s."unstatedNeeds"::text AS "unstatedNeeds", s.wow::text AS wow, s.score, s.note,
            CASE WHEN s."supersededById" IS NULL THEN 'current' ELSE 'superseded' END AS status,
            s."supersededById"::text AS "supersededBy"
          FROM "QuickScore" s
          JOIN "Member" a ON a.id = s."agentId"
          JOIN "Member" sc ON sc.id = s."scorerId"
          WHERE s."workspaceId" = ${workspaceId}::uuid ${byInstant(sql`s."createdAt"`, sql`s.id`, window, after)}
          ORDER BY s."createdAt", s.id
          LIMIT ${limit}`;
      case "attendance":
        return sql`
          SELECT o.id::text AS id, to_char(o.date, 'YYYY-MM-DD') AS date, ${people("m", "member")},
            o.type::text AS type, o.points::float8 AS points, o.note, o."recordedBy", o."createdAt",
            CASE WHEN o."deletedAt" IS NULL THEN 'live' ELSE 'deleted' END AS status, o."deletedAt", o."deletedBy"
          FROM "AttendanceOccurrence" o
          JOIN "Member" m ON m.id = o."memberId"
          WHERE o."workspaceId" = ${workspaceId}::uuid ${byDate(sql`o.date`, sql`o.id`, window, after)}
          ORDER BY o.date, o.id
          LIMIT ${limit}`;
      case "ledger":
        return sql`
          SELECT l.id::text AS id, l."createdAt", ${people("m", "member")}, l.kind::text AS kind, l.hours::float8 AS hours,
            l.reason, l.actor, to_char(p."periodStart", 'YYYY-MM-DD') AS "periodStart",
            to_char(p."periodEnd" - 1, 'YYYY-MM-DD') AS "periodLastDay", to_char(r.date, 'YYYY-MM-DD') AS "paidDay"
          FROM "PtoLedgerEntry" l
          JOIN "Member" m ON m.id = l."memberId"
          LEFT JOIN "PeriodResult" p ON p.id = l."periodResultId"
          LEFT JOIN "PtoRequest" r ON r.id = l."ptoRequestId"
          WHERE l."workspaceId" = ${workspaceId}::uuid ${byInstant(sql`l."createdAt"`, sql`l.id`, window, after)}
          ORDER BY l."createdAt", l.id
          LIMIT ${limit}`;
      case "calibrations":
        return calibrationRows(workspaceId, window, after, limit);
      case "feedback":
        // By when the customer answered (as "createdAt", the cursor's key).
        return sql`
          SELECT f.id::text AS id, f."feedbackId", f."receivedAt" AS "createdAt", ${people("m", "member")}, f.csat, f.nps, f.comment,
            f."interactionRef", f.channel, c.status::text AS candidate
          FROM "CustomerFeedback" f
          JOIN "Member" m ON m.id = f."memberId"
          LEFT JOIN "WowCandidate" c ON c."feedbackId" = f.id
          WHERE f."workspaceId" = ${workspaceId}::uuid ${byInstant(sql`f."receivedAt"`, sql`f.id`, window, after)}
          ORDER BY f."receivedAt", f.id
          LIMIT ${limit}`;
    }
  }
}

/**
 * Calibrations, one row per lead taking part, by the calibration's creation and then "calibrationId:memberId" (the
 * row's cursor id, compared byte-wise). Answers, scores and the spread stay empty until the reveal: it is blind.
 */
function calibrationRows(workspaceId: string, window: ExportWindow, after: ExportCursor | null, limit: number): Prisma.Sql {
  const rowId = sql`(c.id::text || ':' || p."memberId"::text) COLLATE "C"`;
  const from = window.fromInstant ? sql` AND c."createdAt" >= ${window.fromInstant}` : empty;
  const until = window.untilInstant ? sql` AND c."createdAt" < ${window.untilInstant}` : empty;
  const seek = after ? sql` AND c."createdAt" >= ${after.key} AND (c."createdAt" > ${after.key} OR ${rowId} > ${after.id})` : empty;
  const shown = (column: string, cast = "") => Prisma.raw(`CASE WHEN c."revealedAt" IS NOT NULL THEN p."${column}"${cast} END AS "${column}"`);
  return sql`
    SELECT ${rowId} AS id, c.id::text AS "calibrationId", c.reference, ${people("a", "agent")}, ${people("s", "started_by")},
      c."createdAt", c.deadline, c."revealedAt", ${people("m", "lead")}, p."scoredAt",
      ${shown("connectionAttempts")}, ${shown("rapport", "::text")}, ${shown("unstatedNeeds", "::text")}, ${shown("wow", "::text")},
      ${shown("note")}, ${shown("score")},
      CASE WHEN c."revealedAt" IS NOT NULL THEN
        (SELECT max(q.score) - min(q.score) FROM "CalibrationParticipant" q WHERE q."calibrationId" = c.id) END AS spread
    FROM "CalibrationParticipant" p
    JOIN "Calibration" c ON c.id = p."calibrationId"
    JOIN "Member" a ON a.id = c."agentId"
    JOIN "Member" s ON s.id = c."startedById"
    JOIN "Member" m ON m.id = p."memberId"
    WHERE c."workspaceId" = ${workspaceId}::uuid ${from}${until}${seek}
    ORDER BY c."createdAt", ${rowId}
    LIMIT ${limit}`;
}
