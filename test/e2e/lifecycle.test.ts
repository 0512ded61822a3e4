// Service lifecycle in-process: data survives a restart on the same DATA_DIR, and stop() lets in-flight requests
// and the current job step finish before the database closes.
import { request } from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { createLogger } from "../../src/logger.js";
import { startService } from "../../src/main.js";
import { scratchDir } from "../support/process.js";
import { startTestService, testConfig } from "../support/service.js";

describe("service lifecycle", () => {
  it("keeps data written to the embedded database across a restart", async () => {
    const config = { ...testConfig({ LOG_LEVEL: "silent" }), dataDir: path.join(scratchDir(), "data"), databaseUrl: undefined };
    const logger = createLogger("silent");
    const first = await startService({ config, logger });
    await new WorkspaceRepository(first.db).ensure({ platform: "slack", externalId: "T_PERSIST", name: "Persisted", timezone: "UTC" });
    await first.stop();

    const second = await startService({ config, logger });
    try {
      const found = await new WorkspaceRepository(second.db).find("slack", "T_PERSIST");
      expect(found?.name).toBe("Persisted");
    } finally {
      await second.stop();
    }
  });

  it("finishes a request that is in flight when stop() begins, then refuses new connections", async () => {
    const t = await startTestService({ slack: false });
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(`${t.url}/api/v1/anything`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.write('{"rows": [');
      // The body completes only after shutdown has started.
      setTimeout(() => req.end("]}"), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = t.stop();
    expect(await answered).toBe(404);
    await stopped;
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });

  it("waits for the job step in flight before closing the database", async () => {
    const events: string[] = [];
    const job = {
      name: "slow",
      schedule: "0 0 1 1 *",
      async run() {
        events.push("job started");
        await new Promise((r) => setTimeout(r, 300));
        await t.prisma.jobRun.create({ data: { job: "slow", key: "k" } });
        events.push("job finished");
      },
    };
    const t = await startTestService({ slack: false, jobs: [job] });
    const running = t.service.scheduler.runNow(job);
    await t.stop().then(() => events.push("stopped"));
    await running;
    expect(events).toEqual(["job started", "job finished", "stopped"]);
    // Once stopping, no new run starts.
    await t.service.scheduler.runNow(job);
    expect(events.filter((e) => e === "job started")).toHaveLength(1);
  });

  it("counts job runs and failures in /metrics", async () => {
    const ok = { name: "ok-job", schedule: "0 0 1 1 *", run: async () => {} };
    const broken = {
      name: "broken-job",
      schedule: "0 0 1 1 *",
      run: async () => {
        throw new Error("boom");
      },
    };
    const t = await startTestService({ slack: false, jobs: [ok, broken] });
    try {
      await t.service.scheduler.runNow(ok);
      await t.service.scheduler.runNow(broken);
      const text = await (await fetch(`${t.url}/metrics`)).text();
      expect(text).toContain('wowbot_job_runs_total{job="ok-job",outcome="done"} 1');
      expect(text).toContain('wowbot_job_runs_total{job="broken-job",outcome="failed"} 1');
      expect(t.logs.find((l) => l.msg === "job failed")).toMatchObject({ job: "broken-job" });
    } finally {
      await t.stop();
    }
  });
});
