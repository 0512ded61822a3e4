// The paid-day flow on Teams, end to end: pto -> "Request a paid day off" -> dialog -> a request post to every lead
// with Approve / Decline -> the first decision wins, every copy is updated in place through the outbox, the agent is
// told by DM and a second lead is told who decided.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, TEAMS_TEAM } from "../support/teams-requests.js";
import { closedWith, dialogInputs, executeButtons, formOpener, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(11, "Bo Boss");
const LENA = teamsUser(12, "Lena Lead");
const LOU = teamsUser(13, "Lou Lead");
const ADA = teamsUser(14, "Ada Agent");
const LEADS = { id: "19:leads@thread.tacv2", name: "Leads" };

describe("paid-day requests on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const memberOf = (user: FakeTeamsUser) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: user.aadObjectId } });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    // Installed in a team: the bot knows its channels (a leads channel can be chosen later).
    t.fakeTeams.addMember(BOSS).setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }, LEADS]);
    expect((await t.teams.post(t.teams.installationUpdate(BOSS, { place: { kind: "channel" } }))).status).toBe(200);
    await twin.join([BOSS, LENA, LOU, ADA]);
    await twin.makeLeads([LENA, LOU]);
    const ada = await memberOf(ADA);
    await creditOpeningBalance(t.prisma, ada, 16, "test:ada");
  });
  afterAll(() => t?.stop());

  it("request, first decision wins, every copy updated in place, the agent told by DM, a second lead told who decided", async () => {
    // pto -> the "Request a paid day off" button opens the dialog, dated today.
    const page = await twin.says(ADA, "pto");
    const opener = formOpener(page, "form.paid_day");
    expect(opener).not.toBeNull();
    const dialog = await twin.open(ADA, opener ?? {});
    expect(shownText([], dialog)).toContain("A paid day off uses 8 h.");
    expect(dialogInputs(dialog).date?.value).toBe("2026-03-02");

    const done = await twin.submit(ADA, "form.paid_day", { date: "2026-03-04", note: "dentist" });
    expect(closedWith(done)).toBe(
      `Requested a paid day off on 2026-03-04. 8 h are held while a lead decides; you'll get a DM with the outcome. Cancel it from "pto" while it's pending.`,
    );
    const request = await t.prisma.ptoRequest.findFirstOrThrow();
    expect([request.date.toISOString().slice(0, 10), Number(request.hours), request.status, request.note]).toEqual(["2026-03-04", 8, "pending", "dentist"]);

    // Without a leads channel, every lead and admin gets the request in their 1:1 chat, with Approve and Decline.
    t.fakeTeams.clear();
    await t.deliver();
    const posts = new Map<FakeTeamsUser, { activityId: string; conversationId: string }>();
    for (const lead of [BOSS, LENA, LOU]) {
      const [post, ...more] = t.fakeTeams.to(personalConversationId(lead));
      expect(more).toEqual([]);
      expect(shownText([post?.activity ?? {}])).toContain(`<at>${ADA.name}</at> asks for a paid day off on **2026-03-04** (8 h).`);
      expect(shownText([post?.activity ?? {}])).toContain("dentist");
      expect(executeButtons(post?.activity).map(([verb, data]) => [verb, data.requestId])).toEqual([
        ["pto.approve", request.id],
        ["pto.decline", request.id],
      ]);
      posts.set(lead, { activityId: post?.activityId ?? "", conversationId: post?.conversationId ?? "" });
    }
    expect(t.fakeTeams.to(personalConversationId(ADA))).toEqual([]);

    // Lena approves from her copy.
    const [verb, data] = executeButtons(t.fakeTeams.to(personalConversationId(LENA))[0]?.activity)[0] ?? ["", {}];
    expect(await twin.click(LENA, verb, data)).toContain("Approved Ada Agent's paid day off on 2026-03-04.");
    expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "approved", decidedBy: LENA.aadObjectId });

    // The outbox updates every copy in place (the same message, no new one) and tells Ada by DM.
    t.fakeTeams.clear();
    await t.deliver();
    for (const lead of [BOSS, LENA, LOU]) {
      const sent = t.fakeTeams.to(personalConversationId(lead));
      expect(sent.map((a) => [a.method, a.activityId])).toEqual([["PUT", posts.get(lead)?.activityId]]);
      expect(shownText([sent[0]?.activity ?? {}])).toContain(`✅ Approved by <at>${LENA.name}</at>.`);
      expect(executeButtons(sent[0]?.activity)).toEqual([]);
    }
    const dm = t.fakeTeams.to(personalConversationId(ADA));
    expect(dm).toHaveLength(1);
    expect(dm[0]?.activity.text).toContain("Your paid day off on 2026-03-04 was approved by Lena Lead. 8 h were taken from your balance, which is now 8 h.");

    // Lou, a moment too late, is told who decided; nothing changes and nothing more is sent.
    expect(await twin.click(LOU, "pto.decline", { requestId: request.id })).toContain(
      "This request for 2026-03-04 was already approved by Lena Lead. Nothing changed.",
    );
    expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "approved" });
    const redemptions = await t.prisma.ptoLedgerEntry.findMany({ where: { kind: "redemption" } });
    expect(redemptions.map((r) => [Number(r.hours), r.actor])).toEqual([[-8, LENA.aadObjectId]]);
    t.fakeTeams.clear();
    await t.deliver();
    expect(t.fakeTeams.activities).toEqual([]);
  });

  it("with a leads channel, the request is posted there once, and the decision updates that post in place", async () => {
    expect(closedWith(await twin.submit(BOSS, "form.settings", { leadsChannel: LEADS.id }))).toBe("Settings saved. Changed: leads channel.");
    expect(closedWith(await twin.submit(ADA, "form.paid_day", { date: "2026-03-05", note: "" }))).toContain("Requested a paid day off on 2026-03-05.");
    const request = await t.prisma.ptoRequest.findFirstOrThrow({ where: { status: "pending" } });
    t.fakeTeams.clear();
    await t.deliver();
    const [post, ...more] = t.fakeTeams.to(LEADS.id);
    expect(more).toEqual([]);
    expect(shownText([post?.activity ?? {}])).toContain(`<at>${ADA.name}</at> asks for a paid day off on **2026-03-05** (8 h).`);
    for (const lead of [BOSS, LENA, LOU]) expect(t.fakeTeams.to(personalConversationId(lead))).toEqual([]);

    expect(await twin.click(LOU, "pto.decline", { requestId: request.id })).toContain("Declined Ada Agent's paid day off on 2026-03-05.");
    t.fakeTeams.clear();
    await t.deliver();
    const [update] = t.fakeTeams.to(LEADS.id);
    expect([update?.method, update?.activityId]).toEqual(["PUT", post?.activityId]);
    expect(shownText([update?.activity ?? {}])).toContain(`❌ Declined by <at>${LOU.name}</at>.`);
    expect(executeButtons(update?.activity)).toEqual([]);
    expect(t.fakeTeams.textsTo(personalConversationId(ADA))).toEqual([
      "❌ Your paid day off on 2026-03-05 was declined by Lou Lead. Its 8 h are available again.",
    ]);
    expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "redemption", ptoRequestId: request.id } })).toBe(0);
  });
});
