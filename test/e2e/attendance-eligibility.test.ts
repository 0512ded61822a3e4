// One eligibility rule for the period close, the daily attendance post and the digest (issue 17.5): a member who
// joined in the middle of a period is not counted for it anywhere, so the post and the digest agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const LEAD = "U0LEAD";

describe("who a period counts", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-10T10:00:00Z");

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    const people = { [BOSS]: "boss", [LEAD]: "lena", U0ADA: "ada", U0BEN: "ben", U0DAN: "dan" };
    t.fakeSlack.addUsers(people, { tz: "UTC" });
    for (const id of Object.keys(people)) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({
      where: { id: ws.id },
      data: { createdAt: new Date("2026-03-09T00:00:00Z"), settings: { ...(ws.settings as object), recognitionChannel: "C0WOWS", leadsChannel: "C0LEADS" } },
    });
    await t.prisma.member.updateMany({ data: { joinedAt: new Date("2026-03-01T00:00:00Z") } });
    // Dan joined on Wednesday of the week of 9 March.
    await t.prisma.member.updateMany({ where: { platformUserId: "U0DAN" }, data: { joinedAt: new Date("2026-03-11T10:00:00Z") } });
  });
  afterAll(() => t.stop());

  it("counts a member who joined mid-week neither in the attendance post nor in the digest", async () => {
    await t.slack.command({ command: "/attendance", text: "<@U0BEN> late", user_id: LEAD });
    clock.set("2026-03-12T09:00:00Z");
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();
    const text = (channel: string) =>
      JSON.stringify(
        t.fakeSlack
          .acceptedCallsOf("chat.postMessage")
          .filter((c) => c.args.channel === channel)
          .map((c) => c.args.blocks),
      );
    expect(text("C0WOWS")).toContain("*3 of 4* agents are at zero points this week");
    expect(text("C0LEADS")).toContain("3 of 4 at zero points in the week from 2026-03-09.");
  });
});
