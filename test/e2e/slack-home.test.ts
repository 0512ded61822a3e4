// The App Home tab: opening it publishes the member's wows received, seconds, 30-day quick-score average (current
// scores only) and latest coaching notes, within the Home tab's limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitProblems } from "../support/block-kit-limits.js";
import { seedHomeFigures } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

describe("Slack App Home", () => {
  let t: TestService;
  const open = async (user: string) => {
    const res = await t.slack.event({ type: "app_home_opened", user, channel: "D0HOME", tab: "home", event_ts: "1.1" });
    expect(res.status).toBe(200);
    const call = t.fakeSlack.callsOf("views.publish").at(-1);
    expect(call?.args.user_id).toBe(user);
    return call?.args.view as { type: string; blocks: Array<Record<string, unknown>> };
  };

  beforeAll(async () => {
    t = await startTestService();
    t.clock.set(new Date());
    for (const [id, name] of Object.entries({ U0AGENT: "ada", U0PEER: "pat", U0LEAD: "lena" })) t.fakeSlack.addUser({ id, name });
  });
  afterAll(() => t.stop());

  it("shows an empty page that says what will appear", async () => {
    const view = await open("U0AGENT");
    const text = JSON.stringify(view);
    expect(text).toContain("*0* wow nominations and *0* seconds in the last 30 days");
    expect(text).toContain("No scored interactions in the last 30 days.");
  });

  it("shows wows received with their seconds, the score average of current scores and the latest coaching notes", async () => {
    const agent = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0AGENT" } });
    await open("U0PEER");
    await open("U0LEAD");
    const peer = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0PEER" } });
    const lead = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0LEAD" } });
    await seedHomeFigures(t.prisma, { agent, peer, lead, story: "Found the <!channel> missing refund & fixed it." });

    const view = await open("U0AGENT");
    const text = JSON.stringify(view);
    expect(text).toContain("*1* wow nomination and *1* second in the last 30 days");
    expect(text).toContain("&lt;!channel&gt; missing refund &amp; fixed it");
    expect(text).toContain("*80* average over 2 scored interactions in the last 30 days; 1 met the goal of 80.");
    expect(text).toContain("slow down on the close");
    expect(text).not.toContain("superseded note");
    expect(blockKitProblems(view)).toEqual([]);
  });

  it("stays within the Home tab's limits with many long wows and notes", async () => {
    const agent = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0AGENT" } });
    const peer = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0PEER" } });
    for (let i = 0; i < 12; i++) {
      await t.prisma.nomination.create({
        data: { workspaceId: agent.workspaceId, nomineeId: agent.id, nominatorId: peer.id, story: "&".repeat(2000), reference: "r".repeat(200) },
      });
    }
    expect(blockKitProblems(await open("U0AGENT"))).toEqual([]);
  });
});
