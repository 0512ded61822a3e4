// Nothing lost, nothing twice on Teams (twin of slack-delivery.test.ts): outbox delivery through Bot Connector
// outages (HTTP 500s) and throttling (429 with Retry-After), the queue depth in /metrics, and a backlog larger than
// one batch, with a recognition typed in Teams.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { queueNomineeDmBacklog } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, TEAMS_TEAM } from "../support/teams-requests.js";

const STORY = "Turned a furious caller into a fan by fixing three old tickets nobody had closed.";
const ada: FakeTeamsUser = { id: "29:out-ada", aadObjectId: "dddddddd-0000-4000-8000-0000000000a1", name: "Ada Agent" };
const grace: FakeTeamsUser = { id: "29:out-grace", aadObjectId: "dddddddd-0000-4000-8000-0000000000a2", name: "Grace Nominee" };
const WOWS = { id: "19:outbox-wows@thread.tacv2", name: "Wows" };

describe("outbox delivery to Teams", () => {
  let t: TestService;
  const nominate = () => t.teams.post(t.teams.message(ada, `wow @${grace.name} ${STORY}`, { mentions: [grace] }));
  const pending = () => t.prisma.outbox.count({ where: { status: "pending" } });
  const depth = async () => /^wowbot_outbox_depth (\d+)$/m.exec(await (await fetch(`${t.url}/metrics`)).text())?.[1];
  const channelPosts = () => t.fakeTeams.to(WOWS.id);
  const graceDms = () => t.fakeTeams.to(personalConversationId(grace));

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true });
    t.fakeTeams.addMember(ada).addMember(grace);
    t.fakeTeams.setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }, WOWS]);
    await t.teams.post(t.teams.installationUpdate(ada, { place: { kind: "channel" } }));
    await t.teams.post(t.teams.message(grace, "help"));
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), recognitionChannel: WOWS.id } } });
  });
  afterAll(() => t?.stop());
  beforeEach(async () => {
    await t.prisma.outbox.deleteMany();
    await t.prisma.nomination.deleteMany();
    t.fakeTeams.clear();
  });

  it("retries through HTTP 500s and a 429 (honouring Retry-After), then delivers each message exactly once", async () => {
    await nominate();
    expect(await pending()).toBe(2); // the channel post and the nominee's DM
    t.fakeTeams.clear(); // the confirmation in Ada's chat
    t.fakeTeams.fail("send", { status: 500, times: 3 });
    await t.deliver(); // both hit a 500
    const retried = await t.prisma.outbox.findMany();
    expect(retried.map((m) => [m.status, m.lastError, m.attempts])).toEqual([
      ["pending", "HTTP 500", 1],
      ["pending", "HTTP 500", 1],
    ]);

    t.clock.advance(1_000);
    await t.deliver(); // one more 500, then the connector recovers for the other
    expect(await pending()).toBe(1);
    t.fakeTeams.fail("send", { status: 429, retryAfter: 30 });
    t.clock.advance(2_000);
    await t.deliver(); // throttled: not before 30 s
    const limited = await t.prisma.outbox.findFirstOrThrow({ where: { status: "pending" } });
    expect(limited.lastError).toBe("HTTP 429 (throttled)");
    expect(limited.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 30_000);
    expect(await depth()).toBe("1");

    t.clock.advance(10_000);
    await t.deliver();
    expect(await pending()).toBe(1); // still waiting its 30 s
    t.clock.advance(25_000);
    await t.deliver();
    expect(await pending()).toBe(0);
    expect(await depth()).toBe("0");
    // Failed calls captured nothing; each message arrived once.
    expect(channelPosts()).toHaveLength(1);
    expect(graceDms()).toHaveLength(1);
    expect(t.fakeTeams.requests.filter((r) => r.method === "POST" && r.path.includes("/activities")).length).toBe(2 + 4);
    // Later runs send nothing more.
    t.clock.advance(3_600_000);
    await t.deliver();
    expect(t.fakeTeams.activities).toHaveLength(2);
  });

  it("drains a backlog larger than one batch in a single run", async () => {
    await nominate();
    const n = await t.prisma.nomination.findFirstOrThrow();
    await queueNomineeDmBacklog(t.prisma, n, grace.aadObjectId, "teams-backlog", t.clock.now());
    await t.deliver();
    expect(await pending()).toBe(0);
    expect(graceDms()).toHaveLength(46);
    expect(channelPosts()).toHaveLength(1);
  });
});
