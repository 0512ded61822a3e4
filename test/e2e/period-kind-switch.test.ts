// Switching the attendance period's kind (issue 17.3): the days between the last closed period and the first period
// of the new kind are closed as a transition period, so an absence there counts and nobody's streak skips them.
import { afterEach, describe, expect, it } from "vitest";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { AttendancePeriodKind } from "../../src/domain/settings.js";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

const LEAD = "U0LEAD";
const ADA = "U0ADA";
const BEN = "U0BEN";

describe("switching the attendance period's kind", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-02T10:00:00Z");
  const at = async (iso: string) => {
    clock.set(iso);
    await t.service.scheduler.runNow(t.service.jobs.daily);
  };
  const results = async (user: string) => {
    const m = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: user } });
    const rows = await t.prisma.periodResult.findMany({ where: { memberId: m.id }, orderBy: { periodStart: "asc" } });
    return rows.map((r) => [r.periodStart.toISOString().slice(0, 10), r.periodEnd.toISOString().slice(0, 10), r.streak, Number(r.hoursCredited)]);
  };
  const start = async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: LEAD }, clock });
    for (const [id, name] of [
      [LEAD, "lena"],
      [ADA, "ada"],
      [BEN, "ben"],
    ] as const) {
      t.fakeSlack.addUser({ id, name, tz: "UTC" });
      await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    }
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { createdAt: new Date("2026-03-02T08:00:00Z") } });
    await t.prisma.member.updateMany({ data: { joinedAt: new Date("2026-03-02T08:00:00Z") } });
    return ws.id;
  };
  const switchTo = (workspaceId: string, kind: AttendancePeriodKind) =>
    new WorkspaceRepository(t.service.db).updateSettings(workspaceId, { attendancePeriod: kind }, LEAD);
  afterEach(() => t?.stop());

  it("week to month after the week of 9 March: 16 to 31 March closes on 1 April, and counts Ben's absence of 20 March", async () => {
    const ws = await start();
    await at("2026-03-09T09:00:00Z");
    await at("2026-03-16T09:00:00Z");
    await switchTo(ws, "month");
    clock.set("2026-03-20T12:00:00Z");
    await t.slack.command({ command: "/attendance", text: `<@${BEN}> absent`, user_id: LEAD });
    await at("2026-04-01T09:00:00Z");
    await at("2026-05-01T09:00:00Z");
    expect(await results(ADA)).toEqual([
      ["2026-03-09", "2026-03-16", 1, 2],
      ["2026-03-16", "2026-04-01", 2, 3],
      ["2026-04-01", "2026-05-01", 3, 4],
    ]);
    expect(await results(BEN)).toEqual([
      ["2026-03-09", "2026-03-16", 1, 2],
      ["2026-03-16", "2026-04-01", 0, 0],
      ["2026-04-01", "2026-05-01", 1, 2],
    ]);
  });

  it("week to two-week after the week of 23 March: 30 March to 6 April closes on 6 April; no transition when the kinds line up", async () => {
    const ws = await start();
    for (const day of ["2026-03-16", "2026-03-23", "2026-03-30"]) await at(`${day}T09:00:00Z`);
    await switchTo(ws, "two-week");
    await at("2026-04-06T09:00:00Z");
    await at("2026-04-20T09:00:00Z");
    // Back to weeks on a two-week boundary: the next week starts where the last period ended.
    await switchTo(ws, "week");
    await at("2026-04-27T09:00:00Z");
    expect(await results(ADA)).toEqual([
      ["2026-03-09", "2026-03-16", 1, 2],
      ["2026-03-16", "2026-03-23", 2, 3],
      ["2026-03-23", "2026-03-30", 3, 4],
      ["2026-03-30", "2026-04-06", 4, 4],
      ["2026-04-06", "2026-04-20", 5, 4],
      ["2026-04-20", "2026-04-27", 6, 4],
    ]);
  });
});
