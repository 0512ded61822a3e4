// Leads act on their own teams (issue 20.4, PRODUCT.md §8) on Slack: attendance, a member's PTO, stats and paid-day
// decisions are for the member's team leads and admins ("X is not in your team", nothing changed); quick scores for any
// lead; a paid-day request goes to the team's leads channel, else its leads by DM, else the workspace's leads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { setUpTwoTeams, TWO_TEAMS } from "../support/two-teams.js";

const { BOSS, LENA, TOM, ADA, BEN } = TWO_TEAMS;
const DAN = "U0DAN"; // in no team

describe("team leads on Slack", () => {
  let t: TestService;
  let seq = 0;
  const say = async (command: string, text: string, user: string) => (await t.slack.command({ command, text, user_id: user, trigger_id: `x.${++seq}` })).text;
  const click = async (user: string, action_id: string, value: string) => {
    await t.slack.blockAction(user, { type: "button", action_id, value }, `${t.fakeSlack.url}response/${user}`);
    return String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");
  };
  const request = (user: string, date: string) =>
    t.slack.viewSubmission(user, {
      id: `VR${++seq}`,
      callback_id: "pto.request.submit",
      state: { values: { date: { date: { type: "datepicker", selected_date: date } }, note: { note: { type: "plain_text_input", value: null } } } },
    });
  const occurrences = () => t.prisma.attendanceOccurrence.count({ where: { deletedAt: null } });

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LENA]: "lena", [TOM]: "tom", [ADA]: "ada", [BEN]: "ben", [DAN]: "dan" });
    await setUpTwoTeams(t);
    for (const id of [ADA, BEN])
      await creditOpeningBalance(t.prisma, await t.prisma.member.findFirstOrThrow({ where: { platformUserId: id } }), 16, `test:${id}`);
  });
  afterAll(() => t.stop());

  it("lets a lead record and list attendance for their own team only; an admin for anyone", async () => {
    expect(await say("/attendance", `<@${BEN}> late`, LENA)).toBe(":no_entry_sign: ben is not in your team.");
    expect(await say("/attendance", `<@${DAN}> late`, LENA)).toBe(":no_entry_sign: dan is not in your team.");
    expect(await say("/attendance", `<@${BEN}>`, LENA)).toBe(":no_entry_sign: ben is not in your team.");
    expect(await occurrences()).toBe(0);
    expect(await say("/attendance", `<@${ADA}> late`, LENA)).toContain("Recorded a late arrival for ada");
    expect(await say("/attendance", `<@${DAN}> late`, BOSS)).toContain("Recorded a late arrival for dan");
    expect(await occurrences()).toBe(2);
  });

  it("shows a member's PTO and stats to their own team's leads only; quick scores are for any lead", async () => {
    expect(await say("/pto", `<@${BEN}>`, LENA)).toBe(":no_entry_sign: ben is not in your team.");
    expect(await say("/wowbot", `stats <@${BEN}>`, LENA)).toBe(":no_entry_sign: ben is not in your team.");
    expect(await say("/pto", `<@${BEN}>`, TOM)).not.toContain("not in your team");
    await say("/score", `<@${BEN}> CASE-1`, LENA);
    expect(t.fakeSlack.callsOf("views.open").at(-1)?.args.view).toMatchObject({ callback_id: "score.submit" });
  });

  it("sends a request to the team's leads channel, else to its leads by DM; only the member's team leads decide it", async () => {
    t.fakeSlack.reset();
    expect((await request(ADA, "2026-03-04")).status).toBe(200);
    expect((await request(BEN, "2026-03-05")).status).toBe(200);
    await t.deliver();
    const posts = t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => JSON.stringify(c.args.blocks).includes("asks for a paid day off"));
    expect(posts.map((c) => c.args.channel).sort()).toEqual(["C0BILLING", TOM]); // a DM is posted to the user id

    const ben = await t.prisma.ptoRequest.findFirstOrThrow({ where: { member: { platformUserId: BEN } } });
    expect(await click(LENA, "pto.approve", ben.id)).toContain("ben is not in your team.");
    expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: ben.id } })).toMatchObject({ status: "pending" });
    expect(await click(TOM, "pto.approve", ben.id)).toContain("Approved");
    expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: ben.id } })).toMatchObject({ status: "approved" });
  });

  it("shows a lead their team at a glance on the App Home: agents, at risk, requests waiting, not recognised", async () => {
    await t.slack.event({ type: "app_home_opened", user: LENA, channel: "D0LENA", tab: "home", event_ts: "5.1" });
    const home = JSON.stringify(t.fakeSlack.callsOf("views.publish").at(-1)?.args.view);
    expect(home).toContain("Your team: Billing");
    expect(home).toContain("1 agent.");
    expect(home).toContain("Nobody at 3+ points this week.");
    expect(home).toContain(`Not recognised in 30 days (1): <@${ADA}>.`);
    expect(home).not.toContain("Your team: Support");
    await t.slack.event({ type: "app_home_opened", user: ADA, channel: "D0ADA", tab: "home", event_ts: "5.2" });
    expect(JSON.stringify(t.fakeSlack.callsOf("views.publish").at(-1)?.args.view)).not.toContain("Your team");
  });
});
