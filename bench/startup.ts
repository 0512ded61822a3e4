// Start-up and idle-memory benchmark: spawn-to-ready time and idle RSS of `wowbot serve` on PGlite and PostgreSQL, next to a bare Node baseline.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ADMIN_URL, adminQuery, CHILD_PATH, cleanUpOnInterrupt, dropDatabase, machineInfo, SERVE_COMMAND, stopChild } from "./lib.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = path.join(ROOT, "bench", "results", "startup-latest.json");
const POLL_MS = 20;
const START_TIMEOUT_MS = 30_000;
const IDLE_MS = 5_000;
// The smallest service that can answer /readyz: what any Node process costs, so figures from different machines compare.
const BASELINE = [
  process.execPath,
  "-e",
  `require("node:http").createServer((q, r) => { r.statusCode = q.url === "/readyz" ? 200 : 404; r.end(); }).listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));`,
];
const BASE = { ready: "ready, baseline (bare node http)", rss: "idle RSS, baseline (bare node http)" };
const ORDER = [
  BASE.ready,
  "ready, PGlite first start",
  "ready, PGlite existing dir",
  "ready, PostgreSQL first start (migrating)",
  "ready, PostgreSQL",
  BASE.rss,
  "idle RSS, PGlite",
  "idle RSS, PostgreSQL",
  "peak RSS, PGlite existing dir",
  "peak RSS, PostgreSQL",
];
const TARGETS: Record<string, number> = { "ready, PGlite existing dir": 3_000, "ready, PostgreSQL": 1_500, "idle RSS, PGlite": 200 };

function usage(message: string): never {
  console.error(`bench/startup.ts: ${message}`);
  process.exit(2);
}
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 100) usage(`--runs must be an integer from 1 to 100, got ${values.runs}`);
if (process.platform !== "linux") usage("this benchmark reads /proc/<pid>/status, so it runs on Linux only");
if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) usage("dist/ is missing: run `npm run build` first (`npm run bench` does)");

const machine = machineInfo();
console.log(`runs: ${runs} per case; ready = spawn to first 200 from /readyz (polled every ${POLL_MS} ms); idle RSS = VmRSS ${IDLE_MS / 1000} s after ready\n`);

// Children run in a scratch directory with a minimal environment: no .env file, ./data or Slack/Teams credentials
// from the developer's shell can change what is measured.
const workDir = await mkdtemp(path.join(os.tmpdir(), "wowbot-bench-"));
const childEnv = { PATH: CHILD_PATH, HOME: os.homedir(), NODE_ENV: "production", LOG_LEVEL: "warn" };
const live = new Set<ChildProcess>();
const samples = new Map<string, number[]>();
const problems: string[] = [];
const dbName = `wowbot_bench_${randomBytes(4).toString("hex")}`;
let databaseUrl: string | undefined;
let postgresSkipped: string | undefined;

function record(name: string, value: number): void {
  samples.set(name, [...(samples.get(name) ?? []), value]);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Status of GET /readyz, 0 when nothing answers yet. A fresh connection each time, so none lingers into shutdown. */
function readyStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/readyz", agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

/** Resident and peak resident memory of a process, in MB (10^6 bytes). */
async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kB = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1]);
  return { rss: (kB("VmRSS") * 1024) / 1e6, peak: (kB("VmHWM") * 1024) / 1e6 };
}

/** Stops a child and records anything but a clean exit 0 as a problem. */
async function stop(child: ChildProcess, label: string): Promise<void> {
  const exit = await stopChild(child, live);
  if (exit !== 0) problems.push(`${label}: exited with ${exit} after SIGTERM, expected 0`);
}

/** Spawns `command`, times spawn to the first 200 from /readyz, reads memory (after the idle wait if asked), stops it. */
async function measure(label: string, [program, ...args]: string[], env: Record<string, string>, idle: boolean) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(program as string, args, { cwd: workDir, env: { ...childEnv, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  // Drain the pipes (a full pipe would block the child) and keep the tail to explain a failed start.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    let readyMs: number | undefined;
    while (readyMs === undefined) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${label}: exited with ${child.exitCode ?? child.signalCode} before ready\n${output}`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`${label}: not ready within ${START_TIMEOUT_MS / 1000} s\n${output}`);
      if ((await readyStatus(port)) === 200) readyMs = performance.now() - started;
      else await sleep(POLL_MS);
    }
    if (idle) await sleep(IDLE_MS);
    return { readyMs, ...(await memory(child.pid ?? 0)) };
  } finally {
    await stop(child, label);
  }
}

let cleaning: Promise<void> | undefined;
/** Runs once, from the normal end, a failure or Ctrl-C: no child, database or temp directory outlives the bench. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    // Wait for the exits: a child still writing its PGlite files would make the directory removal fail.
    await Promise.all(
      [...live].map((child) => {
        const exited = child.exitCode === null && child.signalCode === null ? once(child, "exit") : undefined;
        child.kill("SIGKILL");
        return exited;
      }),
    );
    if (databaseUrl) {
      await dropDatabase(dbName);
    }
    await rm(workDir, { recursive: true, force: true, maxRetries: 3 }).catch((error: Error) => {
      console.error(`could not remove ${workDir} (${error.message}): remove it by hand`);
    });
  })();
  return cleaning;
}
cleanUpOnInterrupt(cleanup);

try {
  try {
    await adminQuery(`CREATE DATABASE "${dbName}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.href;
  } catch (error) {
    postgresSkipped = `PostgreSQL cases skipped: cannot use ${new URL(ADMIN_URL).host} (${(error as Error).message})`;
    console.log(`${postgresSkipped}\n`);
  }
  if (databaseUrl) {
    // The first start applies every migration; the measured PostgreSQL starts find the schema up to date, as a restart would.
    record("ready, PostgreSQL first start (migrating)", (await measure("PostgreSQL first start", SERVE_COMMAND, { DATABASE_URL: databaseUrl }, false)).readyMs);
  }
  // Cases alternate within each run, so a slow moment of the machine spreads over all of them instead of one.
  for (let run = 1; run <= runs; run++) {
    console.error(`run ${run}/${runs}`);
    const base = await measure("baseline", BASELINE, {}, true);
    record(BASE.ready, base.readyMs);
    record(BASE.rss, base.rss);
    const dataDir = path.join(workDir, `pglite-${run}`);
    record("ready, PGlite first start", (await measure("PGlite first start", SERVE_COMMAND, { DATA_DIR: dataDir }, false)).readyMs);
    const pglite = await measure("PGlite existing dir", SERVE_COMMAND, { DATA_DIR: dataDir }, true);
    record("ready, PGlite existing dir", pglite.readyMs);
    record("idle RSS, PGlite", pglite.rss);
    record("peak RSS, PGlite existing dir", pglite.peak);
    await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const postgres = await measure("PostgreSQL", SERVE_COMMAND, { DATABASE_URL: databaseUrl }, true);
      record("ready, PostgreSQL", postgres.readyMs);
      record("idle RSS, PostgreSQL", postgres.rss);
      record("peak RSS, PostgreSQL", postgres.peak);
    }
  }
} finally {
  await cleanup();
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

const tenth = (v: number) => Math.round(v * 10) / 10;
const baselineMedian = (name: string) => median([...(samples.get(name.startsWith("ready") ? BASE.ready : BASE.rss) ?? [])].sort((a, b) => a - b));
const results = [...samples]
  .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
  .map(([name, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const unit = name.startsWith("ready") ? "ms" : "MB";
    const target = TARGETS[name];
    // A target counts as met only when every run met it, not just the median.
    const max = sorted[sorted.length - 1] ?? Number.NaN;
    return {
      name,
      unit,
      samples: values.map(tenth),
      median: tenth(median(sorted)),
      min: tenth(sorted[0] ?? Number.NaN),
      max: tenth(max),
      ratioToBaseline: Math.round((median(sorted) / baselineMedian(name)) * 100) / 100,
      target,
      met: target === undefined ? undefined : max <= target,
    };
  });

const rows = results.map((r) => {
  const fmt = (v: number) => `${v.toFixed(r.unit === "ms" ? 0 : 1)} ${r.unit}`;
  const target = r.target === undefined ? "" : `<= ${r.target} ${r.unit}: ${r.met ? "met" : "MISSED"}`;
  return [r.name, fmt(r.median), fmt(r.min), fmt(r.max), `${r.ratioToBaseline.toFixed(1)}x`, target];
});
const header = ["case", "median", "min", "max", "/ baseline", "target (all runs)"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "));
if (postgresSkipped) console.log(`\n${postgresSkipped}`);
for (const problem of problems) console.log(`\nPROBLEM: ${problem}`);

await mkdir(path.dirname(RESULTS), { recursive: true });
const settings = { runs, pollMs: POLL_MS, idleMs: IDLE_MS, startTimeoutMs: START_TIMEOUT_MS, childEnv: { NODE_ENV: "production", LOG_LEVEL: "warn" } };
await writeFile(RESULTS, `${JSON.stringify({ date: new Date().toISOString(), machine, settings, postgresSkipped, problems, results }, null, 2)}\n`);
console.log(`\nraw results: ${path.relative(process.cwd(), RESULTS)}`);
// A child that did not exit 0 on SIGTERM is a shutdown bug: fail the run so CI notices.
if (problems.length) process.exitCode = 1;
