// Leads act on their own teams on Microsoft Teams (twin of slack-team-leads): the same refusals, word for word, and a
// paid-day request to the team's leads by DM when the team has no leads channel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId } from "../support/teams-requests.js";
import { closedWith, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(61, "Bo Boss");
const LENA = teamsUser(62, "Lena Lead");
const TOM = teamsUser(63, "Tom Lead");
const ADA = teamsUser(64, "Ada Agent");
const BEN = teamsUser(65, "Ben Agent");

describe("team leads on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LENA, TOM, ADA, BEN]);
    await twin.told(BOSS, "wowbot team create Billing");
    await twin.told(BOSS, "wowbot team create Support");
    await twin.told(BOSS, `wowbot team add Billing @${ADA.name}`, [ADA]);
    await twin.told(BOSS, `wowbot team add Support @${BEN.name}`, [BEN]);
    await twin.told(BOSS, `wowbot team lead Billing @${LENA.name}`, [LENA]);
    await twin.told(BOSS, `wowbot team lead Support @${TOM.name}`, [TOM]);
    await creditOpeningBalance(t.prisma, await t.prisma.member.findFirstOrThrow({ where: { platformUserId: BEN.aadObjectId } }), 16, "test:ben");
  });
  afterAll(() => t?.stop());

  it("refuses a lead another team's member, changing nothing", async () => {
    expect(await twin.told(LENA, `attendance @${BEN.name} late`, [BEN])).toContain(`${BEN.name} is not in your team.`);
    expect(await twin.told(LENA, `pto @${BEN.name}`, [BEN])).toContain(`${BEN.name} is not in your team.`);
    expect(await t.prisma.attendanceOccurrence.count()).toBe(0);
    expect(await twin.told(TOM, `attendance @${BEN.name} late`, [BEN])).toContain(`Recorded a late arrival for ${BEN.name}`);
  });

  it("sends a request to the member's team leads by DM when the team has no leads channel", async () => {
    expect(closedWith(await twin.submit(BEN, "form.paid_day", { date: "2026-03-04", note: "" }))).toContain("Requested a paid day off on 2026-03-04.");
    t.fakeTeams.clear();
    await t.deliver();
    expect(shownText(t.fakeTeams.to(personalConversationId(TOM)).map((a) => a.activity))).toContain("asks for a paid day off on **2026-03-04**");
    expect(t.fakeTeams.to(personalConversationId(LENA))).toEqual([]);
  });

  it("shows a lead their team at a glance on their stats card, with the request waiting", async () => {
    const card = await twin.told(TOM, "wowbot stats");
    expect(card).toContain("Your team: Support");
    expect(card).toContain(`Paid-day requests waiting (1): <at>${BEN.name}</at> on 2026-03-04.`);
    expect(await twin.told(LENA, "wowbot stats")).not.toContain("Your team: Support");
  });
});
