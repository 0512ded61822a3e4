// Load test: the real `wowbot serve` on PostgreSQL under an open-loop mix of signed Slack requests (nominations, seconds, /pto, scores), with ack latency, errors, RSS and outbox drain, next to a bare Bolt app.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { FakeSlack } from "../test/support/fake-slack.js";
import { TEST_SIGNING_SECRET } from "../test/support/slack-requests.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo, SERVE_COMMAND, stopChild } from "./lib.js";
import { cpuSeconds, load, median, metricMB, percentiles, REQUEST_TIMEOUT_MS, round, rssMB, startChild } from "./open-loop.js";
import { agentId, leadId, SLACK_KINDS, SLACK_MIX, type SlackKind, seedSlackTeam, slackRequests } from "./slack-mix.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = path.join(ROOT, "bench", "results", "load-latest.json");
const DRAIN_TIMEOUT_MS = 60_000;
const TARGET_P99_MS = 100;
const TARGET_RSS_GROWTH = 0.1;
const TEAM = "T0TEST";
const RECOGNITION_CHANNEL = "C0WOWS";
const LEADS_CHANNEL = "C0LEADS";
// The bare app acks every command, click and submission and does nothing else: what any Bolt service costs.
const BARE_BOLT = `import { App, ExpressReceiver } from "@slack/bolt";
const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: "/slack/events", processBeforeResponse: false });
const app = new App({ receiver, authorize: async () => ({ botToken: "xoxb-x", botId: "B1", botUserId: "U1" }) });
app.command(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
app.view(/.*/, async ({ ack }) => ack());
receiver.app.get("/readyz", (_q, r) => r.send("ok"));
receiver.app.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));`;

type Kind = SlackKind;
const KINDS = SLACK_KINDS;
const MIX = SLACK_MIX;

function usage(message: string): never {
  console.error(`bench/load.ts: ${message}`);
  process.exit(2);
}
const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "200" },
    duration: { type: "string", default: "60" },
    // 20 s: under this load V8 grows its heap until the first major collections (about 10 to 15 s in, measured at
    // 3ca1792, landed in e631efe); a shorter warm-up puts that one-off growth into the RSS target's first window (bench/README.md).
    warmup: { type: "string", default: "20" },
    "baseline-duration": { type: "string" },
    agents: { type: "string", default: "200" },
    leads: { type: "string", default: "10" },
    replicas: { type: "string", default: "1" },
  },
});
const rate = Number(values.rate);
const duration = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const baselineDuration = Number(values["baseline-duration"] ?? Math.min(duration, 20));
const agents = Number(values.agents);
const leads = Number(values.leads);
const replicas = Number(values.replicas);
if (!(rate > 0 && rate <= 2000)) usage(`--rate must be requests per second, above 0 and at most 2000, got ${values.rate}`);
if (!(duration >= 3 && duration <= 900)) usage(`--duration must be seconds from 3 to 900, got ${values.duration}`);
if (!(warmupSeconds >= 0 && warmupSeconds <= 60)) usage(`--warmup must be seconds from 0 to 60, got ${values.warmup}`);
if (!(baselineDuration >= 1 && baselineDuration <= 900)) usage(`--baseline-duration must be seconds from 1 to 900`);
if (!(Number.isInteger(agents) && agents >= 20 && agents <= 100_000)) usage(`--agents must be a whole number from 20 to 100000`);
if (!(Number.isInteger(leads) && leads >= 1 && leads <= 1_000)) usage(`--leads must be a whole number from 1 to 1000`);
if (!(Number.isInteger(replicas) && replicas >= 1 && replicas <= 8)) usage(`--replicas must be a whole number from 1 to 8`);
if (process.platform !== "linux") usage("this benchmark reads /proc/<pid>/status, so it runs on Linux only");
if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) usage("dist/ is missing: run `npm run build` first (`npm run bench:load` does)");

const requestFor = slackRequests({ agents, leads, team: TEAM, recognitionChannel: RECOGNITION_CHANNEL });

/** Where the child's response_url posts land: /response/<kind>/<n>. Counted per kind; texts kept only for a sample. */
const responseUrlPosts = new Map<string, number>();
const responseUrlSamples = new Map<string, string>();

const machine = machineInfo();
const measuredCount = Math.round(rate * duration);
console.log(
  `load: ${rate} requests/s open loop; bare Bolt app ${baselineDuration} s, then wowbot${replicas > 1 ? ` (${replicas} replicas, round-robin)` : ""}: ${warmupSeconds} s warm-up + ${duration} s measured (${measuredCount} requests)`,
);
console.log(`mix per 20 requests: ${KINDS.map((k) => `${MIX.filter((m) => m === k).length} ${k}`).join(", ")}; ${agents} agents, ${leads} leads\n`);

const dbName = `wowbot_bench_${randomBytes(4).toString("hex")}`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).href;
const workDir = await mkdtemp(path.join(os.tmpdir(), "wowbot-load-"));
const live = new Set<ChildProcess>();
let databaseCreated = false;
let fakeSlack: FakeSlack | undefined;
let responseServer: http.Server | undefined;
let db: pg.Client | undefined;

let cleaning: Promise<void> | undefined;
/** Runs once, from the normal end, a failure or Ctrl-C: no child, server or database outlives the bench. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of [...live]) await stopChild(child, live);
    await db?.end().catch(() => undefined);
    await fakeSlack?.stop().catch(() => undefined);
    responseServer?.closeAllConnections();
    await new Promise((resolve) => (responseServer?.listening ? responseServer.close(resolve) : resolve(undefined)));
    if (databaseCreated) await dropDatabase(dbName);
    await rm(workDir, { recursive: true, force: true });
  })();
  return cleaning;
}
cleanUpOnInterrupt(cleanup);

const problems: string[] = [];
const slackCalls = new Map<string, number>();
let report: Record<string, unknown> = {};
try {
  try {
    await adminQuery(`CREATE DATABASE "${dbName}"`);
    databaseCreated = true;
  } catch (error) {
    throw new Error(`cannot create a database on ${new URL(ADMIN_URL).host} (${(error as Error).message}); set BENCH_POSTGRES_URL`);
  }

  // Slack, played by this process: the Web API the child calls and the response_url endpoint it posts replies to.
  fakeSlack = await new FakeSlack().start();
  for (let i = 0; i < agents; i++) fakeSlack.addUser({ id: agentId(i), name: `agent${i}`, email: `agent${i}@example.com` });
  for (let i = 0; i < leads; i++) fakeSlack.addUser({ id: leadId(i), name: `lead${i}`, email: `lead${i}@example.com` });
  const calls = fakeSlack.calls;
  // The fake records every call; tally them by method and let the records go, so this process's memory stays flat.
  const tally = setInterval(() => {
    for (const call of calls.splice(0)) slackCalls.set(call.method, (slackCalls.get(call.method) ?? 0) + 1);
  }, 1_000);
  tally.unref();
  responseServer = http.createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
    });
    req.on("end", () => {
      const kind = (req.url ?? "").split("/")[2] ?? "?";
      responseUrlPosts.set(kind, (responseUrlPosts.get(kind) ?? 0) + 1);
      if (!responseUrlSamples.has(kind)) responseUrlSamples.set(kind, text.slice(0, 300));
      res.end("ok");
    });
  });
  responseServer.listen(0, "127.0.0.1");
  await once(responseServer, "listening");
  const responseBase = `http://127.0.0.1:${(responseServer.address() as AddressInfo).port}`;

  // The baseline first, on an idle machine: a bare Bolt app in its own process under the same mix and rate.
  console.error(`bare Bolt app: ${baselineDuration} s of load`);
  const bare = await startChild([process.execPath, "--input-type=module", "-e", BARE_BOLT], { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET }, ROOT, live);
  const bareSamples = await load(
    `${bare.url}/slack/events`,
    Math.round(rate * baselineDuration),
    rate,
    (k) => MIX[k % MIX.length] as Kind,
    (kind, k) => requestFor(kind, k, responseBase, ["none"], "bare"),
  );
  await stopChild(bare.process, live);

  // wowbot: migrates the new database on its first start, then the workspace is seeded beside it.
  console.error("wowbot: starting on a new PostgreSQL database");
  const wowbotEnv = { DATABASE_URL: databaseUrl, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-load-token", SLACK_API_URL: fakeSlack.url };
  const wowbot = await startChild(SERVE_COMMAND, wowbotEnv, workDir, live);
  const heapLimitMB = round(await metricMB(wowbot.url, "wowbot_nodejs_heap_size_limit_bytes"));
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // A team that has used wowbot for a while: every member known, leads, a recognition channel and a leads channel.
  const settings = { recognitionChannel: RECOGNITION_CHANNEL, leadsChannel: LEADS_CHANNEL, nominationsPerDay: 100 };
  await seedSlackTeam(db, { agents, leads, team: TEAM }, settings);

  const pending = async () => Number((await (db as pg.Client).query(`SELECT count(*) FROM "Outbox" WHERE status = 'pending'`)).rows[0]?.count);
  /** Polls the outbox until nothing is pending; the milliseconds it took, or undefined after the timeout. */
  async function drain(timeoutMs: number): Promise<number | undefined> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if ((await pending()) === 0) return Date.now() - started;
      await sleep(250);
    }
    return undefined;
  }

  // Nominations to second: made through the service, their posts delivered, so a second updates a real post.
  const seedCount = Math.max(20, Math.round(agents / 2));
  console.error(`wowbot: ${seedCount} nominations to second, then ${warmupSeconds} s warm-up and ${duration} s of load`);
  const seeded = await load(
    `${wowbot.url}/slack/events`,
    seedCount,
    Math.min(rate, 50),
    () => "wow",
    (kind, k) => requestFor(kind, k, responseBase, [], "seed"),
  );
  const seedFailed = seeded.filter((s) => s.problem);
  if (seedFailed.length) problems.push(`seeding: ${seedFailed.length} of ${seedCount} nominations failed, e.g. ${seedFailed[0]?.problem}`);
  // The commands acknowledge first and nominate afterwards: wait for the nominations, then for their posts.
  const nominationCount = async () => Number((await (db as pg.Client).query(`SELECT count(*) FROM "Nomination"`)).rows[0]?.count);
  for (const started = Date.now(); (await nominationCount()) < seedCount - seedFailed.length && Date.now() - started < DRAIN_TIMEOUT_MS; ) await sleep(250);
  await drain(DRAIN_TIMEOUT_MS);
  const nominations = (await db.query<{ id: string }>(`SELECT id FROM "Nomination" ORDER BY "createdAt"`)).rows.map((r) => r.id);
  if (nominations.length < seedCount) problems.push(`seeding: ${nominations.length} nominations in the database, expected ${seedCount}`);
  // More replicas on the same, already migrated database, as docs/operations.md runs them behind a load balancer.
  const all = [wowbot];
  for (let i = 1; i < replicas; i++) {
    console.error(`wowbot: starting replica ${i + 1} of ${replicas}`);
    all.push(await startChild(SERVE_COMMAND, wowbotEnv, workDir, live));
  }
  const urls = all.map((c) => `${c.url}/slack/events`);
  const pids = all.map((c) => c.process.pid as number);
  const mixed = (k: number) => MIX[k % MIX.length] as Kind;
  // Numbered after the measured run's requests, so the warm-up's clicks are not repeated by the run's.
  const warm = await load(urls, Math.round(rate * warmupSeconds), rate, mixed, (kind, k) =>
    requestFor(kind, measuredCount + k, responseBase, nominations, "warm"),
  );
  const warmFailed = warm.filter((s) => s.problem);
  if (warmFailed.length) problems.push(`warm-up: ${warmFailed.length} of ${warm.length} requests failed, e.g. ${warmFailed[0]?.problem}`);

  const errorLinesBefore = all.map((c) => c.errorLines.length);
  // RSS of each replica every second during the measured load, from /proc, and their CPU time from their stat lines.
  const rss: Array<{ replica: number; s: number; mb: number; heapMB: number }> = [];
  const loadStart = performance.now();
  const sampler = setInterval(() => {
    const s = round((performance.now() - loadStart) / 1000);
    all.forEach((c, replica) => {
      void Promise.all([rssMB(pids[replica] as number), metricMB(c.url, "wowbot_nodejs_heap_size_used_bytes")]).then(([mb, heap]) =>
        rss.push({ replica, s, mb: round(mb), heapMB: round(heap) }),
      );
    });
  }, 1_000);
  const cpuBefore = await cpuSeconds(pids);
  const rssStart = await rssMB(pids[0] as number);
  const samples = await load(urls, measuredCount, rate, mixed, (kind, k) => requestFor(kind, k, responseBase, nominations, "run"));
  clearInterval(sampler);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const cpuUsed = (await cpuSeconds(pids)) - cpuBefore;
  const pendingAtEnd = await pending();
  const drainMs = await drain(DRAIN_TIMEOUT_MS);
  const rssAfterDrain = round(await rssMB(pids[0] as number));
  const outbox = (await db.query<{ status: string; count: string }>(`SELECT status, count(*) FROM "Outbox" GROUP BY status`)).rows;
  const counts = {
    nominations: Number((await db.query(`SELECT count(*) FROM "Nomination"`)).rows[0]?.count),
    seconds: Number((await db.query(`SELECT count(*) FROM "Endorsement"`)).rows[0]?.count),
    scores: Number((await db.query(`SELECT count(*) FROM "QuickScore"`)).rows[0]?.count),
  };
  await db.end();
  db = undefined;
  for (const [i, c] of all.entries()) {
    const exit = await stopChild(c.process, live);
    if (exit !== 0) problems.push(`wowbot${replicas > 1 ? ` replica ${i + 1}` : ""} exited with ${exit} after SIGTERM, expected 0`);
  }
  clearInterval(tally);
  for (const call of calls.splice(0)) slackCalls.set(call.method, (slackCalls.get(call.method) ?? 0) + 1);

  // Errors: non-2xx, timeouts and refused scores in the measured run, and error lines the child logged during it.
  const failed = samples.filter((s) => s.problem);
  const runErrorLines = all.flatMap((c, i) => c.errorLines.slice(errorLinesBefore[i]));
  if (failed.length) problems.push(`${failed.length} of ${samples.length} requests failed, e.g. ${failed[0]?.problem}`);
  if (runErrorLines.length) problems.push(`wowbot logged ${runErrorLines.length} error line(s), e.g. ${runErrorLines[0]}`);
  if (drainMs === undefined)
    problems.push(`the outbox still had ${await pending().catch(() => "?")} pending message(s) ${DRAIN_TIMEOUT_MS / 1000} s after the load`);

  // Growth: median RSS of the last window against the first, each a sixth of the run (10 s of 60) and at least 2 samples.
  const window = Math.max(2, Math.round(duration / 6));
  // Each replica's own growth; the target takes the largest. The first replica's figures are printed.
  const windows = all.map((_, replica) => {
    const firstSamples = rss.filter((r) => r.replica === replica && r.s <= window);
    const lastSamples = rss.filter((r) => r.replica === replica && r.s > loadSeconds - window);
    const first = median(firstSamples.map((r) => r.mb));
    const last = median(lastSamples.map((r) => r.mb));
    // The heap in use includes garbage not yet collected, so it is a hint, not the target: RSS is what a host pays for.
    const heap = { first: median(firstSamples.map((r) => r.heapMB)), last: median(lastSamples.map((r) => r.heapMB)) };
    // The leak check: the heap's lowest sample in the first and last third of the run. Each third spans several major
    // collections (about one every 10 s at 200/s), so its lowest sample is what survived one; a leak raises it.
    const third = loadSeconds / 3;
    const floorOf = (samples: typeof rss) => round(Math.min(...samples.map((r) => r.heapMB)));
    const floor = {
      first: floorOf(rss.filter((r) => r.replica === replica && r.s <= third)),
      last: floorOf(rss.filter((r) => r.replica === replica && r.s > loadSeconds - third)),
    };
    return { first, last, heap, floor, growth: round((last - first) / first) };
  });
  const { first, last, heap, floor } = windows[0] as (typeof windows)[number];
  const growth = Math.max(...windows.map((w) => w.growth));
  const overall = percentiles(samples.map((s) => s.ms));
  const baseline = percentiles(bareSamples.map((s) => s.ms));
  const byKind = Object.fromEntries(KINDS.map((k) => [k, percentiles(samples.filter((s) => s.kind === k).map((s) => s.ms))]));
  const baselineByKind = Object.fromEntries(KINDS.map((k) => [k, percentiles(bareSamples.filter((s) => s.kind === k).map((s) => s.ms))]));
  const bareFailed = bareSamples.filter((s) => s.problem);
  if (bareFailed.length) problems.push(`bare Bolt app: ${bareFailed.length} request(s) failed, e.g. ${bareFailed[0]?.problem}`);
  const targets = {
    errors: { target: "0", value: failed.length + runErrorLines.length, met: failed.length + runErrorLines.length === 0 },
    p99: { target: `< ${TARGET_P99_MS} ms`, value: overall.p99, met: overall.p99 < TARGET_P99_MS },
    rssGrowth: { target: `< ${TARGET_RSS_GROWTH * 100} %`, value: growth, met: growth < TARGET_RSS_GROWTH },
    outboxDrained: { target: `within ${DRAIN_TIMEOUT_MS / 1000} s`, value: drainMs ?? null, met: drainMs !== undefined },
  };

  // Distinct error messages with their counts: a flood of one kind and a rare other kind both show.
  const errorKinds = Object.fromEntries(
    runErrorLines.reduce((kinds, line) => {
      // Lines are kept cut at 1000 characters, so the fields are read with a pattern rather than JSON.parse.
      const field = (name: string) => line.match(new RegExp(`"${name}":"([^"]*)"`))?.[1];
      const key = [field("msg"), field("message")].filter(Boolean).join(": ").slice(0, 300) || line.slice(0, 200);
      return kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }, new Map<string, number>()),
  );
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const rows = [
    ...KINDS.map((k) => [`wowbot ${k}`, byKind[k], baselineByKind[k]] as const),
    ["wowbot, all", overall, baseline] as const,
    ["bare Bolt app, all", baseline, baseline] as const,
  ].map(([name, p, base]) => [
    name,
    String(p?.count),
    ms(p?.median ?? Number.NaN),
    ms(p?.p95 ?? Number.NaN),
    ms(p?.p99 ?? Number.NaN),
    ms(p?.max ?? Number.NaN),
    `${((p?.median ?? Number.NaN) / (base?.median ?? Number.NaN)).toFixed(1)}x`,
    String(
      name.startsWith("bare") ? bareFailed.length : samples.filter((s) => name.endsWith("all") || s.kind === name.slice(7)).filter((s) => s.problem).length,
    ),
  ]);
  const header = ["acknowledgement", "requests", "median", "p95", "p99", "max", "median / bare", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((cells) => cells[i]?.length ?? 0)));
  console.log();
  for (const cells of [header, ...rows])
    console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "));
  const maxLag = Math.max(...samples.map((s) => s.lagMs));
  console.log(
    `\nwowbot RSS: ${round(rssStart)} MB at the start of the measured load; median ${first} MB over its first ${window} s, ${last} MB over its last ${window} s; ${rssAfterDrain} MB after the drain; peak ${Math.max(...rss.map((r) => r.mb))} MB`,
  );
  if (replicas > 1)
    console.log(`RSS growth by replica (the figures above are the first one's): ${windows.map((w) => `${round(w.growth * 100)} %`).join(", ")}`);
  console.log(`wowbot V8 heap limit: ${heapLimitMB} MB (NODE_OPTIONS ${process.env.BENCH_NODE_OPTIONS ?? "unset"})`);
  console.log(`wowbot V8 heap in use (garbage included): median ${heap.first} MB over the first ${window} s, ${heap.last} MB over the last ${window} s`);
  console.log(`wowbot V8 heap after collections (lowest sample): ${floor.first} MB in the first third of the run, ${floor.last} MB in the last third`);
  console.log(
    `wowbot CPU: ${round(cpuUsed)} s over ${round(loadSeconds)} s of load (${round((cpuUsed / loadSeconds) * 100)} % of one core), ${round((cpuUsed * 1000) / samples.length)} ms per request`,
  );
  console.log(
    `database: ${counts.nominations} nominations, ${counts.seconds} seconds, ${counts.scores} scores; outbox ${outbox.map((o) => `${o.count} ${o.status}`).join(", ")}`,
  );
  console.log(`outbox: ${pendingAtEnd} pending when the load ended, ${drainMs === undefined ? "NOT drained" : `drained ${round(drainMs / 1000)} s later`}`);
  console.log(`Slack calls: ${[...slackCalls].map(([m, c]) => `${m} ${c}`).join(", ")}`);
  console.log(`response_url posts: ${[...responseUrlPosts].map(([k, c]) => `${k} ${c}`).join(", ")}`);
  console.log(`wowbot log during the run: ${runErrorLines.length} error lines, ${all.reduce((n, c) => n + c.warnLines.length, 0)} warn lines (whole life)`);
  for (const [kind, count] of Object.entries(errorKinds).slice(0, 5)) console.log(`  ${count} x ${kind}`);
  console.log(`generator: latest send ${ms(maxLag)} behind schedule; load average (1 min) now ${round(os.loadavg()[0] ?? 0)}`);
  console.log(`\ntarget no errors: ${targets.errors.value}, ${targets.errors.met ? "met" : "MISSED"}`);
  console.log(`target ack p99 under ${TARGET_P99_MS} ms: ${ms(overall.p99)}, ${targets.p99.met ? "met" : "MISSED"}`);
  console.log(`target RSS growth under ${TARGET_RSS_GROWTH * 100} %: ${round(growth * 100)} %, ${targets.rssGrowth.met ? "met" : "MISSED"}`);
  for (const problem of problems) console.log(`\nPROBLEM: ${problem}`);

  report = {
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAfter: round(os.loadavg()[0] ?? 0) },
    settings: {
      rate,
      duration,
      replicas,
      warmupSeconds,
      baselineDuration,
      agents,
      leads,
      seedNominations: seedCount,
      mix: MIX,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      command: SERVE_COMMAND.map((a) => (path.isAbsolute(a) ? path.relative(ROOT, a) : a)).join(" "),
      nodeOptions: process.env.BENCH_NODE_OPTIONS ?? null,
    },
    targets,
    problems,
    acknowledgement: { overall, byKind, baseline, baselineByKind },
    rss: {
      startMB: round(rssStart),
      firstWindowMB: first,
      lastWindowMB: last,
      windowSeconds: window,
      growthByReplica: windows.map((w) => w.growth),
      afterDrainMB: rssAfterDrain,
      heapLimitMB,
      heapFirstWindowMB: heap.first,
      heapLastWindowMB: heap.last,
      heapFloorFirstThirdMB: floor.first,
      heapFloorLastThirdMB: floor.last,
      samples: rss,
    },
    cpu: { seconds: round(cpuUsed), loadSeconds: round(loadSeconds) },
    outbox: { pendingAtEnd, drainMs: drainMs ?? null, byStatus: outbox },
    database: counts,
    slackCalls: Object.fromEntries(slackCalls),
    responseUrlPosts: Object.fromEntries(responseUrlPosts),
    responseUrlSamples: Object.fromEntries(responseUrlSamples),
    errorKinds,
    errorLines: runErrorLines.slice(0, 20),
    warnLines: all.flatMap((c) => c.warnLines).slice(0, 20),
    maxSendLagMs: round(maxLag),
    failures: failed.slice(0, 20),
    samplesMs: samples.map((s) => [s.kind, round(s.atMs), round(s.ms)]),
  };
} finally {
  await cleanup();
}

await mkdir(path.dirname(RESULTS), { recursive: true });
await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nraw results: ${path.relative(process.cwd(), RESULTS)}`);
// A failed request, an error line or an undrained outbox fails the run so CI notices; a missed latency or memory target does not.
if (problems.length) process.exitCode = 1;
