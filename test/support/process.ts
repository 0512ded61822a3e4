// Runs the real `wowbot` command as a child process (through tsx, so no build is needed), in a scratch working
// directory with only the environment a test gives it: no developer .env or DATABASE_URL leaks in.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const tsxLoader = pathToFileURL(path.join(path.dirname(require.resolve("tsx/package.json")), "dist/loader.mjs")).href;
const cli = path.resolve("src/cli/main.ts");

export interface WowbotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code, or rejects after `ms`. */
  exited(ms: number): Promise<number | null>;
}

const scratchDirs: string[] = [];
// Scratch directories (PGlite data, logs) go when the test worker exits, so test runs leave nothing in /tmp.
process.once("exit", () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

export function scratchDir(prefix = "wowbot-proc-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** `wrapper` runs the command through another one, e.g. `["unshare", "--pid", "--fork"]` for another PID namespace. */
export function wowbot(args: string[], env: Record<string, string>, cwd = scratchDir(), wrapper: string[] = []): WowbotProcess {
  const command = [...wrapper, process.execPath, "--import", tsxLoader, cli, ...args];
  const child = spawn(command[0] as string, command.slice(1), {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (c) => (out += c));
  child.stderr?.on("data", (c) => (err += c));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited: (ms) =>
      Promise.race([exit, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`wowbot did not exit within ${ms} ms`)), ms).unref())]),
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `url` until it answers 200; returns the milliseconds it took, or throws after `ms`. */
export async function waitFor200(url: string, ms: number, proc?: WowbotProcess): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (proc && proc.child.exitCode !== null) throw new Error(`wowbot exited (${proc.child.exitCode}): ${proc.stderr()}${proc.stdout()}`);
    try {
      if ((await fetch(url)).status === 200) return Date.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer 200 within ${ms} ms`);
}
