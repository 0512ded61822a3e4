// Period-close benchmark: closePeriod for a month of synthetic attendance on PostgreSQL (50,000 members by default), its
// wall time and SQL round trips, then the same close again (the no-op rerun after a crash), at two member counts.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { CLOSE_BATCH, closePeriod, periodsToClose } from "../src/app/close-periods.js";
import { AttendanceRepository } from "../src/db/attendance.repository.js";
import { type Database, openDatabase } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrate.js";
import { WorkspaceRepository } from "../src/db/workspace.repository.js";
import { periodInstants } from "../src/domain/period.js";
import type { WorkspaceRecord } from "../src/domain/records.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo } from "./lib.js";

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "period-close-latest.json");
const TARGET_FIRST_MS = 10_000;
const TARGET_RERUN_MS = 1_000;

// The closed period: October 2026 in New York, a calendar month (settings.attendancePeriod = "month").
const TIMEZONE = "America/New_York";
const PERIOD = { start: "2026-10-01", end: "2026-11-01" };
const PREVIOUS = { start: "2026-09-01", end: "2026-10-01" };
/** When the close runs: early on the first day after the period (06:00 UTC, 01:00 in New York). */
const CLOSE_AT = new Date("2026-11-01T06:00:00Z");
const RERUN_AT = new Date("2026-11-01T07:00:00Z");
// Tiers and cap are spelled out (not left to defaults) because the bench's own check recomputes every result from them.
const TIERS = [2, 3, 4];
const CAP_HOURS = 40;
const SETTINGS = { attendancePeriod: "month", rewardTiers: TIERS, accrualCapHours: CAP_HOURS };

function usage(message: string): never {
  console.error(`bench/period-close.ts: ${message}`);
  process.exit(2);
}
const { values } = parseArgs({
  options: {
    members: { type: "string", default: "50000" },
    compare: { type: "string", default: "10000" },
    /** Closed months before the period (results, credits, job runs): how far back each member's history goes. */
    history: { type: "string", default: "2" },
    "timeout-seconds": { type: "string", default: "600" },
    /** Also print EXPLAIN ANALYZE of a batch's reads, before the close and after it (what the rerun reads), outside the measured calls. */
    explain: { type: "boolean", default: false },
  },
});
const members = Number(values.members);
const compare = Number(values.compare);
const timeoutSeconds = Number(values["timeout-seconds"]);
const history = Number(values.history);
if (!Number.isInteger(members) || members < 1 || members > 1_000_000) usage(`--members must be an integer from 1 to 1000000, got ${values.members}`);
if (!Number.isInteger(compare) || compare < 0 || compare > 1_000_000) usage(`--compare must be an integer from 0 (none) to 1000000, got ${values.compare}`);
if (!Number.isInteger(history) || history < 1 || history > 120) usage(`--history must be an integer from 1 to 120 (months), got ${values.history}`);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) usage(`--timeout-seconds must be positive, got ${values["timeout-seconds"]}`);
// The smaller size first: the comparison shows how the round trips grow with the member count.
const sizes = compare > 0 && compare !== members ? [Math.min(compare, members), Math.max(compare, members)] : [members];

// ---- Round trips ---------------------------------------------------------------------------------------------------
// Every statement the Prisma adapter sends goes through pg.Client#query on a client of the pool openDatabase builds
// (the adapter's transactions call it directly, its other queries through Pool#query, which calls it too). One call is
// one round trip: with parameters, pg sends Parse/Bind/Execute/Sync in one write and waits for the one answer.
// Counting is switched on only around the measured call.

interface Counter {
  total: number;
  byKind: Record<string, number>;
  /** Time from sending each statement to its answer, summed: the share of the wall time spent waiting on PostgreSQL. */
  waitMs: number;
  waitByKind: Record<string, number>;
}
let counter: Counter | null = null;
/** While set, the close's SELECTs on members are kept here as sent, for EXPLAIN. */
let capture: Array<{ kind: string; text: string; values: unknown[] }> | undefined;

function kindOf(query: unknown): string {
  const text = typeof query === "string" ? query : ((query as { text?: unknown } | null)?.text ?? "");
  const sql = String(text).trimStart();
  const first = sql.match(/^\w+/)?.[0]?.toUpperCase() ?? "?";
  const table = sql.match(/^(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+("?[\w.]+"?\.)?"?(\w+)"?/i)?.[2];
  // closeBatch's two reads: the next batch of members not yet evaluated, locked; then their points, streak and balance.
  if (first === "SELECT" && /FROM\s+"Member"\s+m\b/.test(sql)) return /FOR\s+UPDATE/i.test(sql) ? "SELECT next batch FOR UPDATE" : "SELECT batch figures";
  if (first === "WITH") {
    const tables = [...sql.matchAll(/INSERT\s+INTO\s+"(\w+)"/gi)].map((m) => m[1]);
    if (tables.length) return `WITH ... INSERT ${tables.join(", ")}`;
  }
  return table ? `${first} ${table}` : first;
}

function countRoundTrips(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const c = counter;
    if (capture && kindOf(args[0]).startsWith("SELECT ")) {
      const q = args[0] as { text: string; values?: unknown[] };
      capture.push({ kind: kindOf(q), text: q.text, values: q.values ?? [] });
    }
    if (!c) return original.apply(this, args);
    const kind = kindOf(args[0]);
    c.total++;
    c.byKind[kind] = (c.byKind[kind] ?? 0) + 1;
    const started = performance.now();
    const done = () => {
      const ms = performance.now() - started;
      c.waitMs += ms;
      c.waitByKind[kind] = (c.waitByKind[kind] ?? 0) + ms;
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      // Pool#query passes a callback.
      args[args.length - 1] = (...cbArgs: unknown[]) => {
        done();
        return (last as (...a: unknown[]) => unknown)(...cbArgs);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(done, done);
    return result;
  };
}
countRoundTrips();

async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; roundTrips: Counter }> {
  const c: Counter = { total: 0, byKind: {}, waitMs: 0, waitByKind: {} };
  counter = c;
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started, roundTrips: c };
  } finally {
    counter = null;
  }
}

// ---- Synthetic data ------------------------------------------------------------------------------------------------
// Members U00000001.. are eligible; 1% more (X...) are not: inactive, bots, or joined during the period. Member i:
// - in-period occurrences (1 point each, absence or late): 1 to 3 when i % 5 = 0 (20% of members);
// - a deleted in-period occurrence when i % 25 = 1 (must not count), one on 2026-11-01 when i % 7 = 3 (after the period);
// - when i % 10 < 7, a result for each of the --history months before the period (default 2: September and August),
//   September's streak i % 7 (0 = had points), each clean one with its credit on the ledger (tiers 2, 3, 4); and a
//   finished job run for each of those months;
// - a 37 h adjustment when i % 50 = 3 (near the 40 h cap: credited in full, in part or not at all) and an 8 h redemption
//   when i % 13 = 4.

function seedSql(workspaceId: string, n: number, history: number): string {
  const ws = `'${workspaceId}'::uuid`;
  const extra = Math.max(3, Math.floor(n / 100));
  const tier = (s: string) => `(CASE WHEN ${s} <= 0 THEN 0 WHEN ${s} = 1 THEN ${TIERS[0]} WHEN ${s} = 2 THEN ${TIERS[1]} ELSE ${TIERS[2]} END)`;
  return `
INSERT INTO "Workspace" (id, platform, "externalId", name, timezone, settings, "createdAt", "updatedAt")
VALUES (${ws}, 'slack', 'TBENCH', 'Period close bench', '${TIMEZONE}', '${JSON.stringify(SETTINGS)}', '2025-06-01T12:00:00Z', now());

INSERT INTO "Member" (id, "workspaceId", "platformUserId", "displayName", active, "joinedAt", "isBot", "createdAt", "updatedAt")
SELECT gen_random_uuid(), ${ws}, 'U' || lpad(i::text, 8, '0'), 'Agent ' || i, true,
       '2025-06-01T14:00:00Z'::timestamptz + (i % 400) * interval '1 day', false, now(), now()
FROM generate_series(1, ${n}) i;

INSERT INTO "Member" (id, "workspaceId", "platformUserId", "displayName", active, "joinedAt", "isBot", "createdAt", "updatedAt")
SELECT gen_random_uuid(), ${ws}, 'X' || lpad(i::text, 8, '0'), 'Not eligible ' || i, i % 3 <> 0,
       CASE WHEN i % 3 = 2 THEN '2026-10-15T14:00:00Z'::timestamptz ELSE '2025-06-01T14:00:00Z'::timestamptz END, i % 3 = 1, now(), now()
FROM generate_series(1, ${extra}) i;

CREATE TEMP TABLE bench_member AS
SELECT id, substr("platformUserId", 2)::int AS i, "platformUserId" LIKE 'U%' AS eligible FROM "Member" WHERE "workspaceId" = ${ws};

INSERT INTO "AttendanceOccurrence" (id, "workspaceId", "memberId", date, type, points, "recordedBy", "createdAt")
SELECT gen_random_uuid(), ${ws}, m.id, d.date, CASE WHEN (m.i + k) % 2 = 0 THEN 'absence' ELSE 'late' END::"OccurrenceType", 1, 'ULEAD',
       d.date + time '15:00'
FROM bench_member m
CROSS JOIN LATERAL generate_series(1, 1 + (m.i / 5) % 3) k
CROSS JOIN LATERAL (SELECT '${PERIOD.start}'::date + ((m.i * 7 + k * 11) % 31) AS date) d
WHERE m.eligible AND m.i % 5 = 0;

INSERT INTO "AttendanceOccurrence" (id, "workspaceId", "memberId", date, type, points, "recordedBy", "createdAt", "deletedAt", "deletedBy")
SELECT gen_random_uuid(), ${ws}, m.id, '${PERIOD.start}'::date + (m.i % 31), 'absence', 1, 'ULEAD', '2026-10-20T15:00:00Z', '2026-10-21T15:00:00Z', 'ULEAD'
FROM bench_member m WHERE m.eligible AND m.i % 25 = 1;

INSERT INTO "AttendanceOccurrence" (id, "workspaceId", "memberId", date, type, points, "recordedBy", "createdAt")
SELECT gen_random_uuid(), ${ws}, m.id, '${PERIOD.end}', 'late', 1, 'ULEAD', '2026-11-01T15:00:00Z'
FROM bench_member m WHERE m.eligible AND m.i % 7 = 3;

-- History: the ${history} months before the period, newest first (k = 1 is September). Streaks count down into the past
-- from i % 7 in September; a month whose streak would be 0 or less had points.
INSERT INTO "PeriodResult" (id, "workspaceId", "memberId", "periodStart", "periodEnd", points, clean, streak, "hoursCredited", "closedAt")
SELECT gen_random_uuid(), ${ws}, m.id, p.start, p.start + interval '1 month', CASE WHEN p.streak > 0 THEN 0 ELSE 1 END, p.streak > 0, p.streak,
       ${tier("p.streak")}, p.start + interval '1 month' + interval '6 hours'
FROM bench_member m
CROSS JOIN LATERAL generate_series(1, ${history}) k
CROSS JOIN LATERAL (SELECT ('${PERIOD.start}'::date - make_interval(months => k))::date AS start, greatest(0, m.i % 7 - (k - 1)) AS streak) p
WHERE m.eligible AND m.i % 10 < 7;

INSERT INTO "PtoLedgerEntry" (id, "workspaceId", "memberId", hours, kind, reason, actor, "periodResultId", "dedupeKey", "createdAt")
SELECT gen_random_uuid(), ${ws}, r."memberId", r."hoursCredited", 'credit', 'clean period, streak ' || r.streak, 'system', r.id, 'credit:' || r.id, r."closedAt"
FROM "PeriodResult" r WHERE r."workspaceId" = ${ws} AND r."hoursCredited" > 0;

INSERT INTO "PtoLedgerEntry" (id, "workspaceId", "memberId", hours, kind, reason, actor, "dedupeKey", "createdAt")
SELECT gen_random_uuid(), ${ws}, m.id, 37, 'adjustment', 'carried over', 'ULEAD', 'bench-adjust:' || m.id, '2026-01-05T15:00:00Z'
FROM bench_member m WHERE m.eligible AND m.i % 50 = 3;

INSERT INTO "PtoLedgerEntry" (id, "workspaceId", "memberId", hours, kind, reason, actor, "dedupeKey", "createdAt")
SELECT gen_random_uuid(), ${ws}, m.id, -8, 'redemption', 'paid day', 'ULEAD', 'bench-redeem:' || m.id, '2026-09-14T15:00:00Z'
FROM bench_member m WHERE m.eligible AND m.i % 13 = 4;

INSERT INTO "JobRun" (id, job, key, "startedAt", "finishedAt")
SELECT gen_random_uuid(), 'period-close', '${workspaceId}:' || to_char(p.start, 'YYYY-MM-DD') || ':' || to_char(p.start + interval '1 month', 'YYYY-MM-DD'),
       p.start + interval '1 month' + interval '6 hours', p.start + interval '1 month' + interval '6 hours 5 seconds'
FROM generate_series(1, ${history}) k CROSS JOIN LATERAL (SELECT ('${PERIOD.start}'::date - make_interval(months => k))::date AS start) p;

DROP TABLE bench_member;
`;
}

// ---- Checks --------------------------------------------------------------------------------------------------------

interface Snapshot {
  results: number;
  resultMembers: number;
  ineligibleResults: number;
  clean: number;
  capped: number;
  credits: number;
  creditedResults: number;
  creditHours: number;
  creditsNotMatchingResult: number;
  dms: number;
  /** Results that differ from what the rules give, recomputed here in SQL from the seeded data. */
  wrongResults: number;
  expectedCredits: number;
  periodJobFinished: number;
}

async function snapshot(db: Database, workspaceId: string): Promise<Snapshot> {
  const ws = `'${workspaceId}'::uuid`;
  const tier = (s: string) => `(CASE WHEN ${s} <= 0 THEN 0 WHEN ${s} = 1 THEN ${TIERS[0]} WHEN ${s} = 2 THEN ${TIERS[1]} ELSE ${TIERS[2]} END)`;
  // Hash joins only: the planner's statistics predate the close, so it would expect one row from each CTE and nest
  // loops over tens of thousands (minutes at 50,000 members).
  const [row] = await db.withSession(async (s) => {
    await s.exec("BEGIN; SET LOCAL enable_nestloop = off");
    try {
      return await s.query<Record<keyof Snapshot, string>>(`
WITH res AS (SELECT * FROM "PeriodResult" WHERE "workspaceId" = ${ws} AND "periodStart" = '${PERIOD.start}'),
credit AS (SELECT l.* FROM "PtoLedgerEntry" l JOIN res ON l."periodResultId" = res.id WHERE l.kind = 'credit'),
occ AS (SELECT "memberId", sum(points) AS points FROM "AttendanceOccurrence"
        WHERE "workspaceId" = ${ws} AND "deletedAt" IS NULL AND date >= '${PERIOD.start}' AND date < '${PERIOD.end}' GROUP BY 1),
prev AS (SELECT "memberId", streak FROM "PeriodResult" WHERE "workspaceId" = ${ws} AND "periodStart" = '${PREVIOUS.start}'),
-- The balance before this close: every entry but the credits of this period's results.
bal AS (SELECT l."memberId", sum(l.hours) AS balance FROM "PtoLedgerEntry" l LEFT JOIN res ON res.id = l."periodResultId"
        WHERE l."workspaceId" = ${ws} AND res.id IS NULL GROUP BY 1),
-- Set-based joins, not per-member subqueries: a correlated lookup into a CTE is a scan per member.
expected AS (
  SELECT m.id, COALESCE(occ.points, 0) AS points, COALESCE(prev.streak, 0) AS prev, COALESCE(bal.balance, 0) AS balance
  FROM "Member" m LEFT JOIN occ ON occ."memberId" = m.id LEFT JOIN prev ON prev."memberId" = m.id LEFT JOIN bal ON bal."memberId" = m.id
  WHERE m."workspaceId" = ${ws} AND m."platformUserId" LIKE 'U%'),
rule AS (
  SELECT id, points, points = 0 AS clean, CASE WHEN points = 0 THEN prev + 1 ELSE 0 END AS streak, balance,
    ${tier("CASE WHEN points = 0 THEN prev + 1 ELSE 0 END")} AS reward FROM expected),
want AS (
  SELECT id, points, clean, streak,
    CASE WHEN NOT clean THEN 0 WHEN balance + reward <= ${CAP_HOURS} THEN reward ELSE greatest(0, round(${CAP_HOURS} - balance, 2)) END AS hours
  FROM rule)
SELECT
  (SELECT count(*) FROM res) AS results,
  (SELECT count(DISTINCT "memberId") FROM res) AS "resultMembers",
  (SELECT count(*) FROM res JOIN "Member" m ON m.id = res."memberId" WHERE m."platformUserId" NOT LIKE 'U%') AS "ineligibleResults",
  (SELECT count(*) FROM res WHERE clean) AS clean,
  (SELECT count(*) FROM res WHERE note IS NOT NULL) AS capped,
  (SELECT count(*) FROM credit) AS credits,
  (SELECT count(DISTINCT "periodResultId") FROM credit) AS "creditedResults",
  (SELECT COALESCE(sum(hours), 0) FROM credit) AS "creditHours",
  (SELECT count(*) FROM credit JOIN res ON res.id = credit."periodResultId"
     WHERE credit.hours <> res."hoursCredited" OR NOT res.clean OR credit."memberId" <> res."memberId" OR credit."dedupeKey" <> 'credit:' || res.id) AS "creditsNotMatchingResult",
  (SELECT count(*) FROM "Outbox" WHERE "workspaceId" = ${ws} AND "dedupeKey" IN (SELECT 'pto:credit:' || "periodResultId" FROM credit)) AS dms,
  (SELECT count(*) FROM want LEFT JOIN res ON res."memberId" = want.id
     WHERE res.id IS NULL OR res.points <> want.points OR res.clean <> want.clean OR res.streak <> want.streak OR res."hoursCredited" <> want.hours
        OR (res.note IS NOT NULL) <> (want.clean AND want.hours < ${tier("want.streak")})) AS "wrongResults",
  (SELECT count(*) FROM want WHERE hours > 0) AS "expectedCredits",
  (SELECT count(*) FROM "JobRun" WHERE job = 'period-close' AND key = '${workspaceId}:${PERIOD.start}:${PERIOD.end}' AND "finishedAt" IS NOT NULL) AS "periodJobFinished"
`);
    } finally {
      await s.exec("COMMIT");
    }
  });
  if (!row) throw new Error("the check query returned no row");
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as Snapshot;
}

function checkFirst(n: number, s: Snapshot, evaluated: number, problems: string[], label: string): void {
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${label}: ${what}`);
  };
  expect(evaluated === n, `closePeriod evaluated ${evaluated} members, expected ${n}`);
  expect(s.results === n && s.resultMembers === n, `${s.results} period results for ${s.resultMembers} members, expected exactly one for each of ${n}`);
  expect(s.ineligibleResults === 0, `${s.ineligibleResults} results for members that are inactive, bots or joined during the period`);
  expect(s.wrongResults === 0, `${s.wrongResults} results differ from the rules (points, clean, streak, hours or cap note)`);
  expect(s.credits === s.expectedCredits, `${s.credits} credits, expected ${s.expectedCredits} (clean members with positive hours)`);
  expect(s.creditedResults === s.credits, `${s.credits} credits for ${s.creditedResults} results: a result was credited twice`);
  expect(s.creditsNotMatchingResult === 0, `${s.creditsNotMatchingResult} credits do not match their result`);
  expect(s.dms === s.credits, `${s.dms} accrual DMs queued for ${s.credits} credits`);
  expect(s.periodJobFinished === 1, "the period is not marked closed");
}

// ---- One size ------------------------------------------------------------------------------------------------------

const liveDatabases = new Set<string>();
let creating: Promise<void> | undefined;
let openDb: Database | undefined;

async function runSize(n: number, problems: string[]) {
  const label = `${n} members`;
  const dbName = `wowbot_bench_${randomBytes(4).toString("hex")}`;
  // Known before it exists, and awaited by the cleanup: an interrupt during CREATE DATABASE still drops it.
  liveDatabases.add(dbName);
  creating = adminQuery(`CREATE DATABASE "${dbName}"`);
  await creating;
  creating = undefined;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const db = await openDatabase({ databaseUrl: url.href });
  openDb = db;
  try {
    await applyMigrations(db);
    const workspaceId = randomUUID();
    const seedStarted = performance.now();
    await db.withSession((s) => s.exec(seedSql(workspaceId, n, history)));
    // A table this size would have statistics from autovacuum in production; a freshly loaded one has none yet.
    await db.withSession((s) => s.exec("VACUUM ANALYZE"));
    const seedMs = performance.now() - seedStarted;
    const [counts] = await db.withSession((s) =>
      s.query<Record<string, string>>(`SELECT
        (SELECT count(*) FROM "Member") AS members, (SELECT count(*) FROM "AttendanceOccurrence") AS occurrences,
        (SELECT count(*) FROM "AttendanceOccurrence" WHERE date >= '${PERIOD.start}' AND date < '${PERIOD.end}' AND "deletedAt" IS NULL) AS "periodOccurrences",
        (SELECT count(*) FROM "PeriodResult") AS "previousResults", (SELECT count(*) FROM "PtoLedgerEntry") AS "ledgerEntries"`),
    );
    const seeded = Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)]));
    console.log(`${label}: seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(seeded)}`);

    // closePeriod gets the repository behind a proxy that times each store call (the batches, the final mark).
    const repository = new AttendanceRepository(db.prisma);
    let calls: Record<string, number> = {};
    const store = new Proxy(repository, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await value.apply(target, args);
          } finally {
            calls[String(prop)] = (calls[String(prop)] ?? 0) + performance.now() - started;
          }
        };
      },
    });
    const callTimes = () => {
      const out = Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, Math.round(v)]));
      calls = {};
      return out;
    };
    const workspace: WorkspaceRecord | null = await new WorkspaceRepository(db).findById(workspaceId);
    if (!workspace) throw new Error("seeded workspace not found");
    // What the daily job would close on the first day after the period: exactly October.
    const due = await periodsToClose(store, workspace, PERIOD.end);
    const period = due[0];
    if (due.length !== 1 || !period || period.start !== PERIOD.start || period.end !== PERIOD.end) {
      throw new Error(`periodsToClose gave ${JSON.stringify(due)}, expected only ${PERIOD.start} to ${PERIOD.end}`);
    }
    // The service runs the close in a process that has already served queries: warm the connection pool up first.
    await db.withSession((s) => s.query("SELECT 1"));

    // The statements of a first batch, as closeBatch sends them: a batch that evaluates nobody writes nothing.
    const explain = async (when: string) => {
      capture = [];
      await repository.closeBatch(workspace, period, periodInstants(period, workspace.timezone), CLOSE_BATCH, null, () => [], CLOSE_AT);
      const statements = capture;
      capture = undefined;
      if (statements.length === 0) throw new Error("the batch's statements were not captured");
      for (const q of statements) {
        const plan = await db.withSession((s) => s.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values));
        console.log(`\n${label}, ${q.kind}, ${when}:\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
      }
    };
    if (values.explain) await explain("first batch");

    let batches = 0;
    callTimes();
    const first = await measured(() => closePeriod(store, workspace, period, CLOSE_AT, { afterBatch: () => void batches++ }));
    const firstCalls = callTimes();
    let checkStarted = performance.now();
    const afterFirst = await snapshot(db, workspaceId);
    let checkMs = performance.now() - checkStarted;
    checkFirst(n, afterFirst, first.value, problems, label);

    const rerun = await measured(() => closePeriod(store, workspace, period, RERUN_AT));
    const rerunCalls = callTimes();
    checkStarted = performance.now();
    const afterRerun = await snapshot(db, workspaceId);
    checkMs += performance.now() - checkStarted;
    console.log(`${label}: results checked in ${(checkMs / 1000).toFixed(1)} s`);
    if (rerun.value !== 0) problems.push(`${label}: the rerun evaluated ${rerun.value} members, expected 0`);
    for (const key of Object.keys(afterFirst) as Array<keyof Snapshot>) {
      if (afterRerun[key] !== afterFirst[key]) problems.push(`${label}: after the rerun ${key} is ${afterRerun[key]}, was ${afterFirst[key]}`);
    }
    if (values.explain) await explain("rerun");
    const dueAfter = await periodsToClose(store, workspace, PERIOD.end);
    if (dueAfter.length !== 0) problems.push(`${label}: periodsToClose still gives ${JSON.stringify(dueAfter)} after the close`);

    return {
      members: n,
      batchSize: CLOSE_BATCH,
      seeded,
      seedMs: Math.round(seedMs),
      first: {
        ms: Math.round(first.ms),
        evaluated: first.value,
        batches,
        creditsWritten: afterFirst.credits,
        creditHours: afterFirst.creditHours,
        clean: afterFirst.clean,
        capped: afterFirst.capped,
        dmsQueued: afterFirst.dms,
        msByStoreCall: firstCalls,
        roundTrips: first.roundTrips.total,
        roundTripsByKind: first.roundTrips.byKind,
        databaseWaitMs: Math.round(first.roundTrips.waitMs),
        databaseWaitMsByKind: Object.fromEntries(Object.entries(first.roundTrips.waitByKind).map(([k, v]) => [k, Math.round(v)])),
      },
      rerun: {
        ms: Math.round(rerun.ms),
        evaluated: rerun.value,
        msByStoreCall: rerunCalls,
        roundTrips: rerun.roundTrips.total,
        roundTripsByKind: rerun.roundTrips.byKind,
        databaseWaitMs: Math.round(rerun.roundTrips.waitMs),
      },
      checks: afterFirst,
    };
  } finally {
    openDb = undefined;
    await db.close().catch(() => {});
    await dropDatabase(dbName);
    liveDatabases.delete(dbName);
  }
}

let cleaning: Promise<void> | undefined;
/** Runs once, from the normal end, a failure, Ctrl-C or the time limit: no database outlives the bench. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    // Drop first: WITH (FORCE) ends a statement still running, which closing the pool would otherwise wait for.
    await creating?.catch(() => {});
    for (const name of liveDatabases) await dropDatabase(name);
    await openDb?.close().catch(() => {});
  })();
  return cleaning;
}
cleanUpOnInterrupt(cleanup);
// The bench stops by itself: past the time limit it cleans up and fails.
const watchdog = setTimeout(() => {
  console.error(`bench/period-close.ts: still running after ${timeoutSeconds} s, giving up`);
  void cleanup().finally(() => process.exit(1));
}, timeoutSeconds * 1000);
watchdog.unref();

const machine = machineInfo();
console.log(
  `closing ${PERIOD.start} to ${PERIOD.end} (${TIMEZONE}, monthly) for ${sizes.join(" and ")} eligible members, batches of ${CLOSE_BATCH}; ` +
    "round trips = pg Client#query calls during the call\n",
);
const problems: string[] = [];
const runs: Array<Awaited<ReturnType<typeof runSize>>> = [];
try {
  for (const n of sizes) runs.push(await runSize(n, problems));
} catch (error) {
  problems.push(`the bench failed: ${(error as Error).stack ?? error}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}

const target = runs.find((r) => r.members === members);
const smaller = runs.find((r) => r.members !== members);
// How the round trips grow from the smaller size to the target size: per extra batch, and per extra member.
const growth =
  target && smaller && target.first.batches !== smaller.first.batches
    ? {
        perExtraBatch: (target.first.roundTrips - smaller.first.roundTrips) / (target.first.batches - smaller.first.batches),
        perExtraMember: (target.first.roundTrips - smaller.first.roundTrips) / (target.members - smaller.members),
      }
    : undefined;
const rows = runs.flatMap((r) => [
  [
    `${r.members} members, first close`,
    `${r.first.ms} ms`,
    String(r.first.evaluated),
    String(r.first.creditsWritten),
    String(r.first.batches),
    String(r.first.roundTrips),
    `${r.first.databaseWaitMs} ms`,
  ],
  [`${r.members} members, rerun`, `${r.rerun.ms} ms`, String(r.rerun.evaluated), "0", "0", String(r.rerun.roundTrips), `${r.rerun.databaseWaitMs} ms`],
]);
const header = ["case", "wall time", "evaluated", "credits", "batches", "round trips", "waiting on PG"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
console.log("");
for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "));
for (const r of runs) {
  console.log(`\n${r.members} members, first close, round trips by statement: ${JSON.stringify(r.first.roundTripsByKind)}`);
  console.log(`  time waiting on PostgreSQL by statement (ms): ${JSON.stringify(r.first.databaseWaitMsByKind)}`);
  console.log(`  time in each store call, summed (ms): ${JSON.stringify(r.first.msByStoreCall)}`);
  console.log(
    `${r.members} members, rerun, round trips: ${JSON.stringify(r.rerun.roundTripsByKind)}; store calls (ms): ${JSON.stringify(r.rerun.msByStoreCall)}`,
  );
}

const verdicts = target
  ? {
      firstClose: { target: `<= ${TARGET_FIRST_MS} ms`, value: target.first.ms, met: target.first.ms <= TARGET_FIRST_MS },
      rerun: { target: `< ${TARGET_RERUN_MS} ms`, value: target.rerun.ms, met: target.rerun.ms < TARGET_RERUN_MS },
      // Not per member: the same number of round trips per batch at both sizes, and far fewer round trips than members.
      // Not per member: at most one round trip per 100 members, each extra batch costs the same few, and the rerun a constant.
      roundTrips: {
        target: "grows per batch, not per member",
        value: smaller
          ? `${smaller.first.roundTrips} for ${smaller.members} members (${smaller.first.batches} batches), ${target.first.roundTrips} for ${target.members} (${target.first.batches} batches)` +
            (growth ? `: ${growth.perExtraBatch.toFixed(1)} per extra batch, ${growth.perExtraMember.toFixed(4)} per extra member` : "") +
            `; rerun ${smaller.rerun.roundTrips} and ${target.rerun.roundTrips}`
          : `${target.first.roundTrips} for ${target.members} members (${target.first.batches} batches); rerun ${target.rerun.roundTrips}`,
        met:
          target.first.roundTrips <= Math.max(10, target.members / 100) &&
          (!growth || growth.perExtraMember <= 0.01) &&
          runs.every((r) => r.rerun.roundTrips <= 5),
      },
    }
  : undefined;
if (verdicts) {
  console.log("");
  console.log(`first close ${verdicts.firstClose.target}: ${verdicts.firstClose.value} ms, ${verdicts.firstClose.met ? "met" : "MISSED"}`);
  console.log(`rerun ${verdicts.rerun.target}: ${verdicts.rerun.value} ms, ${verdicts.rerun.met ? "met" : "MISSED"}`);
  console.log(`round trips ${verdicts.roundTrips.target}: ${verdicts.roundTrips.value}, ${verdicts.roundTrips.met ? "met" : "MISSED"}`);
}
for (const problem of problems) console.log(`\nPROBLEM: ${problem}`);

await mkdir(path.dirname(RESULTS), { recursive: true });
const settings = {
  members,
  compare,
  period: PERIOD,
  timezone: TIMEZONE,
  closeAt: CLOSE_AT,
  rerunAt: RERUN_AT,
  batchSize: CLOSE_BATCH,
  workspaceSettings: SETTINGS,
};
await writeFile(RESULTS, `${JSON.stringify({ date: new Date().toISOString(), machine, settings, problems, verdicts, growth, runs }, null, 2)}\n`);
console.log(`\nraw results: ${path.relative(process.cwd(), RESULTS)}`);
// A wrong result or a failed run fails the bench; a missed target is reported, not failed.
if (problems.length) process.exitCode = 1;
