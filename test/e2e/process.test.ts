// `wowbot serve` as an operator runs it: readiness, clean SIGTERM, one clear line for every start-up mistake.
import { request } from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase, usingPostgres } from "../support/databases.js";
import { freePort, scratchDir, waitFor200, wowbot } from "../support/process.js";

describe("wowbot serve (child process)", () => {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  /** The database this run is about: a fresh PostgreSQL database when DATABASE_URL is set, else a PGlite DATA_DIR. */
  async function databaseEnv(): Promise<Record<string, string>> {
    if (!usingPostgres()) return { DATA_DIR: path.join(scratchDir(), "data") };
    const fresh = await freshDatabase({ migrated: false });
    databases.push(fresh);
    return { DATABASE_URL: fresh.url ?? "" };
  }

  it("becomes ready on an empty database within 15 s, and exits 0 within 10 s of SIGTERM", async () => {
    const port = await freePort();
    const proc = wowbot(["serve"], { PORT: String(port), LOG_LEVEL: "info", ...(await databaseEnv()) });
    try {
      await waitFor200(`http://127.0.0.1:${port}/readyz`, 15_000, proc);
      // The quick start serves no Teams: an anonymous activity must not create a workspace (issue 16).
      const teams = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "message", text: "help", channelId: "msteams", conversation: { id: "a:1", tenantId: "tenant-2" } }),
      });
      expect(teams.status).toBe(404);
      expect(await teams.json()).toMatchObject({ error: "teams_disabled" });
      const started = Date.now();
      proc.child.kill("SIGTERM");
      expect(await proc.exited(10_000)).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      const lines = proc
        .stdout()
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { msg: string });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["shutting down", "wowbot stopped"]));
    } finally {
      proc.child.kill("SIGKILL");
    }
  });

  it("stops on SIGINT (Ctrl-C) the same way", async () => {
    const port = await freePort();
    const proc = wowbot(["serve"], { PORT: String(port), LOG_LEVEL: "warn", ...(await databaseEnv()) });
    try {
      await waitFor200(`http://127.0.0.1:${port}/readyz`, 15_000, proc);
      proc.child.kill("SIGINT");
      expect(await proc.exited(10_000)).toBe(0);
    } finally {
      proc.child.kill("SIGKILL");
    }
  });

  const until = async (condition: () => boolean, ms = 15_000) => {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error("condition not met in time");
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const logLines = (proc: { stdout(): string }) =>
    proc
      .stdout()
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; level: number | string });

  it("a second Ctrl-C while stopping (npm start forwards one) is noted and waits: the stop finishes, exit 0", async () => {
    const port = await freePort();
    const proc = wowbot(["serve"], { PORT: String(port), LOG_LEVEL: "info", ...(await databaseEnv()) });
    try {
      await waitFor200(`http://127.0.0.1:${port}/readyz`, 15_000, proc);
      // A request in flight holds the stop open while the second signal arrives (two signals sent at once coalesce).
      const inFlight = request(`http://127.0.0.1:${port}/api/v1/attendance`, { method: "POST", headers: { "content-type": "application/json" } });
      inFlight.on("error", () => {});
      inFlight.on("response", (res) => res.resume());
      inFlight.write('{"rows": [');
      await new Promise((r) => setTimeout(r, 100));
      proc.child.kill("SIGINT");
      await until(() => proc.stdout().includes('"shutting down"'));
      proc.child.kill("SIGINT");
      await until(() => proc.stdout().includes('"already shutting down'));
      inFlight.end("]}");
      expect(await proc.exited(10_000)).toBe(0);
      const messages = logLines(proc).map((l) => l.msg);
      expect(messages).toEqual(
        expect.arrayContaining(["shutting down", "already shutting down: waiting for it to finish (signal again to force the exit)", "wowbot stopped"]),
      );
      expect(messages.indexOf("wowbot stopped")).toBe(messages.length - 1);
    } finally {
      proc.child.kill("SIGKILL");
    }
  });

  it("SIGTERM during start-up (opening the database, migrating) stops it cleanly with exit 0; the next start works", async () => {
    const env = { LOG_LEVEL: "info", ...(await databaseEnv()) };
    const port = await freePort();
    const proc = wowbot(["serve"], { PORT: String(port), ...env });
    try {
      await until(() => proc.stdout().includes('"starting wowbot"'));
      proc.child.kill("SIGTERM");
      expect(await proc.exited(10_000)).toBe(0);
      const messages = logLines(proc).map((l) => l.msg);
      expect(messages).toContain("wowbot stopped");
      expect(messages).not.toContain(`wowbot listening on port ${port}`);
    } finally {
      proc.child.kill("SIGKILL");
    }
    // Nothing was left half-done: the database opens and migrates.
    const migrate = wowbot(["migrate"], env);
    expect(await migrate.exited(30_000)).toBe(0);
  });

  it("refuses an unreachable PostgreSQL within 10 s with one clear line and no stack trace", async () => {
    const started = Date.now();
    const proc = wowbot(["serve"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/x", LOG_LEVEL: "warn" });
    expect(await proc.exited(10_000)).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    const err = proc.stderr().trim();
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toMatch(/^wowbot: cannot reach PostgreSQL at 127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad PORT with the configuration line and exit code 3", async () => {
    const proc = wowbot(["serve"], { PORT: "abc" });
    expect(await proc.exited(10_000)).toBe(3);
    expect(proc.stderr()).toBe('PORT must be an integer 1-65535, got "abc"\n');
  });

  it("refuses a half-configured Slack in production, naming what is missing", async () => {
    const proc = wowbot(["serve"], { NODE_ENV: "production", SLACK_BOT_TOKEN: "xoxb-1-2-3" });
    expect(await proc.exited(10_000)).toBe(3);
    expect(proc.stderr()).toContain("Slack is half-configured: SLACK_SIGNING_SECRET is required");
    expect(proc.stderr()).not.toContain("xoxb-1-2-3");
  });

  it.skipIf(usingPostgres())("refuses to open a DATA_DIR that another running wowbot holds", async () => {
    const env = await databaseEnv();
    const port = await freePort();
    const first = wowbot(["serve"], { PORT: String(port), LOG_LEVEL: "warn", ...env });
    try {
      await waitFor200(`http://127.0.0.1:${port}/readyz`, 15_000, first);
      const second = wowbot(["serve"], { PORT: String(await freePort()), LOG_LEVEL: "warn", ...env });
      expect(await second.exited(10_000)).toBe(1);
      expect(second.stderr()).toMatch(/^wowbot: DATA_DIR .* is in use by another wowbot process \(pid \d+ on host \S+\): stop it/);
    } finally {
      first.child.kill("SIGTERM");
      await first.exited(10_000);
    }
  });

  it("wowbot migrate applies and reports; doctor then reports the database reachable and up to date", async () => {
    const env = { LOG_LEVEL: "warn", ...(await databaseEnv()) };
    const migrate = wowbot(["migrate"], env);
    expect(await migrate.exited(20_000)).toBe(0);
    expect(migrate.stdout()).toMatch(/applied \d{14}_init/);
    expect(migrate.stdout()).toMatch(/\d+ migration\(s\) applied in total, 0 pending/);
    const doctor = wowbot(["doctor"], { ...env, SLACK_BOT_TOKEN: "xoxb-secret-value-123" });
    expect(await doctor.exited(20_000)).toBe(0);
    expect(doctor.stdout()).toMatch(/: reachable/);
    expect(doctor.stdout()).toMatch(/migrations: \d+ applied, 0 pending/);
    expect(doctor.stdout()).toContain("workspaces: none yet");
    expect(doctor.stdout()).toContain("SLACK_BOT_TOKEN          set (21 characters, hidden)");
    expect(doctor.stdout()).not.toContain("secret-value");
  });

  it("doctor exits 1 and says why when the database is unreachable", async () => {
    const doctor = wowbot(["doctor"], { DATABASE_URL: "postgres://nobody:pw@127.0.0.1:1/x" });
    expect(await doctor.exited(20_000)).toBe(1);
    expect(doctor.stdout()).toMatch(/PostgreSQL at 127\.0\.0\.1:1\/x: unreachable: .*ECONNREFUSED/);
    expect(doctor.stdout()).toContain("postgres://nobody:****@127.0.0.1:1/x");
  });
});
