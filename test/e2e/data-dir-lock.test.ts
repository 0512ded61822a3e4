// The DATA_DIR lock as operators meet it: a CLI command started in another PID namespace (`docker run --rm -v
// wowbot-data:/data wowbot import ...` beside the running container) must be refused, not open the live database.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { usingPostgres } from "../support/databases.js";
import { freePort, scratchDir, waitFor200, wowbot } from "../support/process.js";

/** Another PID namespace with its own /proc, as a second container on the same volume has (needs root). */
const otherNamespace = ["unshare", "--pid", "--fork", "--mount-proc"];
const isRoot = process.getuid?.() === 0;
const refusal = /^wowbot import: DATA_DIR .* is in use by another wowbot process \(pid \d+ on host \S+\): stop it or use another DATA_DIR\n$/;

describe.skipIf(usingPostgres() || !isRoot)("DATA_DIR lock across PID namespaces", () => {
  it("refuses imports from another namespace while serve runs, and frees the directory when serve is killed", async () => {
    const work = scratchDir();
    const env = { DATA_DIR: path.join(work, "data"), LOG_LEVEL: "warn" };
    const csv = path.join(work, "attendance.csv");
    writeFileSync(csv, "member,date,type\nU1,2026-03-02,absent\n");
    const port = await freePort();
    const server = wowbot(["serve"], { ...env, PORT: String(port) });
    try {
      await waitFor200(`http://127.0.0.1:${port}/readyz`, 20_000, server);
      for (let i = 0; i < 2; i++) {
        const intruder = wowbot(["import", "attendance", csv], env, work, otherNamespace);
        expect(await intruder.exited(20_000)).toBe(1);
        expect(intruder.stderr()).toMatch(refusal);
      }
      // Every command says so in the same one line, with no stack trace.
      const migrate = wowbot(["migrate"], env, work, otherNamespace);
      expect(await migrate.exited(20_000)).toBe(1);
      expect(migrate.stderr()).toMatch(new RegExp(refusal.source.replace("wowbot import", "wowbot migrate")));
      // The server never noticed: still ready, its database still answering.
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      server.child.kill("SIGKILL"); // no release step runs: the kernel drops the lock with the process
      await server.exited(10_000);
      const after = wowbot(["migrate"], env, work, otherNamespace);
      expect(await after.exited(30_000)).toBe(0);
      expect(after.stdout()).toMatch(/0 pending/);
    } finally {
      server.child.kill("SIGKILL");
    }
  });
});
