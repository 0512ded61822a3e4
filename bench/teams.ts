// Teams under load beside Slack: the real `wowbot serve` on PostgreSQL with both platforms on, the same open-loop mix
// (nominations, seconds, pto, scores) sent through Slack's signed requests and then through Teams activities posted to
// /api/messages, in one run; acknowledgement latency and the service's CPU per request for each. Teams runs without
// authentication here (TEAMS_ALLOW_UNAUTHENTICATED, development mode), so token checks are not in its figures.
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
import { FakeBotConnector, type FakeTeamsUser } from "../test/support/fake-bot-connector.js";
import { FakeSlack } from "../test/support/fake-slack.js";
import { TEST_SIGNING_SECRET } from "../test/support/slack-requests.js";
import { TEAMS_TENANT, TeamsRequests } from "../test/support/teams-requests.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo, SERVE_COMMAND, stopChild } from "./lib.js";
import { cpuSeconds, type HttpRequest, load, percentiles, round, type Sample, startChild } from "./open-loop.js";
import { agentId, leadId, SLACK_KINDS, SLACK_MIX, type SlackKind, seedSlackTeam, slackRequests } from "./slack-mix.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = path.join(ROOT, "bench", "results", "teams-latest.json");
const TARGET_P99_MS = 100;
const TARGET_CPU_RATIO = 2;
const TEAM = "T0TEST";
const RECOGNITION_CHANNEL = "C0WOWS";

function usage(message: string): never {
  console.error(`bench/teams.ts: ${message}`);
  process.exit(2);
}
const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    warmup: { type: "string", default: "10" },
    agents: { type: "string", default: "40" },
    leads: { type: "string", default: "4" },
  },
});
const rate = Number(values.rate);
const duration = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const agents = Number(values.agents);
const leads = Number(values.leads);
if (!(rate > 0 && rate <= 500)) usage(`--rate must be requests per second, above 0 and at most 500, got ${values.rate}`);
if (!(duration >= 3 && duration <= 600)) usage(`--duration must be seconds from 3 to 600, got ${values.duration}`);
if (!(warmupSeconds >= 0 && warmupSeconds <= 60)) usage(`--warmup must be seconds from 0 to 60, got ${values.warmup}`);
if (!(Number.isInteger(agents) && agents >= 20 && agents <= 10_000)) usage("--agents must be a whole number from 20 to 10000");
if (!(Number.isInteger(leads) && leads >= 1 && leads <= 100)) usage("--leads must be a whole number from 1 to 100");
if (process.platform !== "linux") usage("this benchmark reads /proc/<pid>/stat, so it runs on Linux only");
if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) usage("dist/ is missing: run `npm run build` first (`npm run bench:teams` does)");

/** Teams people: "29:" account ids and AAD object ids, the same team sizes as on Slack. */
const teamsAgent = (i: number): FakeTeamsUser => ({
  id: `29:agent-${i}`,
  aadObjectId: `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, "0")}`,
  name: `Agent ${i}`,
  email: `agent${i}@example.com`,
});
const teamsLead = (i: number): FakeTeamsUser => ({
  id: `29:lead-${i}`,
  aadObjectId: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, "0")}`,
  name: `Lead ${i}`,
  email: `lead${i}@example.com`,
});

/** The Teams twin of the Slack mix: the same kinds, as activities (channel messages, card buttons, dialog submits). */
function teamsRequestFor(teams: TeamsRequests, kind: SlackKind, n: number, nominations: string[], run: string): HttpRequest {
  const agent = teamsAgent(n % agents);
  const json = (activity: Record<string, unknown>, check?: HttpRequest["check"]): HttpRequest => ({
    body: JSON.stringify(activity),
    headers: { "content-type": "application/json" },
    check,
  });
  switch (kind) {
    case "wow": {
      const nominee = teamsAgent((n + 1 + ((n * 7) % (agents - 1))) % agents);
      const text = `wow @${nominee.name} Request ${run}.${n}: stayed on with the customer until the replacement order was confirmed.`;
      return json(teams.channelMessage(agent, text, { mentions: [nominee] }));
    }
    case "wow-form":
      return json(teams.message(agent, "wow"));
    case "pto":
      return json(teams.message(agent, "pto"));
    case "second": {
      const nominationId = nominations[n % nominations.length] ?? "none";
      const clicker = teamsAgent((n + Math.floor(n / Math.max(1, nominations.length))) % agents);
      return json(teams.cardAction(clicker, "nomination.second", { nominationId }));
    }
    case "score":
      return json(
        teams.taskSubmit(teamsLead(n % leads), {
          wowbot: "form.submit",
          form: "form.score",
          dialog: `dialog-${run}-${n}-bench`,
          agent: agent.aadObjectId,
          reference: `CHAT-${run}-${n}`,
          channel: "chat",
          connection: String(n % 3),
          rapport: "yes",
          unstatedNeeds: n % 2 ? "partly" : "yes",
          wow: n % 5 ? "no" : "yes",
          note: n % 4 ? "" : "Lovely empathy; confirm the address before closing.",
        }),
        (text) => (text.includes('"type":"continue"') ? `score: refused: ${text.slice(0, 200)}` : undefined),
      );
  }
}

const machine = machineInfo();
const measuredCount = Math.round(rate * duration);
console.log(`teams: ${rate} requests/s open loop through Slack, then the same through Teams: ${warmupSeconds} s warm-up + ${duration} s measured each`);
console.log(`mix per 20 requests: ${SLACK_KINDS.map((k) => `${SLACK_MIX.filter((m) => m === k).length} ${k}`).join(", ")}; ${agents} agents, ${leads} leads\n`);

const dbName = `wowbot_bench_${randomBytes(4).toString("hex")}`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).href;
const workDir = await mkdtemp(path.join(os.tmpdir(), "wowbot-teams-bench-"));
const live = new Set<ChildProcess>();
let databaseCreated = false;
let fakeSlack: FakeSlack | undefined;
let connector: FakeBotConnector | undefined;
let responseServer: http.Server | undefined;
let db: pg.Client | undefined;
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of [...live]) await stopChild(child, live);
    await db?.end().catch(() => undefined);
    await fakeSlack?.stop().catch(() => undefined);
    await connector?.stop().catch(() => undefined);
    responseServer?.closeAllConnections();
    await new Promise((resolve) => (responseServer?.listening ? responseServer.close(resolve) : resolve(undefined)));
    if (databaseCreated) await dropDatabase(dbName);
    await rm(workDir, { recursive: true, force: true });
  })();
  return cleaning;
}
cleanUpOnInterrupt(cleanup);

const problems: string[] = [];
let report: Record<string, unknown> = {};
try {
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  databaseCreated = true;
  fakeSlack = await new FakeSlack().start();
  for (let i = 0; i < agents; i++) fakeSlack.addUser({ id: agentId(i), name: `agent${i}`, email: `agent${i}@example.com` });
  for (let i = 0; i < leads; i++) fakeSlack.addUser({ id: leadId(i), name: `lead${i}`, email: `lead${i}@example.com` });
  connector = await new FakeBotConnector().start();
  for (let i = 0; i < agents; i++) connector.addMember(teamsAgent(i));
  for (let i = 0; i < leads; i++) connector.addMember(teamsLead(i));
  // The fakes record every call; let the records go, so this process's memory stays flat.
  const forget = setInterval(() => {
    fakeSlack?.calls.splice(0);
    connector?.clear();
  }, 1_000);
  forget.unref();
  responseServer = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  responseServer.listen(0, "127.0.0.1");
  await once(responseServer, "listening");
  const responseBase = `http://127.0.0.1:${(responseServer.address() as AddressInfo).port}`;

  const wowbot = await startChild(
    SERVE_COMMAND,
    {
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-teams-bench",
      SLACK_API_URL: fakeSlack.url,
      TEAMS_ALLOW_UNAUTHENTICATED: "true",
    },
    workDir,
    live,
  );
  const pid = wowbot.process.pid as number;
  const slackUrl = `${wowbot.url}/slack/events`;
  const teamsUrl = `${wowbot.url}/api/messages`;
  const teams = new TeamsRequests(wowbot.url, connector);
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();

  // Both teams as they are after a while: everyone known, leads, a recognition channel; on Teams everyone has their
  // 1:1 chat with the bot (their first "help"), the way people start.
  const settings = { recognitionChannel: RECOGNITION_CHANNEL, nominationsPerDay: 1000 };
  await seedSlackTeam(db, { agents, leads, team: TEAM }, settings);
  const everyone = [...Array.from({ length: agents }, (_, i) => teamsAgent(i)), ...Array.from({ length: leads }, (_, i) => teamsLead(i))];
  for (const person of everyone)
    await fetch(teamsUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(teams.message(person, "help")) });
  await db.query(`UPDATE "Member" SET role = 'lead', "joinedAt" = now() - interval '90 days' WHERE "platformUserId" = ANY($1)`, [
    Array.from({ length: leads }, (_, i) => teamsLead(i).aadObjectId),
  ]);
  await db.query(`UPDATE "Workspace" SET settings = settings || $2::jsonb WHERE platform = 'teams' AND "externalId" = $1`, [
    TEAMS_TENANT,
    JSON.stringify({ nominationsPerDay: 1000 }),
  ]);

  const slackRequest = slackRequests({ agents, leads, team: TEAM, recognitionChannel: RECOGNITION_CHANNEL });
  const nominationsOf = async (platform: "slack" | "teams") =>
    (
      await (db as pg.Client).query<{ id: string }>(
        `SELECT n.id FROM "Nomination" n JOIN "Workspace" w ON w.id = n."workspaceId" WHERE w.platform = $1 ORDER BY n."createdAt"`,
        [platform],
      )
    ).rows.map((r) => r.id);
  const mixed = (k: number) => SLACK_MIX[k % SLACK_MIX.length] as SlackKind;

  /** One platform's phase: seed nominations, warm up, then the measured run with the service's CPU time around it. */
  async function phase(name: "slack" | "teams") {
    const url = name === "slack" ? slackUrl : teamsUrl;
    const requestOf = (nominations: string[], run: string, offset: number) => (kind: SlackKind, k: number) =>
      name === "slack" ? slackRequest(kind, offset + k, responseBase, nominations, run) : teamsRequestFor(teams, kind, offset + k, nominations, run);
    console.error(`${name}: seeding nominations, ${warmupSeconds} s warm-up, ${duration} s measured`);
    const seeded = await load(url, 20, 20, () => "wow" as SlackKind, requestOf([], "seed", 0));
    if (seeded.some((s) => s.problem)) problems.push(`${name} seeding: ${seeded.find((s) => s.problem)?.problem}`);
    await sleep(2_000);
    const nominations = await nominationsOf(name);
    if (nominations.length === 0) problems.push(`${name}: no nominations were seeded`);
    const warm = await load(url, Math.round(rate * warmupSeconds), rate, mixed, requestOf(nominations, "warm", measuredCount));
    if (warm.some((s) => s.problem))
      problems.push(`${name} warm-up: ${warm.filter((s) => s.problem).length} failed, e.g. ${warm.find((s) => s.problem)?.problem}`);
    const errorLinesBefore = wowbot.errorLines.length;
    const cpuBefore = await cpuSeconds([pid]);
    const started = performance.now();
    const samples = await load(url, measuredCount, rate, mixed, requestOf(nominations, "run", 0));
    const seconds = (performance.now() - started) / 1000;
    const cpu = (await cpuSeconds([pid])) - cpuBefore;
    const failed = samples.filter((s) => s.problem);
    const errorLines = wowbot.errorLines.slice(errorLinesBefore);
    if (failed.length) problems.push(`${name}: ${failed.length} of ${samples.length} requests failed, e.g. ${failed[0]?.problem}`);
    if (errorLines.length) problems.push(`${name}: wowbot logged ${errorLines.length} error line(s), e.g. ${errorLines[0]}`);
    // Let the outbox settle before the next phase, so one platform's deliveries are not billed to the other.
    await sleep(3_000);
    return {
      samples,
      cpuMsPerRequest: round((cpu * 1000) / samples.length),
      cpuSeconds: round(cpu),
      seconds: round(seconds),
      errors: failed.length + errorLines.length,
    };
  }

  const slack = await phase("slack");
  const teamsPhase = await phase("teams");
  const byKind = (samples: Array<Sample<SlackKind>>) =>
    Object.fromEntries(SLACK_KINDS.map((k) => [k, percentiles(samples.filter((s) => s.kind === k).map((s) => s.ms))]));
  const slackAll = percentiles(slack.samples.map((s) => s.ms));
  const teamsAll = percentiles(teamsPhase.samples.map((s) => s.ms));
  const ratio = round(teamsPhase.cpuMsPerRequest / slack.cpuMsPerRequest);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(["", "requests", "median", "p95", "p99", "max", "CPU per request"].join("\t"));
  for (const [label, p, cpu] of [
    ["slack", slackAll, slack.cpuMsPerRequest],
    ["teams", teamsAll, teamsPhase.cpuMsPerRequest],
  ] as const)
    console.log([label, String(p.count), ms(p.median), ms(p.p95), ms(p.p99), ms(p.max), ms(cpu)].join("\t"));
  const teamsKinds = byKind(teamsPhase.samples);
  console.log(
    `\nteams by kind: ${SLACK_KINDS.map((k) => `${k} p50 ${ms(teamsKinds[k]?.median ?? Number.NaN)} p99 ${ms(teamsKinds[k]?.p99 ?? Number.NaN)}`).join("; ")}`,
  );
  const targets = {
    errors: { target: "0", value: slack.errors + teamsPhase.errors, met: slack.errors + teamsPhase.errors === 0 },
    teamsP99: { target: `< ${TARGET_P99_MS} ms`, value: teamsAll.p99, met: teamsAll.p99 < TARGET_P99_MS },
    cpuRatio: { target: `teams CPU per request <= ${TARGET_CPU_RATIO}x slack's`, value: ratio, met: ratio <= TARGET_CPU_RATIO },
  };
  console.log();
  for (const [name, t] of Object.entries(targets)) console.log(`target ${name} ${t.target}: ${t.value}, ${t.met ? "met" : "MISSED"}`);
  for (const problem of problems) console.log(`problem: ${problem}`);
  report = {
    machine,
    settings: { rate, duration, warmupSeconds, agents, leads },
    slack: { all: slackAll, byKind: byKind(slack.samples), cpuMsPerRequest: slack.cpuMsPerRequest, cpuSeconds: slack.cpuSeconds },
    teams: { all: teamsAll, byKind: teamsKinds, cpuMsPerRequest: teamsPhase.cpuMsPerRequest, cpuSeconds: teamsPhase.cpuSeconds },
    targets,
    problems,
  };
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nraw results: ${path.relative(ROOT, RESULTS)}`);
} catch (error) {
  problems.push((error as Error).message);
  console.error(error);
} finally {
  await cleanup();
}
process.exit(problems.length ? 1 : 0);
