// bin/entrypoint.sh, what `npm start` and the Docker image run: serve's heap limit, the operator's override, and
// Node in the shell's place. The script runs for real, with a stand-in wowbot.js beside it that reports what Node got.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../support/process.js";

interface Report {
  args: string[];
  execArgv: string[];
  heapLimitMb: number;
  pid: number;
}

// Prints what Node was started with; `exit N` makes it exit with code N, as a failing CLI command would.
const STAND_IN = `import { getHeapStatistics } from "node:v8";
const args = process.argv.slice(2);
console.log(JSON.stringify({ args, execArgv: process.execArgv, heapLimitMb: getHeapStatistics().heap_size_limit / 2 ** 20, pid: process.pid }));
process.exit(args[0] === "exit" ? Number(args[1]) : 0);
`;

/** A scratch directory with a copy of the real script in bin/, and the stand-in beside it. */
function scratchWithEntrypoint(): string {
  const root = scratchDir("wowbot-entrypoint-");
  mkdirSync(path.join(root, "bin"));
  copyFileSync(path.resolve("bin/entrypoint.sh"), path.join(root, "bin", "entrypoint.sh"));
  writeFileSync(path.join(root, "bin", "wowbot.js"), STAND_IN);
  return root;
}

/** Runs `sh shArgs` in `cwd`; resolves with the exit code, the stand-in's report and the pid that was spawned. */
async function runSh(shArgs: string[], cwd: string, env: Record<string, string> = {}) {
  // `node` on PATH is the one running the tests, as it is the image's or the developer's for real.
  const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`;
  const child = spawn("sh", shArgs, { cwd, env: { PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (c) => (out += c));
  child.stderr.on("data", (c) => (err += c));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (!out) throw new Error(`the stand-in printed nothing (exit ${code}): ${err}`);
  return { code, report: JSON.parse(out) as Report, pid: child.pid };
}

function entrypoint(args: string[], env: Record<string, string> = {}) {
  const root = scratchWithEntrypoint();
  return runSh([path.join(root, "bin", "entrypoint.sh"), ...args], root, env);
}

describe("bin/entrypoint.sh", () => {
  it("starts `serve` with a 512 MB old-generation limit, as Node itself in place of the shell (signals reach the service)", async () => {
    const { code, report, pid } = await entrypoint(["serve"]);
    expect(code).toBe(0);
    expect(report.args).toEqual(["serve"]);
    expect(report.execArgv).toEqual(["--max-old-space-size=512"]);
    // V8's limit is the old generation's plus the young generation's few dozen MB.
    expect(report.heapLimitMb).toBeGreaterThanOrEqual(512);
    expect(report.heapLimitMb).toBeLessThan(640);
    expect(report.pid).toBe(pid);
  });

  it("leaves the limit to the operator when NODE_OPTIONS sets one", async () => {
    const { report } = await entrypoint(["serve"], { NODE_OPTIONS: "--max-old-space-size=1024" });
    expect(report.execArgv).toEqual([]);
    expect(report.heapLimitMb).toBeGreaterThanOrEqual(1024);
    expect(report.heapLimitMb).toBeLessThan(1152);
  });

  it("gives other commands Node's default heap, and their arguments exactly as typed", async () => {
    const { report, pid } = await entrypoint(["import", "attendance", "--file", "March 2026 (final).csv", ""]);
    expect(report.args).toEqual(["import", "attendance", "--file", "March 2026 (final).csv", ""]);
    expect(report.execArgv).toEqual([]);
    expect(report.pid).toBe(pid);
  });

  it("`npm start`'s command leaves Node as the process npm signals, so SIGTERM to npm start stops the service", async () => {
    // npm runs a script with `sh -c`; this sh does not exec its last command by itself, and npm forwards SIGTERM to
    // the process it spawned, which without `exec` would be a shell that dies and leaves the service running.
    const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
    const { report, pid } = await runSh(["-c", start], scratchWithEntrypoint());
    expect(report.args).toEqual(["serve"]);
    expect(report.execArgv).toEqual(["--max-old-space-size=512"]);
    expect(report.pid).toBe(pid);
  });

  it("exits with the command's exit code, so scripts and health checks see a failure", async () => {
    expect((await entrypoint(["exit", "3"])).code).toBe(3);
    expect((await entrypoint([])).report.args).toEqual([]);
  });
});
