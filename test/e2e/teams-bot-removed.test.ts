// Removing the bot from a team (issue 18.2): nothing may wait on a channel the bot cannot reach. On removal (the
// conversationUpdate that removes the bot, or an installationUpdate remove), and on a post Teams answers 403, the
// team's channels are forgotten, settings no longer name or offer them, the admins are told, and paid-day requests
// and digests go to the leads by DM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, TEAMS_TEAM } from "../support/teams-requests.js";
import { closedWith, dialogInputs, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(21, "Bo Boss");
const LENA = teamsUser(22, "Lena Lead");
const ADA = teamsUser(23, "Ada Agent");
const LEADS = { id: "19:leads@thread.tacv2", name: "Leads" };

describe("the bot removed from a team", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const settings = async () => ((await t.prisma.workspace.findFirstOrThrow({ where: { platform: "teams" } })).settings ?? {}) as Record<string, unknown>;
  const install = async () => {
    t.fakeTeams.setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }, LEADS]);
    expect((await t.teams.post(t.teams.installationUpdate(BOSS, { place: { kind: "channel" } }))).status).toBe(200);
    expect(closedWith(await twin.submit(BOSS, "form.settings", { leadsChannel: LEADS.id, recognitionChannel: TEAMS_TEAM.id }))).toContain("Settings saved.");
  };
  const requestDay = async (date: string) => {
    expect(closedWith(await twin.submit(ADA, "form.paid_day", { date, note: "" }))).toContain(`Requested a paid day off on ${date}.`);
    return t.prisma.ptoRequest.findFirstOrThrow({ where: { date: new Date(`${date}T00:00:00Z`) } });
  };

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    t.fakeTeams.addMember(BOSS);
    await twin.join([BOSS, LENA, ADA]);
    await twin.makeLeads([LENA]);
    await creditOpeningBalance(t.prisma, await t.prisma.member.findFirstOrThrow({ where: { platformUserId: ADA.aadObjectId } }), 24, "test:ada");
  });
  afterAll(() => t?.stop());

  it("on removal, forgets the team's channels and tells the admins; requests then go to the leads by DM", async () => {
    await install();
    t.fakeTeams.clear();
    await t.teams.post(t.teams.conversationUpdate({ from: BOSS, botRemoved: true }));
    expect(await settings()).toMatchObject({ leadsChannel: null, recognitionChannel: null });
    expect(await t.prisma.teamsConversation.count({ where: { kind: "channel" } })).toBe(0);
    expect(await t.prisma.auditLog.findFirst({ where: { action: "settings.update" }, orderBy: { at: "desc" } })).toMatchObject({
      actor: "system:channels-lost",
    });
    await t.deliver();
    const told = t.fakeTeams.textsTo(personalConversationId(BOSS)).join("\n");
    expect(told).toContain(`wowbot can no longer post in "General (${TEAMS_TEAM.name})" and "${LEADS.name} (${TEAMS_TEAM.name})"`);
    expect(told).toContain("That was the leads channel: digests and paid-day requests now go to each lead by DM.");
    // The settings dialog no longer offers them.
    const dialog = await twin.open(BOSS, { wowbot: "form.open", form: "form.settings" });
    expect(JSON.stringify(dialogInputs(dialog).leadsChannel?.choices ?? [])).not.toContain(LEADS.id);
    // A request now goes to each lead by DM, not to a channel nobody can read.
    await requestDay("2026-03-04");
    t.fakeTeams.clear();
    await t.deliver();
    expect(shownText([t.fakeTeams.to(personalConversationId(LENA)).at(-1)?.activity ?? {}])).toContain("asks for a paid day off on **2026-03-04**");
    expect(t.fakeTeams.to(LEADS.id)).toEqual([]);
  });

  it("when a post to the leads channel gets Teams' 403, does the same and sends the request to the leads by DM", async () => {
    await install();
    expect(await settings()).toMatchObject({ leadsChannel: LEADS.id });
    const request = await requestDay("2026-03-05");
    t.fakeTeams.clear();
    t.fakeTeams.fail("send", { status: 403 });
    await t.deliver();
    expect(await settings()).toMatchObject({ leadsChannel: null, recognitionChannel: TEAMS_TEAM.id });
    expect(await t.prisma.teamsConversation.findFirst({ where: { conversationId: LEADS.id } })).toBeNull();
    await t.deliver();
    for (const lead of [BOSS, LENA]) {
      const texts = shownText(t.fakeTeams.to(personalConversationId(lead)).map((a) => a.activity));
      expect(texts).toContain("asks for a paid day off on **2026-03-05**");
    }
    expect(t.fakeTeams.textsTo(personalConversationId(BOSS)).join("\n")).toContain(`wowbot can no longer post in "${LEADS.name} (${TEAMS_TEAM.name})"`);
    // The hours stay held while the leads decide, now that they have been asked.
    expect((await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending");
  });
});
