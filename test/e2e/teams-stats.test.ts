// Twin of slack-stats.test.ts (and the App Home figures of slack-home.test.ts) on Teams, where `wowbot stats [@member]`
// is the member's page: their own figures privately, service level and idle chats of the last 7 local days included; a
// lead may look at an agent; an agent asking for someone else is refused and never sees another member's figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notice, SENT_PRIVATELY } from "../../src/views/notice.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { seedServiceLevelWeek } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, rendered, TEAMS_CHANNEL } from "../support/teams-requests.js";
import { at, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(31, "Bo Boss");
const ADA = teamsUser(32, "Ada Agent");
const PAT = teamsUser(33, "Pat Peer");
const LENA = teamsUser(34, "Lena Lead");
const NOBODY = teamsUser(35, "Nora Nobody");

describe("wowbot stats on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const stats = (text: string, user: FakeTeamsUser, mentions: FakeTeamsUser[] = []) => twin.told(user, `wowbot stats ${text}`.trim(), mentions);
  /** Figures of Ada's that must never reach anyone but Ada and leads. */
  const ADA_FIGURES = ["77.8%", "3 h 30 min of 4 h 30 min", "longest 5 min"];
  const PAT_FIGURES = ["28.6%", "longest 17 min"];

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    // Tuesday 10 March 2026, noon in the workspace's time zone (UTC): the window is 4 to 10 March.
    t.clock.set("2026-03-10T12:00:00Z");
    await twin.join([BOSS, ADA, PAT, LENA]);
    await twin.makeLeads([LENA]);
    const [ada, pat] = await Promise.all([ADA, PAT].map((u) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: u.aadObjectId } })));
    if (!ada || !pat) throw new Error("members missing");
    await seedServiceLevelWeek(t.prisma, ada, pat);
  });
  afterAll(() => t?.stop());

  it("shows a member their own figures privately, service level and idle chats of the last 7 days included", async () => {
    const reply = await twin.says(ADA, "wowbot stats");
    expect(reply).toHaveLength(1);
    expect(reply[0]?.text).toBe("Your stats");
    const text = shownText(reply);
    expect(text).toContain("Service level (last 7 days)");
    expect(text).toContain("📞 **77.8%** of available time customer-facing (3 h 30 min of 4 h 30 min over 2 days), below the target of 80%.");
    expect(text).toContain("⌛ **1** chat left open more than 2 min after the customer left (longest 5 min).");
    expect(text).toContain("2026-03-04 to 2026-03-10. Only you and leads can see service-level and idle-chat figures.");
    expect(text).toContain("Your PTO and attendance");
    expect(text).toContain("to your next paid day.");
    expect(text).toContain("No scored interactions in the last 30 days.");
    for (const figure of PAT_FIGURES) expect(text).not.toContain(figure);
  });

  it("asked in a channel, answers in the 1:1 chat and only points there in the channel", async () => {
    t.fakeTeams.clear();
    await t.teams.post(t.teams.channelMessage(ADA, "wowbot stats"));
    expect(t.fakeTeams.textsTo(TEAMS_CHANNEL.id)).toEqual([rendered(notice("info", SENT_PRIVATELY)).text]);
    const channelText = JSON.stringify(t.fakeTeams.to(TEAMS_CHANNEL.id));
    for (const figure of ADA_FIGURES) expect(channelText).not.toContain(figure);
    expect(shownText(t.fakeTeams.to(personalConversationId(ADA)).map((a) => a.activity))).toContain("77.8%");
  });

  it("says so when there is no service-level data", async () => {
    const text = await stats("", LENA);
    expect(text).toContain("No service-level data in the last 7 days.");
    expect(text).toContain("No chats left open more than 2 min after the customer left.");
  });

  it("lets a lead (or admin) look at an agent's stats", async () => {
    for (const viewer of [LENA, BOSS]) {
      const reply = await twin.says(viewer, `wowbot stats ${at(ADA)}`, [ADA]);
      expect(reply[0]?.text).toBe("Stats for Ada Agent");
      const text = shownText(reply);
      for (const figure of ADA_FIGURES) expect(text).toContain(figure);
      expect(text).toContain(`Only <at>${ADA.name}</at> and leads can see service-level and idle-chat figures.`);
      expect(text).toContain("to their next paid day.");
      for (const figure of PAT_FIGURES) expect(text).not.toContain(figure);
    }
  });

  it("refuses an agent asking for someone else, showing none of their figures", async () => {
    for (const [viewer, target] of [
      [PAT, ADA],
      [ADA, PAT],
      [ADA, LENA],
    ] as const) {
      const text = await stats(at(target), viewer, [target]);
      expect(text).toContain('Stats are private: you can only see your own. Try "wowbot stats".');
      for (const figure of [...ADA_FIGURES, ...PAT_FIGURES, "Service level"]) expect(text).not.toContain(figure);
    }
    // Naming yourself is the same as asking for your own.
    expect(await stats(at(PAT), PAT, [PAT])).toContain("**28.6%**");
  });

  it("answers bad arguments with usage, and an unknown person with a clear message", async () => {
    expect(await stats("everyone", LENA)).toContain('Usage: "wowbot stats" for your own figures (leads: "wowbot stats @agent").');
    expect(await stats(`${at(ADA)} ${at(PAT)}`, LENA, [ADA, PAT])).toContain('Usage: "wowbot stats"');
    // Someone the bot can't find in the tenant's roster.
    expect(await stats(at(NOBODY), LENA, [NOBODY])).toContain("I can't find that person in this workspace.");
  });
});
