// Customer-voiced wows on Teams, the twin of slack-feedback.test.ts (issue 21.2): feedback in through the ingest API,
// the candidate card in every lead's 1:1 chat with Recognise / Dismiss, the agent refused, the first decision wins and
// every copy is updated in place, the "from a customer" post in the recognition channel and the agent's DM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/app/api-tokens.js";
import { ApiTokenRepository } from "../../src/db/api-token.repository.js";
import { toWorkspaceRecord } from "../../src/db/records.js";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, TEAMS_CHANNEL, TEAMS_TEAM } from "../support/teams-requests.js";
import { executeButtons, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(11, "Bo Boss");
const LENA = teamsUser(12, "Lena Lead");
const LOU = teamsUser(13, "Lou Lead");
const ADA = teamsUser(14, "Ada Agent");
const PRAISE = "Ada sorted my refund in two minutes and even remembered my dog's name!";

describe("customer-voiced wows on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  let secret = "";
  const clock = new ManualClock("2026-03-11T10:00:00Z");
  const post = async (rows: unknown[]) => {
    const res = await fetch(`${t.url}/api/v1/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ rows }),
    });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, clock, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    t.fakeTeams.addMember(BOSS).setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }]);
    expect((await t.teams.post(t.teams.installationUpdate(BOSS, { place: { kind: "channel" } }))).status).toBe(200);
    await twin.join([BOSS, LENA, LOU, ADA]);
    await twin.makeLeads([LENA, LOU]);
    const ws = await t.prisma.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), recognitionChannel: TEAMS_CHANNEL.id } } });
    const created = await createApiToken(
      { tokens: new ApiTokenRepository(t.prisma), clock },
      { workspace: toWorkspaceRecord(ws), actor: "cli", name: "Survey" },
    );
    if (!created.ok) throw new Error(created.error.message);
    secret = created.value.secret;
  });
  afterAll(() => t?.stop());

  it("sends the candidate to every lead once; only leads decide; the first decision wins and every copy says so", async () => {
    const row = { member: ADA.aadObjectId, feedbackId: "fb-1", receivedAt: "2026-03-11T09:00:00Z", csat: 5, comment: PRAISE, interactionRef: "T-1001" };
    expect(await post([row])).toEqual({ status: 200, body: { received: 1, created: 1, updated: 0, unchanged: 0, candidates: 1 } });
    expect((await post([row])).body).toMatchObject({ unchanged: 1, candidates: 0 });
    t.fakeTeams.clear();
    await t.deliver();
    // No teams: the workspace's leads and admins get it in their 1:1 chats; the agent never sees the card.
    const candidate = await t.prisma.wowCandidate.findFirstOrThrow();
    for (const lead of [BOSS, LENA, LOU]) {
      const sent = t.fakeTeams.to(personalConversationId(lead));
      expect(sent).toHaveLength(1);
      expect(shownText([sent[0]?.activity ?? {}])).toContain(`A customer was delighted by <at>${ADA.name}</at>. Recognise it as a wow?`);
      expect(shownText([sent[0]?.activity ?? {}])).toContain("remembered my dog");
      expect(executeButtons(sent[0]?.activity).map(([verb, data]) => [verb, data.candidateId])).toEqual([
        ["candidate.recognise", candidate.id],
        ["candidate.dismiss", candidate.id],
      ]);
    }
    expect(t.fakeTeams.to(personalConversationId(ADA))).toEqual([]);

    expect(await twin.click(ADA, "candidate.recognise", { candidateId: candidate.id })).toContain(
      "Only the agent's team leads and admins can recognise or dismiss a customer's feedback.",
    );
    expect(await twin.click(LENA, "candidate.recognise", { candidateId: candidate.id })).toContain(
      "Recognised: posted in the recognition channel, and Ada Agent gets a DM with the customer's words.",
    );
    expect(await twin.click(LOU, "candidate.dismiss", { candidateId: candidate.id })).toContain(
      "This candidate was already recognised by Lena Lead. Nothing changed.",
    );
    expect(await t.prisma.wowCandidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({ status: "recognised" });

    t.fakeTeams.clear();
    await t.deliver();
    for (const lead of [BOSS, LENA, LOU]) {
      const sent = t.fakeTeams.to(personalConversationId(lead));
      expect(sent.map((a) => a.method)).toEqual(["PUT"]);
      expect(shownText([sent[0]?.activity ?? {}])).toContain(`Recognised by <at>${LENA.name}</at> as a wow from a customer.`);
      expect(executeButtons(sent[0]?.activity)).toEqual([]);
    }
    const channelPost = shownText(t.fakeTeams.to(TEAMS_CHANNEL.id).map((a) => a.activity));
    expect(channelPost).toContain(`A wow from a customer for <at>${ADA.name}</at>`);
    expect(channelPost).toContain("remembered my dog");
    expect(shownText(twin.privately(ADA))).toContain("A customer's words about T-1001 became a wow");
  });

  it("shows the agent their CSAT beside their quick scores on the stats card", async () => {
    const stats = await twin.told(ADA, "wowbot stats");
    expect(stats).toContain("Quick scores and customer feedback");
    expect(stats).toContain("Customers: CSAT **100%** (1 rating) in the last 30 days.");
  });
});
