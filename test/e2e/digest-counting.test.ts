// What the digest and the accrual DMs count (issue 17.9): fairness lists agents enrolled for the whole 30 days, a
// period close's credits are in one digest only (the close line of the day it closed), and after a close of several
// periods at once each accrual DM states the balance right after its own credit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const LEAD = "U0LEAD";
const ADA = "U0ADA";
const NEW = "U0NEW";

describe("counting in the digest and the accrual DMs", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-02T10:00:00Z");
  const at = async (iso: string) => {
    clock.set(iso);
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();
  };
  const lastDigest = () =>
    JSON.stringify(
      t.fakeSlack
        .acceptedCallsOf("chat.postMessage")
        .filter((c) => c.args.channel === "C0LEADS")
        .at(-1)?.args.blocks,
    );

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LEAD]: "lena", [ADA]: "ada", [NEW]: "nia" }, { tz: "UTC" });
    for (const id of [BOSS, LEAD, ADA, NEW]) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({
      where: { id: ws.id },
      data: { createdAt: new Date("2026-03-02T08:00:00Z"), settings: { ...(ws.settings as object), leadsChannel: "C0LEADS" } },
    });
    await t.prisma.member.updateMany({ data: { joinedAt: new Date("2026-02-01T08:00:00Z") } });
    // Nia joined on Saturday 21 March: two days before Monday's digest.
    await t.prisma.member.updateMany({ where: { platformUserId: NEW }, data: { joinedAt: new Date("2026-03-21T08:00:00Z") } });
  });
  afterAll(() => t.stop());

  it("after two weeks without a run, closes both at once; each DM states the balance right after its own credit", async () => {
    // The service was down from 9 March: Monday 23 March closes the weeks of 9 and 16 March. Ada earns 2 h, then 3 h.
    await at("2026-03-23T09:00:00Z");
    clock.advance(1_000);
    await t.deliver();
    const dms = t.fakeSlack
      .acceptedCallsOf("chat.postMessage")
      .filter((c) => c.args.channel === ADA)
      .map((c) => String(c.args.text));
    expect(dms).toEqual([
      expect.stringContaining("You earned 2 h (streak: 1 clean period). Balance 2 h: 6 h to your next paid day."),
      expect.stringContaining("You earned 3 h (streak: 2 clean periods). Balance 5 h: 3 h to your next paid day."),
    ]);
  });

  it("reports a close's credits once: in the close lines of the day it closed, not again as the next day's credits", async () => {
    const monday = lastDigest();
    expect(monday).toContain("Period 2026-03-16 to 2026-03-23 closed today: 3 of 3 clean, 9 h credited.");
    await at("2026-03-24T09:00:00Z");
    const tuesday = lastDigest();
    expect(tuesday).toContain("Lead digest for 2026-03-23");
    expect(tuesday).toContain("No PTO credited on 2026-03-23 and no paid-day requests waiting.");
  });

  it("lists as not recognised only agents enrolled for the whole 30 days", async () => {
    expect(lastDigest()).toContain(`Not nominated in 30 days (1): <@${ADA}>.`);
  });
});
