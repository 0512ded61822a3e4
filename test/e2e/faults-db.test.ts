// The database connection cut (a TCP proxy between the service and PostgreSQL, cut and restored by the test) during
// requests and jobs: the person is told clearly, nothing is half-saved, jobs finish exactly once after the restore,
// and the process never crashes.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { type FreshDatabase, freshDatabase, usingPostgres } from "../support/databases.js";
import { startTestService, type TestService } from "../support/service.js";
import { startTcpProxy, type TcpProxy, targetOf } from "../support/tcp-proxy.js";
import { personalConversationId } from "../support/teams-requests.js";

/** Uncaught exceptions in this worker while a test runs (a cut connection must never raise one). */
const uncaught: unknown[] = [];
const STORY = "Stayed on the line to rebook the whole family's flights after the storm, and remembered the kid's birthday.";
const UNREACHABLE = "wowbot can't reach its database right now, so nothing was saved. Please try again in a minute.";
/** The same, as Slack shows it: an error notice. */
const SHOWN = `:no_entry_sign: ${UNREACHABLE}`;

/** Everything a nomination or a score writes, counted after the restore: nothing may be half-saved. */
const written = (t: TestService) =>
  Promise.all([t.prisma.nomination.count(), t.prisma.endorsement.count(), t.prisma.quickScore.count(), t.prisma.outbox.count()]).then(
    ([nominations, endorsements, scores, outbox]) => ({ nominations, endorsements, scores, outbox }),
  );
const NOTHING = { nominations: 0, endorsements: 0, scores: 0, outbox: 0 };

const onUncaught = (error: unknown) => uncaught.push(error);

async function throughProxy(): Promise<{ proxy: TcpProxy; database: FreshDatabase; real: FreshDatabase }> {
  const real = await freshDatabase();
  const proxy = await startTcpProxy(targetOf(real.url as string));
  const url = proxy.urlThrough(real.url as string);
  return { proxy, real, database: { options: { databaseUrl: url }, url, drop: async () => {} } };
}

describe.skipIf(!usingPostgres())("database connection cut during requests and outbox delivery", () => {
  let t: TestService;
  let proxy: TcpProxy;
  let real: FreshDatabase;

  let trigger = 0;
  const wow = (text: string, user: string) => t.slack.command({ command: "/wow", text, user_id: user, channel_id: "C0TEAM", trigger_id: `trig.${++trigger}` });
  const submitScore = async (user: string, viewId: string) => {
    const radio = (v: string) => ({ type: "radio_buttons", selected_option: { value: v } });
    const res = await t.slack.viewSubmission(user, {
      id: viewId,
      callback_id: "score.submit",
      state: {
        values: {
          agent: { agent: { type: "users_select", selected_user: "U0AGENT" } },
          reference: { reference: { type: "plain_text_input", value: "CALL-1001" } },
          channel: { channel: { type: "static_select", selected_option: { value: "phone" } } },
          connection: { connection: radio("1") },
          rapport: { rapport: radio("yes") },
          unstatedNeeds: { unstatedNeeds: radio("partly") },
          wow: { wow: radio("na") },
          note: { note: { type: "plain_text_input", value: "Lovely opener." } },
        },
      },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as { response_action?: string; view?: { blocks?: unknown } } | null };
  };

  beforeAll(async () => {
    process.prependListener("uncaughtException", onUncaught);
    const db = await throughProxy();
    proxy = db.proxy;
    real = db.real;
    t = await startTestService({ database: db.database, env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
    t.fakeSlack.addUser({ id: "U0NOMINEE", name: "grace" });
    t.fakeSlack.addUser({ id: "U0NEWCOMER", name: "nora" });
    // The workspace and the regulars exist before any cut.
    await wow(`<@U0NOMINEE> ${STORY}`, "U0AGENT");
    await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0BOSS" });
  });
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
    await real?.drop();
    process.removeListener("uncaughtException", onUncaught);
  });
  beforeEach(async () => {
    proxy.restore();
    t.fakeSlack.reset();
    t.fakeSlack.beforeAnswer = undefined;
    uncaught.length = 0;
    await t.prisma.quickScore.deleteMany();
    await t.prisma.endorsement.deleteMany();
    await t.prisma.nomination.deleteMany();
    await t.prisma.outbox.deleteMany();
  });

  it("a /wow while the database is cut gets a clear private message, saves nothing, and works after restore", async () => {
    proxy.cut();
    const reply = await wow(`<@U0NOMINEE> ${STORY}`, "U0AGENT");
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(SHOWN);
    proxy.restore();
    expect(await written(t)).toEqual(NOTHING);
    const again = await wow(`<@U0NOMINEE> ${STORY}`, "U0AGENT");
    expect(again.text).toContain("Your wow nomination for <@U0NOMINEE> is in");
    expect(await t.prisma.nomination.count()).toBe(1);
    expect(uncaught).toEqual([]);
  });

  it("a /wow whose connection is cut half-way (while Slack looks up the nominee) saves no nomination and no outbox rows", async () => {
    t.fakeSlack.beforeAnswer = (call) => {
      if (call.method === "users.info" && call.args.user === "U0NEWCOMER") proxy.cut();
    };
    const reply = await wow(`<@U0NEWCOMER> ${STORY}`, "U0AGENT");
    expect(t.fakeSlack.callsOf("users.info").length).toBeGreaterThan(0);
    expect(reply.text).toBe(SHOWN);
    t.fakeSlack.beforeAnswer = undefined;
    proxy.restore();
    expect(await written(t)).toEqual(NOTHING);
    const again = await wow(`<@U0NEWCOMER> ${STORY}`, "U0AGENT");
    expect(again.text).toContain("Your wow nomination for <@U0NEWCOMER> is in");
    await t.deliver();
    expect(await t.prisma.outbox.count({ where: { status: "pending" } })).toBe(0);
    expect(uncaught).toEqual([]);
  });

  it("a score form submitted while the database is cut answers 200 with a screen saying nothing was saved, and saves on resubmission", async () => {
    proxy.cut();
    const cut = await submitScore("U0BOSS", "VSCORE1");
    expect(cut.status).toBe(200);
    expect(cut.body?.response_action).toBe("push");
    expect(JSON.stringify(cut.body?.view)).toContain("nothing was saved");
    proxy.restore();
    expect(await written(t)).toEqual(NOTHING);
    const again = await submitScore("U0BOSS", "VSCORE1");
    expect(again.body?.response_action).toBe("update");
    expect(await t.prisma.quickScore.count()).toBe(1);
    expect(uncaught).toEqual([]);
  });

  it("an attendance record while the database is cut gets the same clear message and is recorded once after restore", async () => {
    const record = () => t.slack.command({ command: "/attendance", text: "<@U0AGENT> late", user_id: "U0BOSS" });
    proxy.cut();
    expect((await record()).text).toBe(SHOWN);
    proxy.restore();
    expect(await t.prisma.attendanceOccurrence.count()).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { action: "attendance.record" } })).toBe(0);
    expect((await record()).text).toContain("Recorded a late arrival for ada");
    expect(await t.prisma.attendanceOccurrence.count()).toBe(1);
    expect(uncaught).toEqual([]);
  });

  /** Slack's accepted chat.postMessage calls per channel (a message sent twice shows as 2). */
  const postsPerChannel = () => {
    const counts: Record<string, number> = {};
    for (const c of t.fakeSlack.acceptedCallsOf("chat.postMessage")) counts[String(c.args.channel)] = (counts[String(c.args.channel)] ?? 0) + 1;
    return counts;
  };

  it("outbox rows owed while the database is cut stay pending and are delivered exactly once after restore", async () => {
    await wow(`<@U0NOMINEE> ${STORY}`, "U0AGENT");
    const owed = await t.prisma.outbox.count({ where: { status: "pending" } });
    expect(owed).toBeGreaterThanOrEqual(2); // the channel post and the nominee's DM
    proxy.cut();
    await t.deliver(); // fails (logged): nothing claimed, nothing sent
    expect(t.fakeSlack.callsOf("chat.postMessage")).toHaveLength(0);
    proxy.restore();
    expect(await t.prisma.outbox.count({ where: { status: "pending" } })).toBe(owed);
    await t.deliver();
    expect(postsPerChannel()).toEqual({ C0TEAM: 1, U0NOMINEE: 1 });
    expect(await t.prisma.outbox.count({ where: { status: "pending" } })).toBe(0);
    expect(uncaught).toEqual([]);
  });

  it("a message Slack accepted while the database was cut is recorded as sent after restore, not sent again", async () => {
    await wow(`<@U0NOMINEE> ${STORY}`, "U0AGENT");
    // The cut comes as Slack answers the first post: the message is out, its record cannot be written.
    t.fakeSlack.beforeAnswer = (call) => {
      if (call.method !== "chat.postMessage" || t.fakeSlack.beforeAnswer === undefined) return;
      t.fakeSlack.beforeAnswer = undefined;
      proxy.cut();
      setTimeout(() => {
        proxy.restore();
        restored = true;
      }, 1_500);
    };
    let restored = false;
    await t.deliver();
    while (!restored) await new Promise((r) => setTimeout(r, 50));
    // Even once every lease has run out, another run finds nothing left to send.
    t.clock.advance(5 * 60_000);
    await t.deliver();
    expect(postsPerChannel()).toEqual({ C0TEAM: 1, U0NOMINEE: 1 });
    expect(await t.prisma.outbox.count({ where: { status: "pending" } })).toBe(0);
    expect(uncaught).toEqual([]);
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

describe.skipIf(!usingPostgres())("database connection cut during a Teams request", () => {
  let t: TestService;
  let proxy: TcpProxy;
  let real: FreshDatabase;
  const ann = { id: "29:account-1", aadObjectId: "aaaaaaaa-0000-4000-8000-000000000001", name: "Ann Agent", email: "ann@example.com" };

  beforeAll(async () => {
    process.prependListener("uncaughtException", onUncaught);
    const db = await throughProxy();
    proxy = db.proxy;
    real = db.real;
    t = await startTestService({ database: db.database, slack: false, teams: true });
    t.fakeTeams.addMember(ann);
  });
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
    await real?.drop();
    process.removeListener("uncaughtException", onUncaught);
  });

  it("a Teams message while the database is cut is answered privately with the same clear message, and works after restore", async () => {
    uncaught.length = 0;
    expect((await t.teams.post(t.teams.message(ann, "pto"))).status).toBe(200); // provisions the workspace and Ann
    t.fakeTeams.clear();
    proxy.cut();
    expect((await t.teams.post(t.teams.message(ann, "pto"))).status).toBe(200);
    expect(t.fakeTeams.textsTo(personalConversationId(ann)).join("\n")).toContain(UNREACHABLE);
    proxy.restore();
    t.fakeTeams.clear();
    await t.teams.post(t.teams.message(ann, "pto"));
    expect(t.fakeTeams.textsTo(personalConversationId(ann)).join("\n")).not.toContain(UNREACHABLE);
    expect(t.fakeTeams.textsTo(personalConversationId(ann)).length).toBeGreaterThan(0);
    expect(uncaught).toEqual([]);
  });
});

/** More members than one close batch (2,000), so the close commits a batch before the cut. */
const MEMBERS = 2_500;
/** Monday 16 March 2026, 09:00 UTC: the week of 9 March has ended and the day's run is due. */
const CLOSE_AT = "2026-03-16T09:00:00Z";

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!usingPostgres())("database connection cut during the daily run", () => {
  let t: TestService;
  let proxy: TcpProxy;
  let real: FreshDatabase;
  const clock = new ManualClock(CLOSE_AT);

  beforeAll(async () => {
    process.prependListener("uncaughtException", onUncaught);
    const db = await throughProxy();
    proxy = db.proxy;
    real = db.real;
    t = await startTestService({ database: db.database, clock });
  });
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
    await real?.drop();
    process.removeListener("uncaughtException", onUncaught);
  });

  it("a period close cut between batches resumes after restore and finishes once: each member credited once, one attendance post and one digest queued", async () => {
    uncaught.length = 0;
    const workspace = await t.prisma.workspace.create({
      data: {
        platform: "slack",
        externalId: "T0TEST",
        name: "test",
        timezone: "UTC",
        createdAt: new Date("2026-03-01T00:00:00Z"),
        settings: { recognitionChannel: "C0WOWS", leadsChannel: "C0LEADS" },
      },
    });
    await t.prisma.member.createMany({
      data: Array.from({ length: MEMBERS }, (_, i) => ({
        workspaceId: workspace.id,
        platformUserId: `U${String(i).padStart(6, "0")}`,
        displayName: `member ${i}`,
        joinedAt: new Date("2026-03-02T00:00:00Z"),
      })),
    });

    // A direct connection (not through the proxy) holds the lock on the last member by id: the close commits its first
    // batch, then waits for that member in the second; the cut comes while it waits.
    const blocker = new pg.Client({ connectionString: real.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM "Member" ORDER BY id DESC LIMIT 1 FOR UPDATE`);
    const dbName = new URL(real.url as string).pathname.slice(1);
    const firstRun = t.service.scheduler.runNow(t.service.jobs.daily);
    await until("the close to wait for the locked member", async () => {
      const { rows } = await blocker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [dbName]);
      return rows[0].n > 0;
    });
    proxy.cut();
    await firstRun; // fails, logged
    await blocker.query("ROLLBACK");
    await blocker.end();
    proxy.restore();

    expect(await t.prisma.periodResult.count()).toBe(2_000);
    expect(await t.prisma.jobRun.findFirstOrThrow({ where: { job: "attendance-day" } })).toMatchObject({ finishedAt: null });
    // Within the lease nobody takes over; after it, the next tick resumes the close and then sends the digest.
    await t.service.scheduler.runNow(t.service.jobs.daily);
    expect(await t.prisma.periodResult.count()).toBe(2_000);
    clock.advance(3 * 60_000);
    await t.service.scheduler.runNow(t.service.jobs.daily);
    clock.advance(3 * 60_000);
    await t.service.scheduler.runNow(t.service.jobs.daily);

    const results = await t.prisma.periodResult.findMany({ select: { memberId: true } });
    expect(results).toHaveLength(MEMBERS);
    expect(new Set(results.map((r) => r.memberId)).size).toBe(MEMBERS);
    const credits = await t.prisma.ptoLedgerEntry.findMany({ where: { kind: "credit" }, select: { memberId: true } });
    expect(credits).toHaveLength(MEMBERS);
    expect(new Set(credits.map((c) => c.memberId)).size).toBe(MEMBERS);
    expect(await t.prisma.jobRun.count({ where: { finishedAt: null } })).toBe(0);
    // One message owed for each: the dedupe keys make a rerun's enqueue a no-op (delivery once per row is shown above).
    const owed = (prefix: string) => t.prisma.outbox.count({ where: { dedupeKey: { startsWith: prefix } } });
    expect(await owed("attendance-post:")).toBe(1);
    expect(await owed("digest:")).toBe(1);
    expect(await owed("pto:credit:")).toBe(MEMBERS);
    expect(uncaught).toEqual([]);
  }, 60_000);
});
