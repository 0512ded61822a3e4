// Twin of slack-home.test.ts on Teams, which has no Home tab: `wowbot stats` shows the member's wows received, seconds,
// 30-day quick-score average (current scores only) and latest coaching notes, as a valid card within Teams' size limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHomeFigures } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";
import { cardProblems } from "../unit/adapters/teams/validate-card.js";

const ADA = teamsUser(41, "Ada Agent");
const PAT = teamsUser(42, "Pat Peer");
const LENA = teamsUser(43, "Lena Lead");
/** Teams refuses activities over about 28 KB. */
const TEAMS_CARD_BYTES = 28_000;

describe("the member's page on Teams (wowbot stats)", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const page = async (user = ADA) => {
    const [reply, ...more] = await twin.says(user, "wowbot stats");
    expect(more).toEqual([]);
    const card = reply?.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;
    expect(cardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(reply))).toBeLessThan(TEAMS_CARD_BYTES);
    return shownText(reply ? [reply] : []);
  };
  const memberOf = (user: typeof ADA) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: user.aadObjectId } });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true });
    t.clock.set(new Date());
    twin = new TeamsTwin(t);
    for (const u of [ADA, PAT, LENA]) t.fakeTeams.addMember(u);
  });
  afterAll(() => t?.stop());

  it("shows an empty page that says what will appear", async () => {
    const text = await page();
    expect(text).toContain("🌟 **0** wow nominations and **0** seconds in the last 30 days.");
    expect(text).toContain("No nominations yet. They'll show up here.");
    expect(text).toContain("No scored interactions in the last 30 days.");
  });

  it("shows wows received with their seconds, the score average of current scores and the latest coaching notes", async () => {
    await twin.says(PAT, "help");
    await twin.says(LENA, "help");
    const [agent, peer, lead] = await Promise.all([memberOf(ADA), memberOf(PAT), memberOf(LENA)]);
    await seedHomeFigures(t.prisma, { agent, peer, lead, story: "Found the <at>everyone</at> missing refund & **fixed** it." });

    const text = await page();
    expect(text).toContain("🌟 **1** wow nomination and **1** second in the last 30 days.");
    expect(text).toContain(`From <at>${PAT.name}</at> on`);
    // The story stays literal text: no mention tag, no markdown it did not mean.
    expect(text).toContain("Found the <at>everyone</at> missing refund & **fixed** it.");
    expect(JSON.stringify(await twin.says(ADA, "wowbot stats"))).not.toContain("<at>everyone</at>");
    expect(text).toContain("**80** average over 2 scored interactions in the last 30 days; 1 met the goal of 80.");
    expect(text).toContain("slow down on the close");
    expect(text).not.toContain("superseded note");
  });

  it("stays a valid card within Teams' size limit with many long wows and notes", async () => {
    const [agent, peer] = await Promise.all([memberOf(ADA), memberOf(PAT)]);
    for (let i = 0; i < 12; i++) {
      await t.prisma.nomination.create({
        data: { workspaceId: agent.workspaceId, nomineeId: agent.id, nominatorId: peer.id, story: "&".repeat(2000), reference: "r".repeat(200) },
      });
    }
    expect(await page()).toContain("🌟 **13** wow nominations");
  });
});
