// Digest benchmark: builds the daily lead digest on PostgreSQL for workspaces of 5,000 and 500 members with a year of
// history, and 5,000 members with a month, seeded set-based with generate_series. Prints the median build time of
// several runs and the number of SQL queries each build issues (the same for every size and history length).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildDigest } from "../src/app/digest.js";
import { openDatabase } from "../src/db/database.js";
import { type DigestSql, readDigestFacts } from "../src/db/digest-facts.js";
import { applyMigrations } from "../src/db/migrate.js";
import { WorkspaceRepository } from "../src/db/workspace.repository.js";
import type { WorkspaceRecord } from "../src/domain/records.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo } from "./lib.js";

const TARGET_MS = 500;
const TIMEZONE = "America/New_York";
/** The digest day: Friday 30 October 2026, covering Thursday the 29th; history ends with that day. */
const DIGEST_DAY = "2026-10-30";
const HISTORY_END = "2026-10-30";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "5000" },
    compare: { type: "string", default: "500" },
    runs: { type: "string", default: "7" },
    "timeout-seconds": { type: "string", default: "900" },
    teams: { type: "string", default: "200" },
    explain: { type: "boolean", default: false },
  },
});
const members = Number(values.members);
const compare = Number(values.compare);
const runs = Number(values.runs);
const timeoutSeconds = Number(values["timeout-seconds"]);
const teamCount = Number(values.teams);
/** Issue 20: every team's digest of a workspace split into teams, built in at most this long in all. */
const TEAMS_TARGET_MS = 5_000;
function usage(message: string): never {
  console.error(`bench/digest.ts: ${message}`);
  process.exit(2);
}
if (!Number.isInteger(members) || members < 10 || members > 100_000) usage(`--members must be an integer from 10 to 100000, got ${values.members}`);
if (!Number.isInteger(compare) || compare < 10 || compare > 100_000) usage(`--compare must be an integer from 10 to 100000, got ${values.compare}`);
if (!Number.isInteger(runs) || runs < 1 || runs > 100) usage(`--runs must be an integer from 1 to 100, got ${values.runs}`);
if (!Number.isInteger(teamCount) || teamCount < 0 || teamCount > 2_000) usage(`--teams must be an integer from 0 to 2000, got ${values.teams}`);

interface Case {
  label: string;
  members: number;
  days: number;
}
// Per member and year, as the issue sizes a 5,000-member year: 100 quick scores, 20 nominations (1-3 seconds each),
// 10 occurrences, a service-level row each workday, 20 chat sessions, weekly period results, credits and requests.
const CASES: Case[] = [
  { label: `${members} members, 12 months`, members, days: 365 },
  { label: `${compare} members, 12 months`, members: compare, days: 365 },
  { label: `${members} members, 1 month`, members, days: 30 },
];

/** Seeds one workspace set-based; returns its id. Each statement is one INSERT ... SELECT over generate_series. */
async function seed(client: pg.Client, c: Case, index: number): Promise<string> {
  const m = c.members;
  const perYear = (n: number) => Math.round((n * m * c.days) / 365);
  const start = `('${HISTORY_END}'::date - ${c.days})`;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Workspace" (id, platform, "externalId", name, timezone, settings, "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), 'slack', $1, $2, $3, '{"leadsChannel":"C0LEADS"}', $4::date - 400, now()) RETURNING id`,
    [`TBENCH${index}`, c.label, TIMEZONE, HISTORY_END],
  );
  const ws = rows[0]?.id as string;
  const q = (sql: string) => client.query(sql.replaceAll(":ws", `'${ws}'::uuid`));
  await q(`INSERT INTO "Member" (id, "workspaceId", "platformUserId", "displayName", role, "joinedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), :ws, 'U' || lpad(i::text, 8, '0'), 'member ' || i, (CASE WHEN i % 50 = 0 THEN 'lead' ELSE 'agent' END)::"Role",
      '2024-01-01', now(), now() FROM generate_series(0, ${m - 1}) i`);
  await q(`DROP TABLE IF EXISTS mm; CREATE TEMP TABLE mm AS SELECT (row_number() OVER (ORDER BY "platformUserId") - 1)::int AS n, id FROM "Member" WHERE "workspaceId" = :ws;
    CREATE UNIQUE INDEX ON mm (n); ANALYZE mm`);
  // Quick scores spread evenly over the history, with the time of day varying.
  await q(`INSERT INTO "QuickScore" (id, "workspaceId", "agentId", "scorerId", reference, channel, "connectionAttempts", rapport, "unstatedNeeds", wow, weights, score, "createdAt")
    SELECT gen_random_uuid(), :ws, a.id, s.id, 'T-' || i, 'chat', 2, 'yes', 'partly', 'no', '{"connection":25,"rapport":25,"unstatedNeeds":25,"wow":25}', (i * 37) % 101,
      ${start}::timestamptz + (i::float8 / ${perYear(100)}) * interval '${c.days} days'
    FROM generate_series(0, ${perYear(100) - 1}) i JOIN mm a ON a.n = i % ${m} JOIN mm s ON s.n = (i % ${Math.max(1, Math.floor(m / 50))}) * 50`);
  await q(`INSERT INTO "Nomination" (id, "workspaceId", "nomineeId", "nominatorId", story, behaviours, status, "createdAt")
    SELECT gen_random_uuid(), :ws, a.id, b.id, 'A story of a wow moment number ' || i || ', told at some length so it is realistic.', '{wow}',
      (CASE WHEN i % 20 = 0 THEN 'retracted' ELSE 'active' END)::"NominationStatus",
      ${start}::timestamptz + (i::float8 / ${perYear(20)}) * interval '${c.days} days'
    FROM generate_series(0, ${perYear(20) - 1}) i JOIN mm a ON a.n = (i * 7) % ${m} JOIN mm b ON b.n = (i * 7 + 1) % ${m}`);
  await q(`INSERT INTO "Endorsement" (id, "nominationId", "memberId", "createdAt")
    SELECT gen_random_uuid(), n.id, e.id, n."createdAt" FROM (SELECT id, "createdAt", row_number() OVER () AS r FROM "Nomination" WHERE "workspaceId" = :ws) n
      CROSS JOIN LATERAL generate_series(1, 1 + (n.r % 3)::int) k JOIN mm e ON e.n = (n.r * 13 + k * 101) % ${m}`);
  await q(`INSERT INTO "AttendanceOccurrence" (id, "workspaceId", "memberId", date, type, points, "recordedBy", "createdAt")
    SELECT gen_random_uuid(), :ws, o.id, ${start} + ((i::bigint * ${c.days}) / ${perYear(10)})::int, (CASE WHEN i % 3 = 0 THEN 'late' ELSE 'absence' END)::"OccurrenceType", 1, 'U0LEAD', now()
    FROM generate_series(0, ${perYear(10) - 1}) i JOIN mm o ON o.n = (i * 11) % ${m}`);
  await q(`INSERT INTO "ServiceLevelDay" (id, "workspaceId", "memberId", date, "customerFacingSeconds", "availableSeconds", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), :ws, mm.id, d::date, 14000 + ((mm.n * 31 + extract(doy FROM d)::int * 17) % 14000), 28800, now(), now()
    FROM generate_series(${start}, '${HISTORY_END}'::date - 1, interval '1 day') d CROSS JOIN mm WHERE extract(isodow FROM d) < 6`);
  await q(`INSERT INTO "ChatSession" (id, "workspaceId", "memberId", "sessionId", "startedAt", "customerLeftAt", "agentClosedAt", "idleSeconds", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), :ws, s.id, 'S-' || i, t, t + interval '5 min', t + interval '5 min' + ((i * 7) % 400) * interval '1 second', (i * 7) % 400, now(), now()
    FROM (SELECT i, ${start}::timestamptz + (i::float8 / ${perYear(20)}) * interval '${c.days} days' AS t FROM generate_series(0, ${perYear(20) - 1}) i) g JOIN mm s ON s.n = (g.i * 3) % ${m}`);
  // Weekly period results for every member, a credit for the clean ones, and paid-day requests (a few pending).
  await q(`INSERT INTO "PeriodResult" (id, "workspaceId", "memberId", "periodStart", "periodEnd", points, clean, streak, "hoursCredited", "closedAt")
    SELECT gen_random_uuid(), :ws, mm.id, w::date, w::date + 7, CASE WHEN (mm.n + extract(week FROM w)::int) % 4 = 0 THEN 1 ELSE 0 END,
      (mm.n + extract(week FROM w)::int) % 4 <> 0, 1, CASE WHEN (mm.n + extract(week FROM w)::int) % 4 = 0 THEN 0 ELSE 2 END, w + interval '7 days 9 hours'
    FROM generate_series(date_trunc('week', ${start}::timestamp), '${HISTORY_END}'::date - 8, interval '7 days') w CROSS JOIN mm`);
  await q(`INSERT INTO "PtoLedgerEntry" (id, "workspaceId", "memberId", hours, kind, reason, actor, "periodResultId", "dedupeKey", "createdAt")
    SELECT gen_random_uuid(), :ws, r."memberId", r."hoursCredited", 'credit', 'clean period', 'system', r.id, 'credit:' || r.id, r."closedAt"
    FROM "PeriodResult" r WHERE r."workspaceId" = :ws AND r.clean`);
  await q(`INSERT INTO "PtoRequest" (id, "workspaceId", "memberId", date, hours, status, "createdAt")
    SELECT gen_random_uuid(), :ws, p.id, '${HISTORY_END}'::date - (i % ${c.days}) + 30, 8, (CASE WHEN i % 40 = 0 THEN 'pending' ELSE 'approved' END)::"PtoRequestStatus", now()
    FROM generate_series(0, ${Math.max(1, perYear(2)) - 1}) i JOIN mm p ON p.n = (i * 17) % ${m}`);
  // Customer feedback (issue 21): 50 responses per member and year, each on a scored interaction of the same agent (the
  // "look again" join), a quarter with a comment; the delighted ones of the last 14 days are pending candidates, and
  // one review per member and year, the last few open.
  await q(`INSERT INTO "CustomerFeedback" (id, "workspaceId", "memberId", "feedbackId", "receivedAt", csat, nps, comment, "interactionRef", channel, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), :ws, a.id, 'F-' || i, ${start}::timestamptz + (i::float8 / ${perYear(50)}) * interval '${c.days} days',
      1 + (i * 7) % 5, CASE WHEN i % 2 = 0 THEN (i * 3) % 11 END,
      CASE WHEN i % 4 = 0 THEN 'The agent was kind, quick and sorted out my problem on the first call, thank you ' || i END, 'T-' || i, 'chat', now(), now()
    FROM generate_series(0, ${perYear(50) - 1}) i JOIN mm a ON a.n = i % ${m}`);
  await q(`INSERT INTO "WowCandidate" (id, "workspaceId", "feedbackId", "agentId", status, "expiresAt", "createdAt")
    SELECT gen_random_uuid(), :ws, f.id, f."memberId",
      (CASE WHEN f."receivedAt" >= '${HISTORY_END}'::date - 14 THEN 'pending' WHEN f.csat = 5 THEN 'recognised' ELSE 'expired' END)::"CandidateStatus",
      f."receivedAt" + interval '14 days', f."receivedAt"
    FROM "CustomerFeedback" f WHERE f."workspaceId" = :ws AND f.csat = 5 AND f.comment IS NOT NULL`);
  await q(`INSERT INTO "ScoreReview" (id, "workspaceId", "scoreId", "agentId", reason, status, "createdAt")
    SELECT gen_random_uuid(), :ws, s.id, s."agentId", 'I think the call was better than that', (CASE WHEN (s.r / 100) % 20 = 0 THEN 'open' ELSE 'upheld' END)::"ReviewStatus", s."createdAt"
    FROM (SELECT id, "agentId", "createdAt", row_number() OVER (ORDER BY "createdAt") AS r FROM "QuickScore" WHERE "workspaceId" = :ws) s
    WHERE s.r % 100 = 0`);
  // Digest runs on every workday before, so no day is "missed".
  await q(`INSERT INTO "JobRun" (id, job, key, "startedAt", "finishedAt")
    SELECT gen_random_uuid(), 'digest', :ws::text || ':' || to_char(d, 'YYYY-MM-DD'), d, d FROM generate_series(${start}, '${DIGEST_DAY}'::date - 1, interval '1 day') d
    WHERE extract(isodow FROM d) < 6`);
  return ws;
}

async function counts(client: pg.Client, ws: string) {
  const tables = [
    "Member",
    "QuickScore",
    "Nomination",
    "AttendanceOccurrence",
    "ServiceLevelDay",
    "ChatSession",
    "PeriodResult",
    "PtoLedgerEntry",
    "PtoRequest",
    "CustomerFeedback",
    "WowCandidate",
    "ScoreReview",
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const where = `"workspaceId" = $1::uuid`;
    out[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}" WHERE ${where}`, [ws])).rows[0]?.n);
  }
  out.Endorsement = Number(
    (
      await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "Endorsement" e JOIN "Nomination" n ON n.id = e."nominationId" WHERE n."workspaceId" = $1::uuid`,
        [ws],
      )
    ).rows[0]?.n,
  );
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function main() {
  machineInfo();
  const dbName = `wowbot_bench_digest_${randomBytes(4).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  let done = false;
  const cleanup = async () => {
    if (done) return;
    done = true;
    await dropDatabase(dbName);
  };
  cleanUpOnInterrupt(cleanup);
  const timer = setTimeout(() => {
    console.error(`bench/digest.ts: over ${timeoutSeconds} s, stopping`);
    void cleanup().finally(() => process.exit(1));
  }, timeoutSeconds * 1000);
  timer.unref();
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  const db = await openDatabase({ databaseUrl: url.href });
  const client = new pg.Client({ connectionString: url.href });
  try {
    await applyMigrations(db);
    await client.connect();
    const rows: Array<Record<string, string | number>> = [];
    const seeded: Array<{ c: Case; ws: string }> = [];
    for (const [i, c] of CASES.entries()) {
      const t0 = performance.now();
      const ws = await seed(client, c, i);
      console.log(`seeded ${c.label} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(await counts(client, ws))}`);
      seeded.push({ c, ws });
    }
    await client.query("VACUUM ANALYZE");
    const repo = new WorkspaceRepository(db);
    const captured: Array<{ text: string; params: unknown[] }> = [];
    for (const { c, ws } of seeded) {
      const workspace = (await repo.findById(ws)) as WorkspaceRecord;
      const times: number[] = [];
      let queries = 0;
      let summary = "";
      for (let r = 0; r < runs + 1; r++) {
        let n = 0;
        const t0 = performance.now();
        const counted = (session: DigestSql): DigestSql => ({
          query: (text, params) => {
            n++;
            if (r === 0 && ws === seeded[0]?.ws) captured.push({ text, params: params ?? [] });
            return session.query(text, params);
          },
        });
        // The production path: readDigestFacts (one transaction, no parallel workers), its statements counted.
        const view = await buildDigest({ facts: (w, d) => readDigestFacts(db, w, d, {}, counted) }, workspace, DIGEST_DAY);
        const ms = performance.now() - t0;
        if (r > 0) times.push(ms); // the first run warms the connection and plan caches
        queries = n;
        summary = `${view.recognition.nominations} nominations, ${view.quality.scores} scores, ${view.attendance.occurrences.total} occurrences, ${view.serviceLevel.reporting} SL rows, ${view.idleChats.sessions} idle chats, ${view.pto.pending.total} pending`;
      }
      rows.push({
        case: c.label,
        "median ms": Math.round(median(times) * 10) / 10,
        "max ms": Math.round(Math.max(...times) * 10) / 10,
        queries,
        covered: summary,
      });
    }
    console.log(`\ndigest build for ${DIGEST_DAY} (${TIMEZONE}), median of ${runs} runs after one warm-up, target ${TARGET_MS} ms`);
    console.table(rows);
    if (values.explain) await explain(client, captured);
    const worst = Math.max(...rows.map((r) => Number(r["median ms"])));
    const sameQueries = new Set(rows.map((r) => r.queries)).size === 1;
    console.log(
      `queries per build the same in every case: ${sameQueries ? "yes" : "NO"}; slowest median ${worst} ms: ${worst <= TARGET_MS ? "within" : "OVER"} the target`,
    );
    const teamsMet = teamCount === 0 || (await teamDigests(db, client, repo, seeded.at(-1)?.ws ?? ""));
    process.exitCode = sameQueries && worst <= TARGET_MS && teamsMet ? 0 : 1;
  } finally {
    await client.end().catch(() => {});
    await db.close();
    await cleanup();
    clearTimeout(timer);
  }
}

/**
 * Issue 20: the last case's workspace split into `teamCount` teams (members round-robin, one lead each, a leads channel
 * on every other team): every team's digest and the workspace's (with its line per team), timed in all, with the
 * queries each build sends. Returns whether the total is within TEAMS_TARGET_MS.
 */
async function teamDigests(db: Awaited<ReturnType<typeof openDatabase>>, client: pg.Client, repo: WorkspaceRepository, ws: string): Promise<boolean> {
  await client.query(
    `INSERT INTO "Team" (id, "workspaceId", name, "leadsChannel", "createdAt")
     SELECT gen_random_uuid(), $1::uuid, 'Team ' || lpad(i::text, 4, '0'), CASE WHEN i % 2 = 0 THEN 'C0TEAM' || i END, '2024-01-01'
     FROM generate_series(0, $2::int - 1) i`,
    [ws, teamCount],
  );
  await client.query(
    `WITH t AS (SELECT id, (row_number() OVER (ORDER BY name) - 1)::int AS k FROM "Team" WHERE "workspaceId" = $1::uuid),
          m AS (SELECT id, (row_number() OVER (ORDER BY "platformUserId") - 1)::int AS n FROM "Member" WHERE "workspaceId" = $1::uuid)
     INSERT INTO "TeamMembership" (id, "teamId", "memberId", role, "from")
     SELECT gen_random_uuid(), t.id, m.id, (CASE WHEN m.n < $2::int THEN 'lead' ELSE 'member' END)::"TeamRole", '2024-01-01'
     FROM m JOIN t ON t.k = m.n % $2::int`,
    [ws, teamCount],
  );
  await client.query("ANALYZE");
  const workspace = (await repo.findById(ws)) as WorkspaceRecord;
  const teams = await client.query<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1::uuid ORDER BY name`, [ws]);
  const build = async (teamId?: string) => {
    let n = 0;
    const counted = (session: DigestSql): DigestSql => ({
      query: (text, params) => {
        n++;
        return session.query(text, params);
      },
    });
    const view = await buildDigest({ facts: (w, d, t) => readDigestFacts(db, w, d, { teamId: t }, counted) }, workspace, DIGEST_DAY, { teamId });
    return { view, queries: n };
  };
  await build(teams.rows[0]?.id); // warm-up
  const t0 = performance.now();
  const perTeam = new Set<number>();
  for (const team of teams.rows) perTeam.add((await build(team.id)).queries);
  const teamsMs = performance.now() - t0;
  const t1 = performance.now();
  const whole = await build();
  const workspaceMs = performance.now() - t1;
  console.log(
    `
${teamCount} teams of ${workspace.name}: every team's digest in ${(teamsMs / 1000).toFixed(2)} s in all (target ${TEAMS_TARGET_MS / 1000} s), ` +
      `${(teamsMs / teamCount).toFixed(1)} ms each, ${[...perTeam].join(" or ")} queries each; the workspace's digest with ${whole.view.teams.items.length} of ` +
      `${whole.view.teams.total} team lines in ${workspaceMs.toFixed(0)} ms, ${whole.queries} queries`,
  );
  return teamsMs <= TEAMS_TARGET_MS && perTeam.size === 1;
}

/** EXPLAIN ANALYZE of each digest query as the largest workspace's build sent it: the plan's top and its time. */
async function explain(client: pg.Client, captured: Array<{ text: string; params: unknown[] }>) {
  for (const [i, q] of captured.entries()) {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.params);
    const lines = rows.map((r) => r["QUERY PLAN"]);
    console.log(`\nquery ${i + 1}: ${q.text.replace(/\s+/g, " ").slice(0, 100)}…`);
    for (const line of process.env.FULL_PLANS ? lines : [...lines.slice(0, 12), ...lines.slice(-2)]) console.log(`  ${line}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
