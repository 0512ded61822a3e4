// What the load benchmarks share: an open loop of HTTP requests with their acknowledgement times, the service as a
// child process, its memory and CPU from /proc, and percentiles.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { CHILD_PATH } from "./lib.js";

export const REQUEST_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 30_000;

/** One request to send: its body and headers, and what is wrong with a 200 answer (a refused form), if anything. */
export interface HttpRequest {
  body: string;
  headers: Record<string, string>;
  check?(text: string): string | undefined;
}

export interface Sample<K extends string = string> {
  kind: K;
  /** Request written to the full response read: the acknowledgement Slack waits for (3 s at most). */
  ms: number;
  /** When it was sent, from the start of its phase, and how late against its schedule. */
  atMs: number;
  lagMs: number;
  problem?: string;
}

/** Sends one request and times the whole answer; `check` says what is wrong with a 200 answer, if anything. */
export function send<K extends string>(url: string, kind: K, request: HttpRequest, agent: http.Agent, atMs: number, lagMs: number): Promise<Sample<K>> {
  const { body } = request;
  const headers = { "content-length": Buffer.byteLength(body), ...request.headers };
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (problem?: string) => resolve({ kind, ms: performance.now() - started, atMs, lagMs, ...(problem ? { problem } : {}) });
    const attempt = (retry: boolean) => {
      const req = http.request(url, { method: "POST", agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          if (res.statusCode !== 200) return done(`${kind}: HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
          done(request.check?.(text));
        });
      });
      req.on("timeout", () => req.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS / 1000} s`)));
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed just as it was reused: this client's race, not the server's answer,
        // so it is sent again once (Node's documented remedy); the time it took stays in the sample.
        if (retry && req.reusedSocket && error.code === "ECONNRESET") return attempt(false);
        done(`${kind}: ${error.message}`);
      });
      req.end(body);
    };
    attempt(true);
  });
}

/** Open loop: request k leaves at start + k / rate whether or not earlier ones were answered, so slow answers cannot lower the load. */
export async function load<K extends string>(
  url: string | string[],
  count: number,
  perSecond: number,
  kindOf: (k: number) => K,
  requestOf: (kind: K, k: number) => HttpRequest,
): Promise<Array<Sample<K>>> {
  const agent = new http.Agent({ keepAlive: true });
  // Several replicas share the load round-robin, as a load balancer in front of them would.
  const urls = Array.isArray(url) ? url : [url];
  const start = performance.now();
  const inFlight: Array<Promise<Sample<K>>> = [];
  for (let k = 0; k < count; k++) {
    const due = start + (k * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const kind = kindOf(k);
    inFlight.push(send(urls[k % urls.length] as string, kind, requestOf(kind, k), agent, due - start, performance.now() - due));
  }
  const samples = await Promise.all(inFlight);
  agent.destroy();
  return samples;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resident memory of a process in MB (10^6 bytes), or NaN once it is gone. */
export async function rssMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return (Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1]) * 1024) / 1e6;
}

/** A byte-valued metric of the child's, in MB, from its own /metrics; NaN if unavailable. */
export async function metricMB(url: string, name: string): Promise<number> {
  const text = await fetch(`${url}/metrics`).then(
    (r) => r.text(),
    () => "",
  );
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]) / 1e6;
}

export interface Child {
  process: ChildProcess;
  url: string;
  /** Lines the child logged at error or fatal level, and at warn. */
  errorLines: string[];
  warnLines: string[];
  tail(): string;
}

/** Spawns `command` with a minimal environment on a free port and waits for /readyz to answer 200. */
export async function startChild([program, ...args]: string[], env: Record<string, string>, cwd: string, live: Set<ChildProcess>): Promise<Child> {
  const port = await freePort();
  // BENCH_NODE_OPTIONS becomes the NODE_OPTIONS of the services and the baseline only: "--max-old-space-size=4096"
  // measures without serve's 512 MB default, "--heap-prof --heap-prof-dir=/tmp/prof" profiles (Node refuses
  // --cpu-prof in NODE_OPTIONS; use --inspect or a --require'd profiler instead).
  const nodeOptions = process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {};
  const child = spawn(program as string, args, {
    cwd,
    env: { PATH: CHILD_PATH, HOME: os.homedir(), NODE_ENV: "production", LOG_LEVEL: "warn", ...nodeOptions, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const errorLines: string[] = [];
  const warnLines: string[] = [];
  let output = "";
  let partial = "";
  // Pino writes one JSON line per entry; anything at error level or above counts as an error of the run.
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (/"level":"(error|fatal)"/.test(line)) errorLines.push(line.slice(0, 1_000));
      else if (/"level":"warn"/.test(line)) warnLines.push(line.slice(0, 1_000));
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    errorLines.push(chunk.toString().slice(0, 1_000));
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`child exited (${child.exitCode ?? child.signalCode}): ${output}`);
    const status = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`not ready within ${START_TIMEOUT_MS / 1000} s: ${output}`);
    await sleep(50);
  }
  return { process: child, url, errorLines, warnLines, tail: () => output };
}

export const round = (v: number) => Math.round(v * 100) / 100;
/** Nearest rank: the smallest sample with at least q of all samples at or below it. */
export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN);
  return { count: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}
export const median = (values: number[]) => percentiles(values.filter(Number.isFinite)).median;

/** CPU time the processes have used so far, in seconds (user + system, from /proc/<pid>/stat). */
export async function cpuSeconds(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}
