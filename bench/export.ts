// Export benchmark: `wowbot export scores` over a year of quick scores on PostgreSQL (500,000 by default, 5,000
// members): wall time, rows a second, CSV size, and the process's peak heap and RSS above what they were before, to
// show that rows stream through in batches instead of piling up. Also a one-month range and the slowest batch.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { EXPORT_BATCH, exportCsv, exportRequest } from "../src/app/exports.js";
import { type Database, openDatabase } from "../src/db/database.js";
import { ExportRepository } from "../src/db/export.repository.js";
import { applyMigrations } from "../src/db/migrate.js";
import { WorkspaceRepository } from "../src/db/workspace.repository.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo } from "./lib.js";

const { values } = parseArgs({
  options: {
    scores: { type: "string", default: "500000" },
    members: { type: "string", default: "5000" },
    "timeout-seconds": { type: "string", default: "600" },
  },
});
const scores = Number(values.scores);
const members = Number(values.members);
const timeoutSeconds = Number(values["timeout-seconds"]);
for (const [name, n] of [
  ["scores", scores],
  ["members", members],
] as const) {
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
    console.error(`bench/export.ts: --${name} must be an integer from 1 to 5000000`);
    process.exit(2);
  }
}

/** Members, then a year of scores (one every year/N seconds), a tenth with notes that need quoting and protection. */
const seedSql = (workspaceId: string) => `
  INSERT INTO "Member" (id, "workspaceId", "platformUserId", "displayName", email, "updatedAt")
  SELECT gen_random_uuid(), '${workspaceId}', 'U' || lpad(i::text, 8, '0'), 'Agent ' || i, 'agent' || i || '@example.com', now()
  FROM generate_series(1, ${members}) i;
  WITH m AS (SELECT array_agg(id ORDER BY "platformUserId") AS ids FROM "Member" WHERE "workspaceId" = '${workspaceId}')
  INSERT INTO "QuickScore" (id, "workspaceId", "agentId", "scorerId", reference, channel, "connectionAttempts", rapport,
    "unstatedNeeds", wow, weights, score, note, "createdAt")
  SELECT gen_random_uuid(), '${workspaceId}', m.ids[1 + g % ${members}], m.ids[1 + (g * 7) % ${members}], 'CHAT-' || g, 'chat', 1 + g % 3,
    'yes', 'partly', 'no', '{}', 40 + g % 61,
    CASE WHEN g % 10 = 0 THEN '=HYPERLINK("x"), then "more", line ' || g ELSE NULL END,
    timestamptz '2025-11-01 00:00:00+00' + (g * (365 * 86400.0 / ${scores})) * interval '1 second'
  FROM generate_series(1, ${scores}) g, m;`;

interface Measured {
  ms: number;
  rows: number;
  bytes: number;
  peakHeapMB: number;
  peakRssMB: number;
  slowestBatchMs: number;
}

async function measure(db: Database, workspace: Awaited<ReturnType<WorkspaceRepository["ensure"]>>, from?: string, to?: string): Promise<Measured> {
  const request = exportRequest("scores", from, to);
  if (!request.ok) throw new Error(request.error.message);
  const store = new ExportRepository(db.prisma);
  let slowestBatchMs = 0;
  const timed = {
    batch: async (...args: Parameters<ExportRepository["batch"]>) => {
      const started = performance.now();
      const result = await store.batch(...args);
      slowestBatchMs = Math.max(slowestBatchMs, performance.now() - started);
      return result;
    },
    audit: store.audit.bind(store),
  };
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const sample = () => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  };
  const sampler = setInterval(sample, 10);
  let bytes = 0;
  const started = performance.now();
  const result = await exportCsv({ exports: timed }, { workspace, actor: "cli", request: request.value }, (chunk) => {
    bytes += Buffer.byteLength(chunk);
    sample();
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (!result.ok) throw new Error(result.error.message);
  const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
  return {
    ms: Math.round(ms),
    rows: result.value.rows,
    bytes,
    peakHeapMB: mb(peakHeap - base.heapUsed),
    peakRssMB: mb(peakRss - base.rss),
    slowestBatchMs: Math.round(slowestBatchMs),
  };
}

const dbName = `wowbot_bench_${randomBytes(4).toString("hex")}`;
let db: Database | undefined;
let created = false;
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    if (created) await dropDatabase(dbName);
    await db?.close().catch(() => {});
  })();
  return cleaning;
}
cleanUpOnInterrupt(cleanup);
const watchdog = setTimeout(() => {
  console.error(`bench/export.ts: still running after ${timeoutSeconds} s, giving up`);
  void cleanup().finally(() => process.exit(1));
}, timeoutSeconds * 1000);
watchdog.unref();

machineInfo();
try {
  created = true;
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  db = await openDatabase({ databaseUrl: url.href });
  await applyMigrations(db);
  const workspace = await new WorkspaceRepository(db).ensure({ platform: "slack", externalId: "T_BENCH", name: "Bench", timezone: "America/New_York" });
  const seedStarted = performance.now();
  const open = db;
  await open.withSession((s) => s.exec(seedSql(workspace.id)));
  await open.withSession((s) => s.exec("VACUUM ANALYZE"));
  console.log(`seeded ${members} members and ${scores} quick scores in ${Math.round(performance.now() - seedStarted)} ms; batches of ${EXPORT_BATCH}\n`);
  const all = await measure(open, workspace);
  const month = await measure(open, workspace, "2026-03-01", "2026-03-31");
  const rows = [
    ["everything", all],
    ["March 2026 (--from 2026-03-01 --to 2026-03-31)", month],
  ] as const;
  console.log("| export scores | rows | wall time | rows/s | CSV | slowest batch | peak heap above start | peak RSS above start |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const [label, m] of rows) {
    console.log(
      `| ${label} | ${m.rows} | ${m.ms} ms | ${Math.round(m.rows / (m.ms / 1000))} | ${Math.round(m.bytes / 1e5) / 10} MB | ${m.slowestBatchMs} ms | ${m.peakHeapMB} MB | ${m.peakRssMB} MB |`,
    );
  }
  if (all.rows !== scores) {
    console.error(`expected ${scores} rows, exported ${all.rows}`);
    process.exitCode = 1;
  }
} finally {
  await cleanup();
}
