// The reads behind the daily lead digest: fifteen raw SQL queries on one connection, whatever the size of the team
// or the length of its history. Counts, sums and averages are aggregated in SQL; lists come back capped, with their
// full count as a window total. Every value is cast to int, float8 or text so PGlite and pg return the same types.

import { ledgerKey } from "../app/outbox-messages.js";
import {
  DIGEST_COVERAGE_MAX_DAYS,
  DIGEST_LIST_MAX,
  DIGEST_QUALITY_MAX,
  DIGEST_REQUESTS_MAX,
  DIGEST_TEAMS_MAX,
  DIGEST_TOP_MAX,
  digestCoverage,
  MISSED_DATES_MAX,
  missedWorkdays,
  NOT_NOMINATED_DAYS,
} from "../domain/digest.js";
import { FEEDBACK_WINDOW_DAYS, type FeedbackTallies, figuresOf } from "../domain/feedback.js";
import { addDays, localDate, zonedInstant } from "../domain/local-time.js";
import { periodContaining, periodInstants } from "../domain/period.js";
import type { WorkspaceRecord } from "../domain/records.js";
import type { Capped, DigestFacts, TeamLine } from "../views/digest.js";
import type { PersonRef } from "../views/person.js";
import type { Database } from "./database.js";
import { eligibleMember, inProgramme } from "./eligibility.js";
import { TALLIES } from "./feedback.repository.js";

/** Raw SQL on one connection (SqlSession); the benchmark wraps it to count queries. */
export interface DigestSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

type Person = { uid: string; name: string };
const person = (p: Person): PersonRef => ({ platformUserId: p.uid, displayName: p.name });
const capped = <R extends { total: number }, T>(rows: R[], map: (r: R) => T): Capped<T> => ({ total: rows[0]?.total ?? 0, items: rows.map(map) });

/** UUIDs only: a team id is written into the SQL as a literal. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The condition that the member with id `memberId` (an SQL expression) is one of the team's agents now; "" for the
 * workspace's digest. A team's digest is about its agents as the team stands when it is built.
 */
function inTeam(teamId: string | undefined, memberId: string): string {
  return teamId
    ? ` AND EXISTS (SELECT 1 FROM "TeamMembership" tx WHERE tx."memberId" = ${memberId} AND tx."teamId" = '${teamId}'::uuid AND tx.role = 'member' AND tx."to" IS NULL)`
    : "";
}

/**
 * The same condition as inTeam, as a list the planner can drive from: the team's agents' own rows through their
 * (member, time) indexes, instead of the workspace's rows of a 30-day window each checked for membership.
 */
function ofTeam(teamId: string | undefined, memberId: string): string {
  return teamId
    ? ` AND ${memberId} IN (SELECT tx."memberId" FROM "TeamMembership" tx WHERE tx."teamId" = '${teamId}'::uuid AND tx.role = 'member' AND tx."to" IS NULL)`
    : "";
}

/**
 * The digest's reads as production runs them: in one transaction, so its figures come from one snapshot, and
 * without parallel workers. Each statement is a few milliseconds of indexed reads; on a busy two-core machine, starting
 * the workers PostgreSQL planned for the 30-day windows cost more than the reads (100 ms for "look again" alone).
 * `observe` wraps the session (the benchmark counts the statements).
 */
export function readDigestFacts(
  db: Pick<Database, "transaction">,
  workspace: WorkspaceRecord,
  day: string,
  options: DigestOptions = {},
  observe: (sql: DigestSql) => DigestSql = (sql) => sql,
): Promise<DigestFacts> {
  return db.transaction(async (session) => {
    await session.query("SET LOCAL max_parallel_workers_per_gather = 0");
    return digestFacts(observe(session), workspace, day, options);
  });
}

export interface DigestOptions {
  /** The job whose runs mark the days earlier digests covered. */
  digestJob?: string;
  /** A team's digest: its agents only, and its name in the title. */
  teamId?: string;
}

export async function digestFacts(sql: DigestSql, workspace: WorkspaceRecord, day: string, options: DigestOptions = {}): Promise<DigestFacts> {
  const digestJob = options.digestJob ?? "digest";
  const teamId = options.teamId;
  if (teamId !== undefined && !UUID.test(teamId)) throw new Error(`not a team id: ${teamId.slice(0, 80)}`);
  const ws = workspace.id;
  const tz = workspace.timezone;
  const s = workspace.settings;
  // The last day a digest run was claimed before this one (the greatest "<workspace>:<date>" key): this digest covers
  // what came after the days that one covered.
  const [last] = await sql.query<{ key: string | null }>(
    `SELECT max(j.key) AS key FROM "JobRun" j WHERE j.job = $1 AND starts_with(j.key, $2) AND j.key < $3`,
    [digestJob, `${ws}:`, `${ws}:${day}`],
  );
  const lastRun = last?.key ? last.key.slice(ws.length + 1) : null;
  const covered = digestCoverage(day, s.workdays, lastRun);
  const from = zonedInstant(covered.from, "00:00", tz);
  const to = zonedInstant(addDays(covered.to, 1), "00:00", tz);
  const dayFrom = zonedInstant(day, "00:00", tz);
  const dayTo = zonedInstant(addDays(day, 1), "00:00", tz);
  const fairnessFrom = zonedInstant(addDays(covered.to, 1 - NOT_NOMINATED_DAYS), "00:00", tz);
  const period = periodContaining(covered.to, s.attendancePeriod);
  const L = DIGEST_LIST_MAX;

  const top = await sql.query<{ story: string; seconds: number; total: number; nominee_uid: string; nominee_name: string; by_uid: string; by_name: string }>(
    `SELECT n.story, (SELECT count(*) FROM "Endorsement" e WHERE e."nominationId" = n.id)::int AS seconds, count(*) OVER ()::int AS total,
       ee."platformUserId" AS nominee_uid, ee."displayName" AS nominee_name, er."platformUserId" AS by_uid, er."displayName" AS by_name
     FROM "Nomination" n JOIN "Member" ee ON ee.id = n."nomineeId" JOIN "Member" er ON er.id = n."nominatorId"
     WHERE n."workspaceId" = $1::uuid AND n.status = 'active' AND n."createdAt" >= $2 AND n."createdAt" < $3${inTeam(teamId, "ee.id")}
     ORDER BY seconds DESC, n."createdAt" LIMIT $4`,
    [ws, from, to, DIGEST_TOP_MAX],
  );
  // Agents enrolled for the whole window: someone who joined two days ago, or a lead, was never "not recognised".
  const notNominated = await sql.query<Person & { total: number }>(
    `SELECT m."platformUserId" AS uid, m."displayName" AS name, count(*) OVER ()::int AS total
     FROM "Member" m
     WHERE m."workspaceId" = $1::uuid AND ${inProgramme("m")} AND m.role = 'agent' AND m."joinedAt" <= $2 AND NOT EXISTS (
       SELECT 1 FROM "Nomination" n WHERE n."nomineeId" = m.id AND n.status = 'active' AND n."createdAt" >= $2 AND n."createdAt" < $3)${inTeam(teamId, "m.id")}
     ORDER BY m."displayName", m."platformUserId" LIMIT $4`,
    [ws, fairnessFrom, to, L],
  );
  const scores = await sql.query<{
    score: number;
    reference: string;
    total: number;
    average: number;
    met: number;
    agent_uid: string;
    agent_name: string;
    by_uid: string;
    by_name: string;
  }>(
    `SELECT s.score, s.reference, count(*) OVER ()::int AS total, (avg(s.score) OVER ())::float8 AS average,
       (count(*) FILTER (WHERE s.score >= $4) OVER ())::int AS met,
       a."platformUserId" AS agent_uid, a."displayName" AS agent_name, b."platformUserId" AS by_uid, b."displayName" AS by_name
     FROM "QuickScore" s JOIN "Member" a ON a.id = s."agentId" JOIN "Member" b ON b.id = s."scorerId"
     WHERE s."workspaceId" = $1::uuid AND s."supersededById" IS NULL AND s."createdAt" >= $2 AND s."createdAt" < $3${inTeam(teamId, "a.id")}
     ORDER BY s.score, s."createdAt" LIMIT $5`,
    [ws, from, to, s.scoreGoal, DIGEST_TOP_MAX],
  );
  const occurrences = await sql.query<Person & { type: "absence" | "late" | "excused"; date: string; total: number }>(
    `SELECT m."platformUserId" AS uid, m."displayName" AS name, o.type::text AS type, to_char(o.date, 'YYYY-MM-DD') AS date, count(*) OVER ()::int AS total
     FROM "AttendanceOccurrence" o JOIN "Member" m ON m.id = o."memberId"
     WHERE o."workspaceId" = $1::uuid AND o.date >= $2::date AND o.date <= $3::date AND o."deletedAt" IS NULL${inTeam(teamId, "m.id")}
     ORDER BY m."displayName", o.date, o.type LIMIT $4`,
    [ws, covered.from, covered.to, L],
  );
  const atRisk = await sql.query<Person & { points: number; total: number }>(
    `SELECT m."platformUserId" AS uid, m."displayName" AS name, p.points::float8 AS points, count(*) OVER ()::int AS total
     FROM (SELECT o."memberId", sum(o.points) AS points FROM "AttendanceOccurrence" o
           WHERE o."workspaceId" = $1::uuid AND o."deletedAt" IS NULL AND o.date >= $2::date AND o.date < $3::date
           GROUP BY o."memberId" HAVING sum(o.points) >= $4::numeric) p
     JOIN "Member" m ON m.id = p."memberId"
     WHERE m.active${inTeam(teamId, "m.id")}
     ORDER BY p.points DESC, m."displayName" LIMIT $5`,
    [ws, period.start, period.end, s.riskThresholdPoints, L],
  );
  const [zero] = await sql.query<{ eligible: number; zero: number }>(
    `SELECT count(*)::int AS eligible, (count(*) FILTER (WHERE p."memberId" IS NULL))::int AS zero
     FROM "Member" m LEFT JOIN (
       SELECT o."memberId" FROM "AttendanceOccurrence" o
       WHERE o."workspaceId" = $1::uuid AND o."deletedAt" IS NULL AND o.points > 0 AND o.date >= $2::date AND o.date < $3::date
       GROUP BY o."memberId") p ON p."memberId" = m.id
     WHERE m."workspaceId" = $1::uuid AND ${eligibleMember("m", periodInstants(period, tz))}${inTeam(teamId, "m.id")}`,
    [ws, period.start, period.end],
  );
  const closes = await sql.query<{ start: string; end: string; evaluated: number; clean: number; hours: number }>(
    `SELECT to_char(r."periodStart", 'YYYY-MM-DD') AS start, to_char(r."periodEnd", 'YYYY-MM-DD') AS "end", count(*)::int AS evaluated,
       (count(*) FILTER (WHERE r.clean))::int AS clean, coalesce(sum(r."hoursCredited"), 0)::float8 AS hours
     FROM "PeriodResult" r
     WHERE r."workspaceId" = $1::uuid AND r."closedAt" >= $2 AND r."closedAt" < $3${inTeam(teamId, 'r."memberId"')}
     GROUP BY r."periodStart", r."periodEnd" ORDER BY r."periodStart"`,
    [ws, dayFrom, dayTo],
  );
  // Credits of period closes are reported by the close lines of the digest of the day they closed (the closes above):
  // counting them again here put each in two digests. Late credits and other credits of the covered days remain.
  const [credited] = await sql.query<{ hours: number }>(
    `SELECT coalesce(sum(l.hours), 0)::float8 AS hours FROM "PtoLedgerEntry" l
     WHERE l."workspaceId" = $1::uuid AND l.kind = 'credit' AND l."createdAt" >= $2 AND l."createdAt" < $3
       AND NOT starts_with(l."dedupeKey", '${ledgerKey.closeCreditPrefix}')${inTeam(teamId, 'l."memberId"')}`,
    [ws, from, to],
  );
  const pending = await sql.query<Person & { id: string; date: string; hours: number; total: number }>(
    `SELECT r.id::text AS id, to_char(r.date, 'YYYY-MM-DD') AS date, r.hours::float8 AS hours, count(*) OVER ()::int AS total,
       m."platformUserId" AS uid, m."displayName" AS name
     FROM "PtoRequest" r JOIN "Member" m ON m.id = r."memberId"
     WHERE r."workspaceId" = $1::uuid AND r.status = 'pending'${inTeam(teamId, "m.id")}
     ORDER BY r.date, r."createdAt" LIMIT $2`,
    [ws, DIGEST_REQUESTS_MAX],
  );
  // Over several days, each member's share is their customer-facing time over their available time, summed.
  const [team] = await sql.query<{ reporting: number; facing: number | null; available: number | null }>(
    `SELECT count(DISTINCT d."memberId")::int AS reporting, sum(d."customerFacingSeconds")::float8 AS facing, sum(d."availableSeconds")::float8 AS available
     FROM "ServiceLevelDay" d WHERE d."workspaceId" = $1::uuid AND d.date >= $2::date AND d.date <= $3::date${inTeam(teamId, 'd."memberId"')}`,
    [ws, covered.from, covered.to],
  );
  const below = await sql.query<Person & { percent: number; total: number }>(
    `SELECT m."platformUserId" AS uid, m."displayName" AS name, (100.0 * d.facing / d.available)::float8 AS percent, count(*) OVER ()::int AS total
     FROM (SELECT d."memberId", sum(d."customerFacingSeconds") AS facing, sum(d."availableSeconds") AS available
           FROM "ServiceLevelDay" d WHERE d."workspaceId" = $1::uuid AND d.date >= $2::date AND d.date <= $3::date
           GROUP BY d."memberId") d
     JOIN "Member" m ON m.id = d."memberId"
     WHERE d.available > 0 AND 100.0 * d.facing < $4::float8 * d.available${inTeam(teamId, "m.id")}
     ORDER BY percent, m."displayName" LIMIT $5`,
    [ws, covered.from, covered.to, s.serviceLevelTarget, L],
  );
  // Closed sessions left idle over the threshold, and sessions still open whose customer left more than the threshold
  // before the end of the covered days: idle by the time since the customer left, "still open" (an agent with a chat
  // open after the customer disconnected is exactly the practice the figure is about). Open ones older than the
  // longest coverage are left out: a session nobody closed for weeks is a broken export, not an idle chat.
  const idle = await sql.query<Person & { sessions: number; open: number; longest: number; agents: number; total: number }>(
    `SELECT m."platformUserId" AS uid, m."displayName" AS name, count(*)::int AS sessions, (count(*) FILTER (WHERE i.open))::int AS open,
       max(i.idle)::float8 AS longest, count(*) OVER ()::int AS agents, (sum(count(*)) OVER ())::int AS total
     FROM (
       SELECT c."memberId", c."idleSeconds" AS idle, false AS open FROM "ChatSession" c
       WHERE c."workspaceId" = $1::uuid AND c."agentClosedAt" >= $2 AND c."agentClosedAt" < $3 AND c."idleSeconds" > $4
       UNION ALL
       SELECT c."memberId", extract(epoch FROM $3::timestamptz - c."customerLeftAt")::float8, true FROM "ChatSession" c
       WHERE c."workspaceId" = $1::uuid AND c."agentClosedAt" IS NULL AND c."customerLeftAt" < $3::timestamptz - make_interval(secs => $4)
         AND c."customerLeftAt" >= $3::timestamptz - make_interval(days => $6)
     ) i JOIN "Member" m ON m.id = i."memberId"
     WHERE true${inTeam(teamId, "m.id")}
     GROUP BY m.id, m."platformUserId", m."displayName"
     ORDER BY sessions DESC, longest DESC, m."displayName" LIMIT $5`,
    [ws, from, to, s.idleChatThresholdSeconds, L, DIGEST_COVERAGE_MAX_DAYS],
  );

  // A team's digest names its team; the workspace's has a line per team (none before teams exist).
  const [named] = teamId ? await sql.query<{ name: string }>(`SELECT name FROM "Team" WHERE id = $1::uuid`, [teamId]) : [];
  const agentsOf = (role: string) => `FROM "TeamMembership" x WHERE x."teamId" = t.id AND x.role = '${role}' AND x."to" IS NULL`;
  const teams = teamId
    ? []
    : await sql.query<TeamLine & { total: number }>(
        `SELECT t.name,
           (SELECT string_agg(m."displayName", ', ' ORDER BY m."displayName") FROM "TeamMembership" x JOIN "Member" m ON m.id = x."memberId"
              WHERE x."teamId" = t.id AND x.role = 'lead' AND x."to" IS NULL) AS leads,
           count(*) OVER ()::int AS total,
           (SELECT count(*) ${agentsOf("member")})::int AS agents,
           (SELECT count(*) ${agentsOf("member")} AND NOT EXISTS (SELECT 1 FROM "AttendanceOccurrence" o WHERE o."memberId" = x."memberId"
              AND o."deletedAt" IS NULL AND o.points > 0 AND o.date >= $2::date AND o.date < $3::date))::int AS zero,
           (SELECT count(*) FROM "Nomination" n WHERE n.status = 'active' AND n."createdAt" >= $4 AND n."createdAt" < $5
              AND n."nomineeId" IN (SELECT x."memberId" ${agentsOf("member")}))::int AS nominations,
           q.scores, q.average, (100.0 * v."csatSatisfied" / nullif(v."csatCount", 0))::float8 AS csat,
           (SELECT count(*) FROM "PtoRequest" r WHERE r.status = 'pending' AND r."memberId" IN (SELECT x."memberId" ${agentsOf("member")}))::int AS pending
         FROM "Team" t
         CROSS JOIN LATERAL (SELECT count(*)::int AS scores, avg(s.score)::float8 AS average FROM "QuickScore" s
           WHERE s."supersededById" IS NULL AND s."createdAt" >= $4 AND s."createdAt" < $5
             AND s."agentId" IN (SELECT x."memberId" ${agentsOf("member")})) q
         CROSS JOIN LATERAL (SELECT ${TALLIES} FROM "CustomerFeedback" cf WHERE cf."receivedAt" >= $7 AND cf."receivedAt" < $5
             AND cf."memberId" IN (SELECT x."memberId" ${agentsOf("member")})) v
         WHERE t."workspaceId" = $1::uuid AND t."deletedAt" IS NULL
         ORDER BY t.name LIMIT $6`,
        [ws, period.start, period.end, from, to, DIGEST_TEAMS_MAX, new Date(to.getTime() - FEEDBACK_WINDOW_DAYS * 86_400_000)],
      );
  // The customer's voice (PRODUCT.md §9) over the 30 days up to the end of the covered days, beside the quick scores
  // of the same days; then what leads should look at: disagreements, undecided candidates, open reviews.
  const voiceFrom = new Date(to.getTime() - FEEDBACK_WINDOW_DAYS * 86_400_000);
  // One statement for the customer's voice and the three lists of what leads should look at (a round trip and a plan
  // each cost a team's digest more than its reads): each list as JSON, capped, with its full count.
  //  - voice: 30 days up to the end of the covered days, quick scores and feedback of the same days;
  //  - look again: what became known in the covered days (a score given then on an interaction the customer rated at
  //    any time, or a rating received then on a scored interaction), so a disagreement is listed once, in the digest
  //    of the day its second half arrived, not every day for a month;
  //  - undecided customer wows and open reviews.
  const list = (select: string, order: string) =>
    `(SELECT coalesce(json_agg(x ORDER BY x.i), '[]'::json) FROM (SELECT y.*, row_number() OVER (ORDER BY ${order}) AS i, count(*) OVER () AS total FROM (${select}) y ORDER BY ${order} LIMIT $5) x)`;
  const [quality] = await sql.query<{
    voice: FeedbackTallies & { scores: number; average: number | null };
    look: Array<Person & { reference: string; score: number; csat: number; total: number }>;
    candidates: Array<Person & { expires: string; total: number }>;
    reviews: Array<Person & { reference: string; score: number; by_uid: string; by_name: string; total: number }>;
  }>(
    `SELECT
       (SELECT json_build_object('scores', q.scores, 'average', q.average, 'csatCount', f."csatCount", 'csatSatisfied', f."csatSatisfied",
                                 'npsCount', f."npsCount", 'promoters', f.promoters, 'detractors', f.detractors) FROM
          (SELECT count(*)::int AS scores, avg(s.score)::float8 AS average FROM "QuickScore" s
           WHERE s."workspaceId" = $1::uuid AND s."supersededById" IS NULL AND s."createdAt" >= $2 AND s."createdAt" < $3${ofTeam(teamId, 's."agentId"')}) q,
          (SELECT ${TALLIES} FROM "CustomerFeedback" cf
           WHERE cf."workspaceId" = $1::uuid AND cf."receivedAt" >= $2 AND cf."receivedAt" < $3${ofTeam(teamId, 'cf."memberId"')}) f) AS voice,
       ${list(
         `SELECT m."platformUserId" AS uid, m."displayName" AS name, d.reference, d.score, d.csat, d.at
          FROM (
            SELECT s."agentId", s.reference, s.score, cf.csat, greatest(s."createdAt", cf."receivedAt") AS at
            FROM "QuickScore" s JOIN "CustomerFeedback" cf ON cf."workspaceId" = s."workspaceId" AND cf."interactionRef" = s.reference AND cf."memberId" = s."agentId"
            WHERE s."workspaceId" = $1::uuid AND s."supersededById" IS NULL AND s."createdAt" >= $6 AND s."createdAt" < $3${ofTeam(teamId, 's."agentId"')}
            UNION
            SELECT s."agentId", s.reference, s.score, cf.csat, greatest(s."createdAt", cf."receivedAt")
            FROM "CustomerFeedback" cf JOIN "QuickScore" s ON s."workspaceId" = cf."workspaceId" AND s."agentId" = cf."memberId" AND s.reference = cf."interactionRef"
            WHERE cf."workspaceId" = $1::uuid AND cf."receivedAt" >= $6 AND cf."receivedAt" < $3 AND s."supersededById" IS NULL${ofTeam(teamId, 'cf."memberId"')}
          ) d JOIN "Member" m ON m.id = d."agentId"
          WHERE d.csat IS NOT NULL AND ((d.score >= $4 AND d.csat <= 2) OR (d.score < $4 AND d.csat = 5))`,
         "y.at DESC, y.name",
       )} AS look,
       ${list(
         `SELECT m."platformUserId" AS uid, m."displayName" AS name, c."expiresAt" AS at, to_char(c."expiresAt" AT TIME ZONE $7, 'YYYY-MM-DD') AS expires
          FROM "WowCandidate" c JOIN "Member" m ON m.id = c."agentId"
          WHERE c."workspaceId" = $1::uuid AND c.status = 'pending' AND c."expiresAt" > $8${ofTeam(teamId, 'c."agentId"')}`,
         "y.at, y.name",
       )} AS candidates,
       ${list(
         `SELECT m."platformUserId" AS uid, m."displayName" AS name, r."createdAt" AS at, q.reference, q.score, b."platformUserId" AS by_uid, b."displayName" AS by_name
          FROM "ScoreReview" r JOIN "QuickScore" q ON q.id = r."scoreId" JOIN "Member" m ON m.id = r."agentId" JOIN "Member" b ON b.id = q."scorerId"
          WHERE r."workspaceId" = $1::uuid AND r.status = 'open'${ofTeam(teamId, 'r."agentId"')}`,
         "y.at, y.name",
       )} AS reviews`,
    [ws, voiceFrom, to, s.scoreGoal, DIGEST_QUALITY_MAX, from, tz, dayTo],
  );
  const voice = quality?.voice;
  const lookAgain = quality?.look ?? [];
  const candidates = quality?.candidates ?? [];
  const reviews = quality?.reviews ?? [];
  const missed = missedWorkdays(lastRun, day, s.workdays, localDate(workspace.createdAt, tz));
  return {
    workspaceName: workspace.name,
    team: named?.name ?? null,
    teams: capped(teams, ({ total: _total, ...line }) => line),
    day,
    covered,
    missed: { total: missed.length, items: missed.slice(0, MISSED_DATES_MAX) },
    recognition: {
      nominations: top[0]?.total ?? 0,
      top: top.map((t) => ({
        nominee: person({ uid: t.nominee_uid, name: t.nominee_name }),
        nominator: person({ uid: t.by_uid, name: t.by_name }),
        story: t.story,
        seconds: t.seconds,
      })),
      notNominated: capped(notNominated, person),
      notNominatedDays: NOT_NOMINATED_DAYS,
    },
    quality: {
      scores: scores[0]?.total ?? 0,
      average: scores[0]?.average ?? null,
      metGoal: scores[0]?.met ?? 0,
      goal: s.scoreGoal,
      lowest: scores.map((r) => ({
        agent: person({ uid: r.agent_uid, name: r.agent_name }),
        scorer: person({ uid: r.by_uid, name: r.by_name }),
        score: r.score,
        reference: r.reference,
      })),
      lastDays: FEEDBACK_WINDOW_DAYS,
      recentScores: { count: voice?.scores ?? 0, average: voice?.average ?? null },
      feedback: figuresOf(voice ?? { csatCount: 0, csatSatisfied: 0, npsCount: 0, promoters: 0, detractors: 0 }),
      lookAgain: capped(lookAgain, (r) => ({ agent: person(r), reference: r.reference, score: r.score, csat: r.csat })),
      candidates: capped(candidates, (c) => ({ agent: person(c), expires: c.expires })),
      reviews: capped(reviews, (r) => ({ agent: person(r), scorer: person({ uid: r.by_uid, name: r.by_name }), score: r.score, reference: r.reference })),
    },
    attendance: {
      occurrences: capped(occurrences, (o) => ({ person: person(o), type: o.type, date: o.date })),
      period: { kind: period.kind, start: period.start, end: period.end },
      riskThreshold: s.riskThresholdPoints,
      atRisk: capped(atRisk, (r) => ({ person: person(r), points: r.points })),
      zeroPoints: zero?.zero ?? 0,
      eligible: zero?.eligible ?? 0,
      closes,
    },
    pto: {
      hoursCredited: credited?.hours ?? 0,
      pending: capped(pending, (r) => ({ requestId: r.id, person: person(r), date: r.date, hours: r.hours })),
    },
    serviceLevel: {
      reporting: team?.reporting ?? 0,
      team: team?.available ? (100 * (team.facing ?? 0)) / team.available : null,
      target: s.serviceLevelTarget,
      below: capped(below, (b) => ({ person: person(b), percent: b.percent })),
    },
    idleChats: {
      thresholdSeconds: s.idleChatThresholdSeconds,
      sessions: idle[0]?.total ?? 0,
      byAgent: { total: idle[0]?.agents ?? 0, items: idle.map((i) => ({ person: person(i), sessions: i.sessions, open: i.open, longestSeconds: i.longest })) },
    },
  };
}
