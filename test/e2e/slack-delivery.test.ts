// Nothing lost, nothing twice: outbox delivery through Slack outages and rate limits, and giving up only on
// messages Slack will never accept.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queueNomineeDmBacklog } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

const STORY = "Turned a furious caller into a fan by fixing three old tickets nobody had closed.";

describe("outbox delivery to Slack", () => {
  let t: TestService;
  let trigger = 0;
  const nominate = (nominee = "U0NOMINEE") =>
    t.slack.slashCommand({ command: "/wow", text: `<@${nominee}> ${STORY}`, user_id: "U0AGENT", channel_id: "C0TEAM", trigger_id: `d.${++trigger}` });
  const delivered = (channel: string) => t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => c.args.channel === channel);
  const pending = () => t.prisma.outbox.count({ where: { status: "pending" } });

  beforeAll(async () => {
    t = await startTestService();
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
    t.fakeSlack.addUser({ id: "U0NOMINEE", name: "grace" });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.prisma.outbox.deleteMany();
    await t.prisma.nomination.deleteMany();
    t.fakeSlack.reset();
  });

  it("retries through HTTP 500s and a rate limit (honouring Retry-After), then delivers each message exactly once", async () => {
    t.fakeSlack.fail("chat.postMessage", { status: 500, times: 3 });
    await nominate();
    await t.deliver(); // post and DM both hit a 500
    expect(await pending()).toBe(2);
    const retried = await t.prisma.outbox.findMany();
    expect(retried.every((m) => m.lastError === "HTTP 500" && m.attempts === 1)).toBe(true);

    t.clock.advance(1_000);
    await t.deliver(); // one more 500, then the queue moves on
    t.fakeSlack.fail("chat.postMessage", { status: 429, retryAfter: 30 });
    t.clock.advance(2_000);
    await t.deliver(); // rate limited: not before 30 s
    const limited = await t.prisma.outbox.findFirst({ where: { lastError: "ratelimited" } });
    expect(limited?.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 30_000);

    t.clock.advance(10_000);
    await t.deliver();
    expect(await pending()).toBe(1); // the rate-limited one waits its 30 s
    t.clock.advance(25_000);
    await t.deliver();
    expect(await pending()).toBe(0);
    expect(delivered("C0TEAM")).toHaveLength(1);
    expect(delivered("U0NOMINEE")).toHaveLength(1);
    expect(t.fakeSlack.callsOf("chat.postMessage").filter((c) => c.failed)).toHaveLength(4);
  });

  it("gives up on a message Slack will never accept, keeping it with its error", async () => {
    t.fakeSlack.fail("chat.postMessage", { error: "channel_not_found" });
    await nominate();
    await t.deliver();
    const dead = await t.prisma.outbox.findMany({ where: { status: "dead" } });
    expect(dead).toHaveLength(1);
    expect(dead[0]?.lastError).toBe("channel_not_found");
    expect(await pending()).toBe(0); // the DM went through
  });

  it("reports the queue depth in /metrics until it drains", async () => {
    t.fakeSlack.fail("chat.postMessage", { status: 500, times: 2 });
    await nominate();
    await t.deliver();
    expect(await (await fetch(`${t.url}/metrics`)).text()).toMatch(/^wowbot_outbox_depth 2$/m);
    t.clock.advance(5_000);
    await t.deliver();
    expect(await (await fetch(`${t.url}/metrics`)).text()).toMatch(/^wowbot_outbox_depth 0$/m);
  });

  it("drains a backlog larger than one batch in a single run", async () => {
    await nominate();
    const n = await t.prisma.nomination.findFirstOrThrow();
    await queueNomineeDmBacklog(t.prisma, n, "U0NOMINEE", "backlog", t.clock.now());
    await t.deliver();
    expect(await pending()).toBe(0);
    expect(delivered("U0NOMINEE")).toHaveLength(46);
  });
});
