// Repositories on a real database: workspaces and settings, members and roles (audit-logged), the outbox and
// job-run claims that later features rely on for "nothing lost, nothing twice".

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../src/app/outbox-messages.js";
import { outboxMessage } from "../../src/app/outbox-messages.js";
import { AuditLogRepository } from "../../src/db/audit-log.repository.js";
import { openDatabase } from "../../src/db/database.js";
import { JobRunRepository } from "../../src/db/job-run.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { enqueueOutbox, OutboxRepository } from "../../src/db/outbox.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { defaultSettings } from "../../src/domain/settings.js";
import { usingPostgres } from "../support/databases.js";
import { openTestDatabase, type TestDatabase } from "../support/db-fixture.js";

let t: TestDatabase;
let workspaces: WorkspaceRepository;
let members: MemberRepository;
let outbox: OutboxRepository;
let jobs: JobRunRepository;
let audit: AuditLogRepository;

beforeAll(async () => {
  t = await openTestDatabase();
  workspaces = new WorkspaceRepository(t.db);
  members = new MemberRepository(t.db);
  outbox = new OutboxRepository(t.db);
  jobs = new JobRunRepository(t.db.prisma);
  audit = new AuditLogRepository(t.db.prisma);
});
afterAll(() => t.close());

const identity = (externalId: string) => ({ platform: "slack" as const, externalId, name: `Team ${externalId}`, timezone: "Europe/Berlin" });

describe("WorkspaceRepository", () => {
  it("creates a workspace once per platform and external id, and follows renames", async () => {
    const a = await workspaces.ensure(identity("T_ENSURE"));
    const b = await workspaces.ensure({ ...identity("T_ENSURE"), name: "Renamed", timezone: "UTC" });
    expect(b.id).toBe(a.id);
    expect(b.name).toBe("Renamed");
    expect(b.timezone).toBe("Europe/Berlin");
    const teams = await workspaces.ensure({ ...identity("T_ENSURE"), platform: "teams" });
    expect(teams.id).not.toBe(a.id);
  });

  it("finds a workspace with one of its members in one lookup: null for an unknown workspace, no member for a stranger", async () => {
    expect(await workspaces.findWithMember("slack", "T_NOWHERE", "U1")).toBeNull();
    const w = await workspaces.ensure(identity("T_WITH"));
    expect(await workspaces.findWithMember("slack", "T_WITH", "U_ADA")).toEqual({ workspace: w, member: null });
    const ada = await members.upsert({ workspaceId: w.id, platformUserId: "U_ADA", displayName: "Ada", timezone: "Europe/London" }, "lead");
    expect(await workspaces.findWithMember("slack", "T_WITH", "U_ADA")).toEqual({ workspace: w, member: ada });
    expect(await workspaces.findWithMember("teams", "T_WITH", "U_ADA")).toBeNull();
  });

  it("starts with PRODUCT.md's default settings", async () => {
    const ws = await workspaces.ensure(identity("T_DEFAULTS"));
    expect(ws.settings).toEqual(defaultSettings);
  });

  it("saves a valid settings change and audit-logs it with before and after", async () => {
    const ws = await workspaces.ensure(identity("T_SETTINGS"));
    const r = await workspaces.updateSettings(ws.id, { scoreGoal: 85, digestTime: "08:30" }, "U_ADMIN");
    expect(r.ok).toBe(true);
    const stored = await workspaces.findById(ws.id);
    expect(stored?.settings).toMatchObject({ scoreGoal: 85, digestTime: "08:30", nominationsPerDay: 5 });
    const [entry] = await audit.list(ws.id);
    expect(entry).toMatchObject({ actor: "U_ADMIN", action: "settings.update", subject: `workspace:${ws.id}` });
    expect(entry?.before).toMatchObject({ scoreGoal: 80 });
    expect(entry?.after).toMatchObject({ scoreGoal: 85 });
  });

  it("refuses an invalid settings change whole: lists every problem and stores nothing", async () => {
    const ws = await workspaces.ensure(identity("T_BAD_SETTINGS"));
    const r = await workspaces.updateSettings(
      ws.id,
      { scoreGoal: 85, digestTime: "9am", scoreWeights: { connection: 50, rapport: 25, unstatedNeeds: 25, wow: 25 } },
      "U_ADMIN",
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: "digestTime", message: "digest time must be HH:MM, 24-hour" },
        { field: "scoreWeights", message: "question weights must add up to 100" },
      ],
    });
    const stored = await workspaces.findById(ws.id);
    expect(stored?.settings.scoreGoal).toBe(80);
    expect(await audit.list(ws.id)).toEqual([]);
  });
});

describe("MemberRepository", () => {
  it("creates a member with its initial role and keeps the role when the profile is refreshed", async () => {
    const ws = await workspaces.ensure(identity("T_MEMBERS"));
    const m = await members.upsert({ workspaceId: ws.id, platformUserId: "U1", displayName: "Ada", timezone: "Europe/London" }, "admin");
    expect(m.role).toBe("admin");
    const again = await members.upsert({ workspaceId: ws.id, platformUserId: "U1", displayName: "Ada L.", email: "ada@example.com" }, "agent");
    expect(again).toMatchObject({ id: m.id, role: "admin", displayName: "Ada L.", email: "ada@example.com", timezone: "Europe/London" });
  });

  it("changes a role and audit-logs who did it, from what, to what", async () => {
    const ws = await workspaces.ensure(identity("T_ROLES"));
    await members.upsert({ workspaceId: ws.id, platformUserId: "U2", displayName: "Grace" });
    const updated = await members.setRole(ws.id, "U2", "lead", "U_ADMIN");
    expect(updated?.role).toBe("lead");
    expect((await members.listByRole(ws.id, ["lead", "admin"])).map((m) => m.platformUserId)).toEqual(["U2"]);
    const [entry] = await audit.list(ws.id);
    expect(entry).toMatchObject({ actor: "U_ADMIN", action: "member.role", subject: "member:U2", before: { role: "agent" }, after: { role: "lead" } });
    expect(await members.setRole(ws.id, "U_UNKNOWN", "lead", "U_ADMIN")).toBeNull();
  });
});

describe("OutboxRepository", () => {
  it("enqueues a message once per dedupe key, inside the caller's transaction", async () => {
    const ws = await workspaces.ensure(identity("T_OUTBOX"));
    const message: OutboxEntry = {
      workspaceId: ws.id,
      target: { kind: "channel", channel: "C1" },
      payload: outboxMessage.nominationPost("n-test"),
      dedupeKey: "nomination:1:post",
    };
    expect(await enqueueOutbox(t.db.prisma, [message], new Date())).toBe(1);
    expect(await enqueueOutbox(t.db.prisma, [message], new Date())).toBe(0);
    // A rolled-back transaction leaves no message behind.
    await expect(
      t.db.prisma.$transaction(async (tx) => {
        await enqueueOutbox(tx, [{ ...message, dedupeKey: "nomination:2:post" }], new Date());
        throw new Error("domain change failed");
      }),
    ).rejects.toThrow("domain change failed");
    expect(await t.db.prisma.outbox.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("claims due messages under a lease, retries later, and stops counting sent or dead ones", async () => {
    await t.db.prisma.outbox.updateMany({ data: { status: "sent" } }); // earlier tests' messages are not this test's
    const ws = await workspaces.ensure(identity("T_CLAIM"));
    for (const i of [1, 2, 3])
      await enqueueOutbox(
        t.db.prisma,
        [{ workspaceId: ws.id, target: { kind: "dm", platformUserId: "U1" }, payload: outboxMessage.nominationPost(`n-${i}`), dedupeKey: `claim:${i}` }],
        new Date(),
      );
    const now = new Date(Date.now() + 1000);
    const claimed = await outbox.claimDue(now, 2, 60_000);
    expect(claimed).toHaveLength(2);
    expect(claimed.every((m) => m.attempts === 1)).toBe(true);
    // Leased messages are not handed out again until the lease runs out.
    const next = await outbox.claimDue(now, 10, 60_000);
    expect(next.map((m) => m.dedupeKey)).toEqual(["claim:3"]);
    expect(await outbox.claimDue(now, 10, 60_000)).toEqual([]);
    const [first, second] = claimed;
    await outbox.markSent(first?.id ?? "", now);
    await outbox.markDead(second?.id ?? "", "channel_not_found");
    await outbox.markRetry(next[0]?.id ?? "", "ratelimited", new Date(now.getTime() + 5_000));
    expect(await outbox.claimDue(new Date(now.getTime() + 4_000), 10, 60_000)).toEqual([]);
    const retried = await outbox.claimDue(new Date(now.getTime() + 6_000), 10, 60_000);
    expect(retried.map((m) => [m.dedupeKey, m.attempts, m.lastError])).toEqual([["claim:3", 2, "ratelimited"]]);
  });

  it("records a sent message with the platform's answer, which later updates of it find", async () => {
    const ws = await workspaces.ensure(identity("T_SENT_REF"));
    await enqueueOutbox(
      t.db.prisma,
      [{ workspaceId: ws.id, target: { kind: "channel", channel: "C1" }, payload: outboxMessage.nominationPost("n-test"), dedupeKey: "sent-ref:post" }],
      new Date(),
    );
    const row = await t.db.prisma.outbox.findUniqueOrThrow({ where: { dedupeKey: "sent-ref:post" } });
    const at = new Date("2026-03-02T09:00:00.123Z");
    await outbox.markSent(row.id, at, { channel: "C1", ts: "1700000000.000100" });
    expect(await outbox.deliveredRef("sent-ref:post")).toEqual({ status: "sent", ref: { channel: "C1", ts: "1700000000.000100" } });
    // Recording it again without an answer (a retried write) keeps the answer already stored.
    await outbox.markSent(row.id, at, null);
    expect(await outbox.deliveredRef("sent-ref:post")).toEqual({ status: "sent", ref: { channel: "C1", ts: "1700000000.000100" } });
    expect(await t.db.prisma.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ sentAt: at, lastError: null });
    // A message that is not there is an error, so delivery does not count it as recorded.
    await expect(outbox.markSent("00000000-0000-4000-8000-000000000000", at, null)).rejects.toThrow();
  });

  it.runIf(usingPostgres())("never hands one message to two concurrent workers (SKIP LOCKED)", async () => {
    const ws = await workspaces.ensure(identity("T_CONCURRENT"));
    for (let i = 0; i < 40; i++)
      await enqueueOutbox(
        t.db.prisma,
        [{ workspaceId: ws.id, target: { kind: "dm", platformUserId: "U1" }, payload: outboxMessage.nominationPost(`n-${i}`), dedupeKey: `conc:${i}` }],
        new Date(),
      );
    const replicas = await Promise.all([1, 2, 3, 4].map(() => openDatabase(t.fresh.options)));
    try {
      const now = new Date(Date.now() + 1000);
      const batches = await Promise.all(replicas.flatMap((db) => [0, 1].map(() => new OutboxRepository(db).claimDue(now, 7, 60_000))));
      const ids = batches
        .flat()
        .filter((m) => m.workspaceId === ws.id)
        .map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await Promise.all(replicas.map((db) => db.close()));
    }
  });
});

describe("JobRunRepository", () => {
  it("claims a (job, key) once; a finished run is never claimed again", async () => {
    const now = new Date();
    const first = await jobs.claim("digest", "ws1:2026-03-02", now, 600_000);
    expect(first.status).toBe("claimed");
    expect((await jobs.claim("digest", "ws1:2026-03-02", now, 600_000)).status).toBe("running");
    if (first.status === "claimed") await jobs.finish(first.id, now);
    expect((await jobs.claim("digest", "ws1:2026-03-02", new Date(now.getTime() + 3_600_000), 600_000)).status).toBe("finished");
    expect((await jobs.claim("digest", "ws1:2026-03-03", now, 600_000)).status).toBe("claimed");
  });

  it("takes over a run whose worker died (stale claim), exactly once among concurrent takers", async () => {
    const start = new Date("2026-03-02T09:00:00Z");
    expect((await jobs.claim("close", "ws1:w10", start, 600_000)).status).toBe("claimed");
    const later = new Date(start.getTime() + 900_000);
    const takers = await Promise.all([1, 2, 3].map(() => jobs.claim("close", "ws1:w10", later, 600_000)));
    expect(takers.filter((c) => c.status === "claimed")).toHaveLength(1);
  });
});
