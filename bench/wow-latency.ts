// Slack /wow latency benchmark: signed `/wow <@U...> story` commands at a fixed open-loop rate into wowbot on PostgreSQL and into a bare Bolt app that only acks.
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { App, ExpressReceiver } from "@slack/bolt";
import { parseConfig } from "../src/config/env.js";
import { createLogger } from "../src/logger.js";
import { type Service, startService } from "../src/main.js";
import { FakeSlack } from "../test/support/fake-slack.js";
import { signSlackRequest, TEST_SIGNING_SECRET } from "../test/support/slack-requests.js";
import { ADMIN_URL, adminQuery, cleanUpOnInterrupt, dropDatabase, machineInfo } from "./lib.js";

const SELF = fileURLToPath(import.meta.url);
const RESULTS = path.join(path.dirname(SELF), "results", "wow-latency-latest.json");
const SLACK_SIDE = "--slack-side";
// Nominations are spread over several nominees so that the per-request refresh of the nominee's row is not one hot row.
const NOMINEES = 50;
const REQUEST_TIMEOUT_MS = 10_000;
const TARGET_RATIO = 1.5;
const TARGET_P99_MS = 50;

/** One phase of load: requests `first` .. `first + count - 1` at `rate` per second. */
interface Phase {
  url: string;
  first: number;
  count: number;
  rate: number;
  /** wowbot must confirm the nomination privately; the bare app acks with an empty 200. */
  expectConfirmation: boolean;
}
interface Sample {
  /** Request written to the full response read: the acknowledgement Slack waits for. */
  ms: number;
  /** Request written to the confirmation seen, in the response or posted to the response_url (`confirmedBy`). */
  confirmedMs?: number;
  confirmedBy?: "response" | "response_url";
  /** How late the generator sent it against its schedule: shows whether the open loop held the rate. */
  lagMs: number;
  problem?: string;
}
interface Reply {
  at: number;
  text: string;
}
/** Waiters for response_url posts, by path; called with no reply when the body already confirmed or time ran out. */
type Replies = Map<string, (reply?: Reply) => void>;

const nominatorId = (i: number) => `U0N${String(i).padStart(6, "0")}`;
const nomineeId = (i: number) => `U0E${String(i % NOMINEES).padStart(3, "0")}`;
const isConfirmation = (json: string) => {
  try {
    return String((JSON.parse(json) as { text?: unknown }).text).includes("is in");
  } catch {
    return false;
  }
};

/** The form body Slack posts for `/wow <@nominee> story`; each request has its own nominator, story and trigger id. */
function commandBody(i: number, responseUrl: string): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T0TEST",
    team_domain: "wowbot-bench",
    channel_id: "C0BENCH",
    channel_name: "bench",
    user_id: nominatorId(i),
    user_name: `agent${i}`,
    command: "/wow",
    text: `<@${nomineeId(i)}> Request ${i}: stayed on the line to rebook the whole family's flights after the storm, and remembered the kid's birthday.`,
    api_app_id: "A0WOWBOT",
    trigger_id: `bench.${i}`,
    response_url: responseUrl,
  }).toString();
}

function send(url: string, i: number, replies: Replies, responseUrls: string, agent: http.Agent, lagMs: number, expectConfirmation: boolean): Promise<Sample> {
  const replyPath = `/response/${i}`;
  const body = commandBody(i, `${responseUrls}${replyPath}`);
  // Signed when sent, as Slack does: a fresh timestamp for every request.
  const headers = { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), ...signSlackRequest(body) };
  const started = performance.now();
  // wowbot confirms in the response when it works before acknowledging, or posts to the response_url when it acknowledges first.
  const posted = new Promise<Reply | undefined>((resolve) => {
    const timer = setTimeout(() => replies.get(replyPath)?.(), REQUEST_TIMEOUT_MS);
    replies.set(replyPath, (reply) => {
      clearTimeout(timer);
      replies.delete(replyPath);
      resolve(reply);
    });
  });
  return new Promise((resolve) => {
    const fail = (problem: string) => {
      replies.get(replyPath)?.();
      resolve({ ms: performance.now() - started, lagMs, problem });
    };
    const req = http.request(url, { method: "POST", agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => {
        const ms = performance.now() - started;
        if (res.statusCode !== 200) return fail(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
        if (!expectConfirmation || isConfirmation(text)) {
          replies.get(replyPath)?.();
          return resolve(expectConfirmation ? { ms, confirmedMs: ms, confirmedBy: "response", lagMs } : { ms, lagMs });
        }
        void posted.then((reply) =>
          resolve(
            reply && isConfirmation(reply.text)
              ? { ms, confirmedMs: reply.at - started, confirmedBy: "response_url", lagMs }
              : { ms, lagMs, problem: `no confirmation: ${(reply?.text ?? text).slice(0, 200) || `nothing within ${REQUEST_TIMEOUT_MS / 1000} s`}` },
          ),
        );
      });
    });
    req.on("timeout", () => req.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on("error", (error) => fail(error.message));
    req.end(body);
  });
}

/** Open loop: each request leaves at its scheduled time whether or not earlier ones were answered, so slow answers cannot lower the load. */
async function load({ url, first, count, rate, expectConfirmation }: Phase, replies: Replies, responseUrls: string): Promise<Sample[]> {
  const agent = new http.Agent({ keepAlive: true });
  const start = performance.now();
  const inFlight: Array<Promise<Sample>> = [];
  for (let k = 0; k < count; k++) {
    const due = start + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send(url, first + k, replies, responseUrls, agent, performance.now() - due, expectConfirmation));
  }
  const samples = await Promise.all(inFlight);
  agent.destroy();
  return samples;
}

/**
 * The child process plays Slack: the Web API wowbot calls (users.info, chat.postMessage), the response_url endpoint
 * and the load generator. Out of the servers' process, its timers and clocks are not held up by their event loop and
 * its work does not land on wowbot's, just as real Slack's would not.
 */
async function slackSide(nominators: number): Promise<void> {
  const fakeSlack = await new FakeSlack().start();
  for (let i = 1; i <= nominators; i++) fakeSlack.addUser({ id: nominatorId(i), name: `agent${i}` });
  for (let i = 0; i < NOMINEES; i++) fakeSlack.addUser({ id: nomineeId(i), name: `nominee${i}` });
  const replies: Replies = new Map();
  const responseServer = http.createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
    });
    req.on("end", () => {
      replies.get(req.url ?? "")?.({ at: performance.now(), text });
      res.end("ok");
    });
  });
  responseServer.listen(0, "127.0.0.1");
  await once(responseServer, "listening");
  const responseUrls = `http://127.0.0.1:${(responseServer.address() as AddressInfo).port}`;
  // The parent disconnecting (done, failed or interrupted) ends this process.
  process.on("disconnect", () => process.exit(0));
  process.on("message", (phase: Phase) => void load(phase, replies, responseUrls).then((samples) => process.send?.(samples)));
  process.send?.(fakeSlack.url);
}

if (process.argv[2] === SLACK_SIDE) {
  await slackSide(Number(process.argv[3]));
} else {
  await main();
}

async function main(): Promise<void> {
  function usage(message: string): never {
    console.error(`bench/wow-latency.ts: ${message}`);
    process.exit(2);
  }
  const { values } = parseArgs({ options: { rate: { type: "string", default: "50" }, seconds: { type: "string", default: "30" } } });
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  if (!(rate > 0 && rate <= 1000)) usage(`--rate must be requests per second, above 0 and at most 1000, got ${values.rate}`);
  if (!(seconds > 0 && seconds <= 600)) usage(`--seconds must be above 0 and at most 600, got ${values.seconds}`);
  const count = Math.round(rate * seconds);
  // One second of the same load, at least 10 requests: JIT, connection pools, and wowbot's first request (workspace and auth.test).
  const warmup = Math.max(10, Math.round(rate));
  if (count < 1) usage("--rate times --seconds must make at least one request");

  const machine = machineInfo();
  console.log(
    `load: ${rate} requests/s open loop for ${seconds} s (${count} requests) per case, after ${warmup} warm-up requests; bare app first, then wowbot\n`,
  );

  const dbName = `wowbot_bench_${randomBytes(4).toString("hex")}`;
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).href;
  let databaseCreated = false;
  let slack: ChildProcess | undefined;
  let bare: http.Server | undefined;
  let service: Service | undefined;

  let cleaning: Promise<void> | undefined;
  /** Runs once, from the normal end, a failure or Ctrl-C: no server, child or database outlives the bench. */
  function cleanup(): Promise<void> {
    cleaning ??= (async () => {
      // wowbot first: its outbox job calls the fake Slack, and its connections must be gone before the drop.
      await service?.stop().catch((error: Error) => console.error(`wowbot did not stop cleanly: ${error.message}`));
      bare?.closeAllConnections();
      await new Promise((resolve) => (bare?.listening ? bare.close(resolve) : resolve(undefined)));
      if (slack && slack.exitCode === null && slack.signalCode === null) {
        const exited = once(slack, "exit");
        if (slack.connected) slack.disconnect();
        const killer = setTimeout(() => slack?.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      if (databaseCreated) {
        await dropDatabase(dbName);
      }
    })();
    return cleaning;
  }
  cleanUpOnInterrupt(cleanup);

  /** Sends a message to the Slack side (if any) and waits for its next answer; fails if it exits instead. */
  async function ask<T>(phase?: Phase): Promise<T> {
    const child = slack as ChildProcess;
    if (phase) child.send(phase);
    const exited = once(child, "exit").then(([code]) => {
      throw new Error(`the Slack side exited with ${code}`);
    });
    const [answer] = await Promise.race([once(child, "message"), exited]);
    return answer as T;
  }

  const cases: Array<{ name: string; samples: Sample[]; warmup: Sample[]; serverCpuMsPerRequest: number; eventLoopUtilization: number }> = [];
  const problems: string[] = [];
  let nominations = 0;
  let outbox = { pending: 0, sent: 0 };
  try {
    try {
      await adminQuery(`CREATE DATABASE "${dbName}"`);
      databaseCreated = true;
    } catch (error) {
      throw new Error(`cannot create a database on ${new URL(ADMIN_URL).host} (${(error as Error).message}); set BENCH_POSTGRES_URL`);
    }
    slack = fork(SELF, [SLACK_SIDE, String(warmup + count)]);
    const slackUrl = await ask<string>();

    const receiver = new ExpressReceiver({ signingSecret: TEST_SIGNING_SECRET, endpoints: "/slack/events", processBeforeResponse: false });
    const app = new App({ signingSecret: TEST_SIGNING_SECRET, receiver, authorize: async () => ({ botToken: "xoxb-x", botId: "B1", botUserId: "U1" }) });
    app.command("/wow", async ({ ack }) => {
      await ack();
    });
    bare = receiver.app.listen(0, "127.0.0.1");
    await once(bare, "listening");

    const parsed = parseConfig({
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-bench-token",
      SLACK_API_URL: slackUrl,
    });
    if (!parsed.ok) throw new Error(`bad configuration: ${parsed.problems.join("; ")}`);
    // Production settings: Bolt acknowledges when the listener calls ack, so whatever /wow does first is in the acknowledgement; jobs on their schedules.
    service = await startService({
      config: { ...parsed.config, port: 0 },
      logger: createLogger("warn"),
      processBeforeResponse: false,
      scheduleJobs: true,
      shutdownGraceMs: 2_000,
    });

    // One case after the other rather than interleaved: interleaving would put wowbot's CPU and database work on the
    // same two cores while the bare app is measured, so the baseline would no longer be bare.
    const servers = [
      { name: "bare Bolt app (ack only)", url: `http://127.0.0.1:${(bare.address() as AddressInfo).port}/slack/events`, expectConfirmation: false },
      { name: "wowbot /wow (PostgreSQL)", url: `${service.url}/slack/events`, expectConfirmation: true },
    ];
    for (const { name, url, expectConfirmation } of servers) {
      console.error(`${name}: warm-up, then ${seconds} s of load`);
      const warm = await ask<Sample[]>({ url, first: 1, count: warmup, rate, expectConfirmation });
      // The servers' process: its CPU per request and how busy its event loop was say whether requests queued for the CPU.
      const [cpu, loop] = [process.cpuUsage(), performance.eventLoopUtilization()];
      const samples = await ask<Sample[]>({ url, first: warmup + 1, count, rate, expectConfirmation });
      const { user, system } = process.cpuUsage(cpu);
      const serverCpuMsPerRequest = (user + system) / 1000 / count;
      cases.push({ name, samples, warmup: warm, serverCpuMsPerRequest, eventLoopUtilization: performance.eventLoopUtilization(loop).utilization });
    }

    const prisma = service.db.prisma;
    nominations = await prisma.nomination.count();
    // Not a target: shows whether the outbox job kept up with the two messages each nomination owes.
    outbox = { pending: await prisma.outbox.count({ where: { status: "pending" } }), sent: await prisma.outbox.count({ where: { status: "sent" } }) };
  } finally {
    await cleanup();
  }

  const round = (v: number) => Math.round(v * 100) / 100;
  /** Nearest rank: the smallest sample with at least q of all samples at or below it. */
  function percentiles(values: number[]) {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN);
    return { median: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
  }
  const results = cases.map(({ name, samples, warmup: warm, serverCpuMsPerRequest, eventLoopUtilization }) => {
    const failed = [...warm, ...samples].filter((s) => s.problem);
    if (failed.length) problems.push(`${name}: ${failed.length} request(s) failed or refused, e.g. ${failed[0]?.problem}`);
    const confirmedMs = samples.flatMap((s) => s.confirmedMs ?? []);
    return {
      name,
      requests: samples.length,
      errors: samples.filter((s) => s.problem).length,
      confirmed: warm.length + samples.length - failed.length,
      // Where the measured run's confirmations came from, which is up to wowbot's design.
      confirmedIn: {
        response: samples.filter((s) => s.confirmedBy === "response").length,
        responseUrl: samples.filter((s) => s.confirmedBy === "response_url").length,
      },
      acknowledgement: percentiles(samples.map((s) => s.ms)),
      confirmation: confirmedMs.length ? percentiles(confirmedMs) : undefined,
      serverCpuMsPerRequest: round(serverCpuMsPerRequest),
      eventLoopUtilization: round(eventLoopUtilization),
      maxSendLagMs: round(Math.max(...samples.map((s) => s.lagMs))),
      samplesMs: samples.map((s) => round(s.ms)),
      confirmedSamplesMs: confirmedMs.map(round),
    };
  });
  const [base, wow] = results;
  // Warm-up requests create nominations too, so every confirmed wowbot request counts.
  if (wow && nominations !== wow.confirmed) problems.push(`${nominations} nominations in the database, expected one per confirmed request: ${wow.confirmed}`);
  // The targets are about the acknowledgement: what Slack waits for, within its 3 s, before it shows anything.
  const ratio = round((wow?.acknowledgement.median ?? Number.NaN) / (base?.acknowledgement.median ?? Number.NaN));
  const p99 = wow?.acknowledgement.p99 ?? Number.NaN;
  const targets = {
    medianRatio: { target: `<= ${TARGET_RATIO}x the bare app`, value: ratio, met: ratio <= TARGET_RATIO },
    p99: { target: `< ${TARGET_P99_MS} ms`, value: p99, met: p99 < TARGET_P99_MS },
  };

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const row = (name: string, r: (typeof results)[number], p: ReturnType<typeof percentiles>, load: boolean) => [
    name,
    String(r.requests),
    ms(p.median),
    ms(p.p90),
    ms(p.p99),
    ms(p.max),
    `${(p.median / (base?.acknowledgement.median ?? Number.NaN)).toFixed(1)}x`,
    String(r.errors),
    load ? ms(r.serverCpuMsPerRequest) : "",
    load ? `${Math.round(r.eventLoopUtilization * 100)} %` : "",
  ];
  const rows = results.flatMap((r) =>
    r.confirmation
      ? [row(`${r.name}, acknowledgement`, r, r.acknowledgement, true), row(`${r.name}, confirmation`, r, r.confirmation, false)]
      : [row(r.name, r, r.acknowledgement, true)],
  );
  const header = ["case", "requests", "median", "p90", "p99", "max", "median / bare", "errors", "CPU / request", "event loop busy"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((cells) => cells[i]?.length ?? 0)));
  console.log();
  for (const cells of [header, ...rows])
    console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "));
  console.log(`\ntarget median (acknowledgement) within ${TARGET_RATIO}x of the bare app: ${ratio.toFixed(2)}x, ${targets.medianRatio.met ? "met" : "MISSED"}`);
  console.log(`target p99 (acknowledgement) under ${TARGET_P99_MS} ms: ${ms(p99)}, ${targets.p99.met ? "met" : "MISSED"}`);
  if (wow) console.log(`confirmations: ${wow.confirmedIn.response} in the response, ${wow.confirmedIn.responseUrl} posted to the response_url`);
  console.log(`generator: latest send ${ms(Math.max(...results.map((r) => r.maxSendLagMs)))} behind schedule`);
  console.log(`database: ${nominations} nominations; outbox after the load: ${outbox.sent} messages sent, ${outbox.pending} pending`);
  for (const problem of problems) console.log(`\nPROBLEM: ${problem}`);

  await mkdir(path.dirname(RESULTS), { recursive: true });
  const settings = { rate, seconds, warmup, nominees: NOMINEES, requestTimeoutMs: REQUEST_TIMEOUT_MS, order: results.map((r) => r.name) };
  await writeFile(
    RESULTS,
    `${JSON.stringify({ date: new Date().toISOString(), machine, settings, targets, nominations, outbox, problems, results }, null, 2)}\n`,
  );
  console.log(`\nraw results: ${path.relative(process.cwd(), RESULTS)}`);
  // A failed or refused request makes the latency figures meaningless: fail the run so CI notices.
  if (problems.length) process.exitCode = 1;
}
