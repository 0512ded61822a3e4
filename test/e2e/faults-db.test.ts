// The database connection cut (a TCP proxy between the service and PostgreSQL, cut and restored by the test) during
// requests and jobs: the person is told clearly, nothing is half-saved, jobs finish exactly once after the restore,
// and the process never crashes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase, usingPostgres } from "../support/databases.js";
import { startTestService, type TestService } from "../support/service.js";
import { startTcpProxy, type TcpProxy, targetOf } from "../support/tcp-proxy.js";

/** Uncaught exceptions in this worker while a test runs (a cut connection must never raise one). */
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

async function throughProxy(): Promise<{ proxy: TcpProxy; database: FreshDatabase; real: FreshDatabase }> {
  const real = await freshDatabase();
  const proxy = await startTcpProxy(targetOf(real.url as string));
  const url = proxy.urlThrough(real.url as string);
  return { proxy, real, database: { options: { databaseUrl: url }, url, drop: async () => {} } };
}

describe.skipIf(!usingPostgres())("database connection cut during requests", () => {
  let t: TestService;
  let proxy: TcpProxy;
  let real: FreshDatabase;

  beforeAll(async () => {
    process.prependListener("uncaughtException", onUncaught);
    const db = await throughProxy();
    proxy = db.proxy;
    real = db.real;
    t = await startTestService({ database: db.database, env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
    t.fakeSlack.addUser({ id: "U0NOMINEE", name: "grace" });
  });
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
    await real?.drop();
    process.removeListener("uncaughtException", onUncaught);
  });
  beforeEach(() => {
    proxy.restore();
    t.fakeSlack.reset();
    uncaught.length = 0;
  });

  it("a raw session holding a connection when it is cut fails its query and the process carries on", async () => {
    const sleeping = t.service.db.withSession((s) => s.query("SELECT pg_sleep(5)"));
    const settled = sleeping.then(
      () => "ok",
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    await new Promise((r) => setTimeout(r, 300));
    proxy.cut();
    expect(await settled).not.toBe("ok");
    await new Promise((r) => setTimeout(r, 300));
    proxy.restore();
    expect(uncaught).toEqual([]);
    expect(await t.service.db.withSession((s) => s.query("SELECT 1 AS one"))).toEqual([{ one: 1 }]);
  });
});
