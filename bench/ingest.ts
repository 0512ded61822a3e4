// Ingest benchmark: the real service on a fresh PostgreSQL database with 5,000 members; POST 10,000 service-level rows
// in one request (all new), then the same keys again with other figures (all updates), then that request once more
// (all unchanged); the same for 10,000 chat sessions, and 10,000 customer feedback rows (one in ten a wow candidate with
// its card to the leads channel). Wall time per request, median of several runs, against 2 s.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApiToken } from "../src/app/api-tokens.js";
import { parseConfig } from "../src/config/env.js";
import { ApiTokenRepository } from "../src/db/api-token.repository.js";
import { WorkspaceRepository } from "../src/db/workspace.repository.js";
import { createLogger } from "../src/logger.js";
import { type Service, startService } from "../src/main.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo } from "./lib.js";

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "ingest-latest.json");
const TARGET_MS = 2_000;

function usage(message: string): never {
  console.error(`bench/ingest.ts: ${message}`);
  process.exit(2);
}
const { values } = parseArgs({
  options: {
    members: { type: "string", default: "5000" },
    rows: { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
    "timeout-seconds": { type: "string", default: "300" },
  },
});
const members = Number(values.members);
const rowCount = Number(values.rows);
const runs = Number(values.runs);
const timeoutSeconds = Number(values["timeout-seconds"]);
if (!Number.isInteger(members) || members < 1 || members > 100_000) usage(`--members must be an integer from 1 to 100000, got ${values.members}`);
if (!Number.isInteger(rowCount) || rowCount < 1 || rowCount > 50_000) usage(`--rows must be an integer from 1 to 50000, got ${values.rows}`);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) usage(`--runs must be an integer from 1 to 50, got ${values.runs}`);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) usage(`--timeout-seconds must be positive, got ${values["timeout-seconds"]}`);

const dbName = `wowbot_bench_${randomBytes(6).toString("hex")}`;
let service: Service | undefined;
let creating: Promise<void> | undefined;
let cleaned: Promise<void> | undefined;
const cleanup = () => {
  cleaned ??= (async () => {
    await service?.stop().catch(() => {});
    await creating?.catch(() => {});
    await dropDatabase(dbName);
  })();
  return cleaned;
};
cleanUpOnInterrupt(cleanup);
setTimeout(() => {
  console.error(`bench/ingest.ts: still running after ${timeoutSeconds} s; stopping`);
  void cleanup().finally(() => process.exit(1));
}, timeoutSeconds * 1000).unref();

/** A member's key as a contact-centre export would give it: half by user id, half by email in another case. */
const memberKey = (i: number) => (i % 2 === 0 ? `U${String(i).padStart(7, "0")}` : `Agent${i}@Example.COM`);
/** Day `d` (0-based) of 2026, as YYYY-MM-DD. */
const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);

/** `rowCount` rows over `members` members, from day `firstDay` on: each member gets consecutive days. */
function serviceLevelRows(firstDay: number, variant: number) {
  return Array.from({ length: rowCount }, (_, i) => ({
    member: memberKey(i % members),
    date: day(firstDay + Math.floor(i / members)),
    customerFacingSeconds: 18_000 + ((i * 7 + variant * 13) % 5_000),
    availableSeconds: 28_800,
  }));
}

function chatRows(run: number, variant: number) {
  return Array.from({ length: rowCount }, (_, i) => {
    const start = Date.UTC(2026, 5, 1 + run, 8) + i * 1000;
    return {
      member: memberKey(i % members),
      sessionId: `run${run}-chat${i}`,
      startedAt: new Date(start).toISOString(),
      customerLeftAt: new Date(start + 600_000).toISOString(),
      agentClosedAt: new Date(start + 600_000 + ((i + variant * 17) % 400) * 1000).toISOString(),
    };
  });
}

/** Feedback received in the last days (so the delighted ones become candidates); every tenth is CSAT 5 with praise. */
function feedbackRows(run: number, variant: number) {
  const now = Date.now();
  return Array.from({ length: rowCount }, (_, i) => ({
    member: memberKey(i % members),
    feedbackId: `run${run}-fb${i}`,
    receivedAt: new Date(now - ((i * 37) % 86_400) * 1000 - 3_600_000).toISOString(),
    csat: i % 10 === 0 ? 5 : 1 + ((i + variant) % 4),
    nps: i % 10 === 0 ? 10 : (i * 3 + variant) % 9,
    comment: `${i % 10 === 0 ? "Brilliant help, sorted everything in one call and explained it clearly." : "Customer comment"} ${"words ".repeat(20)}${variant}`,
    interactionRef: `T-${run}-${i}`,
    channel: "chat",
  }));
}

interface Measured {
  ms: number;
  status: number;
  body: Record<string, number>;
  bytes: number;
}

async function post(url: string, secret: string, rows: unknown[]): Promise<Measured> {
  const body = JSON.stringify({ rows });
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body });
  const answer = (await res.json()) as Record<string, number>;
  return { ms: performance.now() - started, status: res.status, body: answer, bytes: Buffer.byteLength(body) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main() {
  const machine = machineInfo();
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${dbName}`;
  creating = adminQuery(`CREATE DATABASE "${dbName}"`);
  await creating;

  const parsed = parseConfig({ NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: databaseUrl.toString() });
  if (!parsed.ok) throw new Error(`bad configuration: ${parsed.problems.join("; ")}`);
  service = await startService({ config: { ...parsed.config, port: 0 }, logger: createLogger("warn"), scheduleJobs: false, shutdownGraceMs: 2_000 });
  const prisma = service.db.prisma;

  const workspace = await new WorkspaceRepository(service.db).ensure({ platform: "slack", externalId: "T_BENCH", name: "Bench", timezone: "UTC" });
  // Candidates' cards go to the leads channel: one outbox message each, written in the request's transaction.
  await prisma.workspace.update({ where: { id: workspace.id }, data: { settings: { leadsChannel: "C0LEADS" } } });
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Member" (id, "workspaceId", "platformUserId", "displayName", email, "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'U' || lpad(i::text, 7, '0'), 'Agent ' || i, 'agent' || i || '@example.com', now()
     FROM generate_series(0, $2::int - 1) AS i`,
    workspace.id,
    members,
  );
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Member"`);
  const created = await createApiToken(
    { tokens: new ApiTokenRepository(prisma), clock: { now: () => new Date() } },
    { workspace, actor: "cli", name: "bench" },
  );
  if (!created.ok) throw new Error(created.error.message);
  const secret = created.value.secret;
  const url = (p: string) => `${service?.url}/api/v1/${p}`;

  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  // Warm-up: the first request compiles Prisma's queries and the zod schemas; a service does that once.
  await post(url("service-level"), secret, serviceLevelRows(300, 0).slice(0, 100));
  await post(url("chat-sessions"), secret, chatRows(99, 0).slice(0, 100));
  await post(url("feedback"), secret, feedbackRows(99, 0).slice(0, 100));

  const cases: Record<string, Measured[]> = {};
  const record = (name: string, m: Measured, want: Partial<Record<string, number>>) => {
    cases[name] = [...(cases[name] ?? []), m];
    expect(m.status === 200, `${name}: status ${m.status} ${JSON.stringify(m.body).slice(0, 300)}`);
    for (const [k, v] of Object.entries(want)) expect(m.body[k] === v, `${name}: ${k} = ${m.body[k]}, expected ${v}`);
  };
  const daysPerRun = Math.ceil(rowCount / members);
  for (let run = 0; run < runs; run++) {
    console.error(`run ${run + 1} of ${runs}`);
    const first = serviceLevelRows(run * daysPerRun, 0);
    const changed = serviceLevelRows(run * daysPerRun, 1);
    record("service-level, 10,000 new", await post(url("service-level"), secret, first), { created: rowCount, updated: 0 });
    record("service-level, 10,000 updated", await post(url("service-level"), secret, changed), { created: 0, updated: rowCount });
    record("service-level, 10,000 unchanged", await post(url("service-level"), secret, changed), { created: 0, updated: 0, unchanged: rowCount });
    record("chat-sessions, 10,000 new", await post(url("chat-sessions"), secret, chatRows(run, 0)), { created: rowCount, updated: 0 });
    record("chat-sessions, 10,000 updated", await post(url("chat-sessions"), secret, chatRows(run, 1)), { created: 0, updated: rowCount });
    const wows = Math.ceil(rowCount / 10);
    record("feedback, 10,000 new (1 in 10 a candidate)", await post(url("feedback"), secret, feedbackRows(run, 0)), { created: rowCount, candidates: wows });
    record("feedback, 10,000 updated", await post(url("feedback"), secret, feedbackRows(run, 1)), { created: 0, updated: rowCount, candidates: 0 });
  }
  const stored = await prisma.serviceLevelDay.count({ where: { workspaceId: workspace.id } });
  expect(stored === runs * rowCount + 100, `${stored} service-level days stored, expected ${runs * rowCount + 100}`);

  const table = Object.entries(cases).map(([name, ms]) => ({
    case: name.replaceAll("10,000", rowCount.toLocaleString("en")),
    "median ms": Math.round(median(ms.map((m) => m.ms))),
    "min ms": Math.round(Math.min(...ms.map((m) => m.ms))),
    "max ms": Math.round(Math.max(...ms.map((m) => m.ms))),
    "body KB": Math.round((ms[0]?.bytes ?? 0) / 1024),
  }));
  console.log(
    `\n${members.toLocaleString("en")} members, ${rowCount.toLocaleString("en")} rows per request, ${runs} runs, PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, "//")}`,
  );
  console.table(table);
  for (const kind of ["service-level", "feedback"]) {
    const worst = Math.max(...table.filter((r) => r.case.startsWith(kind)).map((r) => r["max ms"]));
    console.log(
      `target: ${rowCount.toLocaleString("en")} ${kind} rows in one request in at most ${TARGET_MS} ms: max ${worst} ms, ${worst <= TARGET_MS ? "met" : "MISSED"}`,
    );
  }
  for (const p of problems) console.log(`PROBLEM: ${p}`);
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), machine, members, rows: rowCount, runs, table, problems }, null, 2)}\n`);
  return problems.length ? 1 : 0;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
