// Who the programme covers once teams exist (issue 20.3, PRODUCT.md §8): the week teams are set up in is credited as
// before (every directory member); from the next week, the agents of teams, enrolled throughout: a member moved between
// teams mid-week is credited, one removed mid-week or never in a team is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";

describe("enrolment with teams", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-01T12:00:00Z"); // Sunday, before the week of 2 March
  const team = (text: string) => t.slack.command({ command: "/wowbot", text: `team ${text}`, user_id: BOSS });
  const creditedFor = async (periodStart: string) =>
    (
      await t.prisma.periodResult.findMany({
        where: { periodStart: new Date(`${periodStart}T00:00:00Z`), clean: true },
        include: { member: true },
      })
    )
      .map((r) => r.member.platformUserId)
      .sort();

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    t.fakeSlack.addUsers({ [BOSS]: "boss", U0ADA: "ada", U0BEN: "ben", U0CAL: "cal", U0DAN: "dan" }, { tz: "UTC" });
    await t.service.scheduler.runNow(t.service.jobs.directory);
  });
  afterAll(() => t.stop());

  it("credits the week teams were set up in to every directory member, and the next week to team agents only", async () => {
    clock.set("2026-03-03T10:00:00Z"); // Tuesday of the week of 2 March
    await team("create Billing");
    await team("create Support");
    await team("add Billing <@U0ADA|ada> <@U0BEN|ben> <@U0CAL|cal>");
    // Dan is in no team; the boss leads but is no team's agent.
    await team("lead Billing <@U0BOSS|boss>");

    clock.set("2026-03-11T12:00:00Z"); // Wednesday of the week of 9 March
    await team("add Support <@U0BEN|ben>"); // a move: Ben stays enrolled
    await team("remove Billing <@U0CAL|cal>"); // Cal leaves the programme mid-week

    clock.set("2026-03-09T09:00:00Z");
    await t.service.scheduler.runNow(t.service.jobs.daily); // closes the week of 2 March
    expect(await creditedFor("2026-03-02")).toEqual([BOSS, "U0ADA", "U0BEN", "U0CAL", "U0DAN"].sort());

    clock.set("2026-03-16T09:00:00Z");
    await t.service.scheduler.runNow(t.service.jobs.daily); // closes the week of 9 March
    expect(await creditedFor("2026-03-09")).toEqual(["U0ADA", "U0BEN"]);
  });
});
