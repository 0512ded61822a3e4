// The period close under faults: a run killed part-way and run again credits every member exactly once; two
// service replicas running the daily job at the same moment on one PostgreSQL produce one run and one post.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { attendanceDayJob } from "../../src/app/attendance-day.js";
import { closePeriod } from "../../src/app/close-periods.js";
import { runDueDailyJobs } from "../../src/app/daily-runs.js";
import { recordAttendance } from "../../src/app/record-attendance.js";
import { AttendanceRepository } from "../../src/db/attendance.repository.js";
import { JobRunRepository } from "../../src/db/job-run.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { TeamRepository } from "../../src/db/team.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { ManualClock } from "../support/clock.js";
import { freshDatabase, usingPostgres } from "../support/databases.js";
import { startTestService, type TestService } from "../support/service.js";

const MEMBERS = 9;
/** Monday 16 March 2026, 09:00 UTC: the week of 9 March has ended. */
const CLOSE_AT = "2026-03-16T09:00:00Z";

async function seed(t: TestService) {
  const workspace = await t.prisma.workspace.create({
    data: {
      platform: "slack",
      externalId: "T0TEST",
      name: "test",
      timezone: "UTC",
      createdAt: new Date("2026-03-04T00:00:00Z"),
      settings: { recognitionChannel: "C0WOWS" },
    },
  });
  for (let i = 0; i < MEMBERS; i++) {
    const m = await t.prisma.member.create({
      data: { workspaceId: workspace.id, platformUserId: `U0M${i}`, displayName: `member ${i}`, joinedAt: new Date("2026-03-05T00:00:00Z") },
    });
    // Every third member had a late arrival in the week being closed.
    if (i % 3 === 0) {
      await t.prisma.attendanceOccurrence.create({
        data: { workspaceId: workspace.id, memberId: m.id, date: new Date("2026-03-11T00:00:00Z"), type: "late", points: 1, recordedBy: "U0LEAD" },
      });
    }
  }
  return workspace;
}

async function expectEachMemberOnce(t: TestService) {
  const results = await t.prisma.periodResult.findMany({ where: { periodStart: new Date("2026-03-09T00:00:00Z") } });
  expect(results).toHaveLength(MEMBERS);
  expect(new Set(results.map((r) => r.memberId)).size).toBe(MEMBERS);
  const credits = await t.prisma.ptoLedgerEntry.findMany({ where: { kind: "credit" } });
  expect(credits).toHaveLength(MEMBERS - Math.ceil(MEMBERS / 3));
  expect(new Set(credits.map((c) => c.memberId)).size).toBe(credits.length);
  expect(credits.every((c) => Number(c.hours) === 2)).toBe(true);
  expect(await t.prisma.outbox.count({ where: { dedupeKey: { startsWith: "attendance-post:" } } })).toBe(1);
  expect(await t.prisma.outbox.count({ where: { dedupeKey: { startsWith: "pto:credit:" } } })).toBe(credits.length);
}

describe("period close under faults", () => {
  let t: TestService;
  const clock = new ManualClock(CLOSE_AT);
  beforeEach(async () => {
    clock.set(CLOSE_AT);
    t = await startTestService({ clock, slack: false });
    await seed(t);
  });
  afterEach(() => t.stop());

  it("resumes a run killed after some members: every member credited exactly once, one post", async () => {
    const attendance = new AttendanceRepository(t.prisma);
    const dying = attendanceDayJob(
      { attendance, clock },
      {
        batchSize: 2,
        afterBatch: (written) => {
          if (written >= 4) throw new Error("injected fault: the process died");
        },
      },
    );
    const ports = { workspaces: new WorkspaceRepository(t.service.db), claims: new JobRunRepository(t.prisma), clock };
    await expect(runDueDailyJobs(ports, dying, clock.now(), new Set())).rejects.toThrow("injected fault");
    expect(await t.prisma.periodResult.count()).toBe(4);
    expect(await t.prisma.jobRun.findFirstOrThrow({ where: { job: "attendance-day" } })).toMatchObject({ finishedAt: null });

    // Another worker a moment later leaves a fresh claim alone; once its lease runs out, it takes over and finishes.
    await t.service.scheduler.runNow(t.service.jobs.daily);
    expect(await t.prisma.periodResult.count()).toBe(4);
    clock.advance(3 * 60_000);
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await expectEachMemberOnce(t);
    expect(await t.prisma.jobRun.findFirstOrThrow({ where: { job: "attendance-day" } })).not.toMatchObject({ finishedAt: null });

    // Ticks later that day change nothing.
    clock.advance(60 * 60_000);
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await expectEachMemberOnce(t);
  });

  it("an occurrence recorded while the close holds the member is corrected, not lost", async () => {
    const found = await new WorkspaceRepository(t.service.db).find("slack", "T0TEST");
    if (!found) throw new Error("seed missing");
    const workspace = found;
    const members = new MemberRepository(t.service.db);
    const lead = await members.upsert({ workspaceId: workspace.id, platformUserId: "U0LEAD", displayName: "lena" }, "lead");
    const agent = await members.find(workspace.id, "U0M1");
    if (!agent) throw new Error("seed missing");
    const member = agent;
    const attendance = new AttendanceRepository(t.prisma);
    await closePeriod(attendance, workspace, { kind: "week", start: "2026-03-09", end: "2026-03-16" }, clock.now());

    // The next week closes while a lead records an absence for a member of the batch being closed.
    clock.set("2026-03-23T09:00:00Z");
    let recording: ReturnType<typeof recordAttendance> | undefined;
    class RacingRepository extends AttendanceRepository {
      override closeBatch(...[ws, p, instants, limit, after, evaluate, at]: Parameters<AttendanceRepository["closeBatch"]>) {
        return super.closeBatch(
          ws,
          p,
          instants,
          limit,
          after,
          (candidates) => {
            recording ??= recordAttendance(
              { attendance, clock, teams: new TeamRepository(t.service.db) },
              { workspace, lead, member, date: "2026-03-18", type: "absence", note: null },
            );
            return evaluate(candidates);
          },
          at,
        );
      }
    }
    await closePeriod(new RacingRepository(t.prisma), workspace, { kind: "week", start: "2026-03-16", end: "2026-03-23" }, clock.now());
    const recorded = await recording;
    // The close read the member before the absence and credited the week; the recording, once it had the member's
    // lock, found the closed week and reversed the credit.
    expect(recorded?.ok && recorded.value.correction).toMatchObject({ kind: "reversal", hours: 3 });
    const result = await t.prisma.periodResult.findFirstOrThrow({ where: { memberId: agent.id, periodStart: new Date("2026-03-16T00:00:00Z") } });
    expect(result).toMatchObject({ clean: false, streak: 0 });
    const ledger = await t.prisma.ptoLedgerEntry.findMany({ where: { memberId: agent.id }, orderBy: { createdAt: "asc" } });
    expect(ledger.map((l) => [l.kind, Number(l.hours)])).toEqual([
      ["credit", 2],
      ["credit", 3],
      ["reversal", -3],
    ]);
  });

  it("credits nobody twice when the same period is closed again", async () => {
    const attendance = new AttendanceRepository(t.prisma);
    const workspace = await new WorkspaceRepository(t.service.db).find("slack", "T0TEST");
    if (!workspace) throw new Error("no workspace");
    const period = { kind: "week" as const, start: "2026-03-09", end: "2026-03-16" };
    expect(await closePeriod(attendance, workspace, period, clock.now(), { batchSize: 4 })).toBe(MEMBERS);
    expect(await closePeriod(attendance, workspace, period, clock.now(), { batchSize: 4 })).toBe(0);
    expect(await t.prisma.ptoLedgerEntry.count()).toBe(MEMBERS - 3);
  });
});

describe.skipIf(!usingPostgres())("two replicas on one PostgreSQL", () => {
  let a: TestService;
  let b: TestService;
  const clock = new ManualClock(CLOSE_AT);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it("run the daily job at the same moment: one run, each member credited once, one post", async () => {
    const database = await freshDatabase();
    a = await startTestService({ clock, slack: false, database });
    b = await startTestService({ clock, slack: false, database });
    await seed(a);
    await Promise.all([a.service.scheduler.runNow(a.service.jobs.daily), b.service.scheduler.runNow(b.service.jobs.daily)]);
    expect(await a.prisma.jobRun.count({ where: { job: "attendance-day" } })).toBe(1);
    await expectEachMemberOnce(a);

    // And two closes of the same period racing each other, without the job claim: the unique member + period wins.
    await a.prisma.ptoLedgerEntry.deleteMany();
    await a.prisma.periodResult.deleteMany();
    await a.prisma.outbox.deleteMany({ where: { dedupeKey: { startsWith: "pto:credit:" } } });
    const workspace = await new WorkspaceRepository(a.service.db).find("slack", "T0TEST");
    if (!workspace) throw new Error("no workspace");
    const period = { kind: "week" as const, start: "2026-03-09", end: "2026-03-16" };
    const written = await Promise.all([
      closePeriod(new AttendanceRepository(a.prisma), workspace, period, clock.now(), { batchSize: 2 }),
      closePeriod(new AttendanceRepository(b.prisma), workspace, period, clock.now(), { batchSize: 2 }),
    ]);
    expect(written[0] + written[1]).toBe(MEMBERS);
    await expectEachMemberOnce(a);
    await database.drop();
  });
});
