// Platform outages: the Slack Web API (and Teams' Bot Connector) failing for a while with HTTP 500s and then rate
// limits with Retry-After, during nominations, "Second this" updates, the daily close with its attendance post and
// credit DMs, and the lead digest; then recovering: every message delivered exactly once, no retry before its
// Retry-After, the outbox depth back to zero. Also a platform that never answers: delivery is not stalled by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import type { SlackCall } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, TEAMS_TEAM } from "../support/teams-requests.js";

const BOSS = "U0BOSS";
const LEAD = "U0LEAD";
const AGENTS = { ada: "U0ADA", ben: "U0BEN", cat: "U0CAT" } as const;
const NEWCOMER = "U0DAN";
const STORY = "Stayed on the line to rebook the whole family's flights after the storm.";
const STORY2 = "Found the parcel the courier lost and drove it over before closing time.";
const RETRY_AFTER_S = 90;
/** A long outage: more failures than the test can use up. */
const FOREVER = 1_000_000;
/** Local Berlin time (UTC+1 in mid March) as an instant. */
const berlin = (d: string, hhmm: string) => new Date(`${d}T${hhmm}:00+01:00`);

async function outboxDepth(t: TestService): Promise<number> {
  const metrics = await (await fetch(`${t.url}/metrics`)).text();
  return Number(/^wowbot_outbox_depth (\d+)$/m.exec(metrics)?.[1]);
}

/** One message as Slack sees it: a post by channel and text, an update by the message it edits. */
const messageKey = (c: SlackCall) => (c.method === "chat.update" ? `update ${c.args.channel} ${c.args.ts}` : `post ${c.args.channel} ${c.args.text}`);

describe("a Slack Web API outage", () => {
  let t: TestService;
  const clock = new ManualClock(berlin("2026-03-16", "08:00"));
  let trigger = 0;
  const wow = (user: string, nominee: string, story: string) =>
    t.slack.command({ command: "/wow", text: `<@${nominee}> ${story}`, user_id: user, channel_id: "C0TEAM", trigger_id: `outage.${++trigger}` });
  const second = async (user: string, nominationId: string) => {
    const res = await t.slack.blockAction(user, { type: "button", action_id: "nomination.second", value: nominationId }, `${t.fakeSlack.url}response/${user}`);
    expect(res.status).toBe(200);
  };
  const at = async (instant: Date) => {
    clock.set(instant);
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();
  };
  const chatCalls = () => t.fakeSlack.calls.filter((c) => c.method === "chat.postMessage" || c.method === "chat.update");
  const accepted = () => chatCalls().filter((c) => !c.failed);

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    t.fakeSlack.stampWith = () => clock.now();
    const people: Array<[string, string]> = [["boss", BOSS], ["lena", LEAD], ...Object.entries(AGENTS)];
    for (const [name, id] of people) t.fakeSlack.addUser({ id, name, tz: "Europe/Berlin" });
    t.fakeSlack.addUser({ id: NEWCOMER, name: "dan", tz: "Europe/Berlin" });
    for (const [, id] of people) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({
      where: { id: ws.id },
      data: {
        timezone: "Europe/Berlin",
        createdAt: new Date("2026-03-01T00:00:00Z"),
        settings: { ...(ws.settings as object), recognitionChannel: "C0WOWS", leadsChannel: "C0LEADS" },
      },
    });
    // Members since before the week of 9 March, which closes at Monday 16 March's digest time (09:00 in Berlin).
    await t.prisma.member.updateMany({ data: { joinedAt: new Date("2026-03-01T00:00:00Z") } });
    const absent = await t.slack.command({ command: "/attendance", text: `<@${AGENTS.ben}> absent 2026-03-12`, user_id: LEAD });
    expect(absent.text).toContain("Recorded an absence for ben on 2026-03-12.");
    await t.deliver();
    t.fakeSlack.reset();
  });
  afterAll(() => t?.stop());

  it("delivers every nomination post, nominee DM, Second this update, attendance post, credit DM and digest exactly once after 500s and then ratelimited, honouring Retry-After", async () => {
    // Before the outage: a nomination goes out normally.
    expect((await wow(AGENTS.ada, AGENTS.ben, STORY)).text).toContain("is in");
    await t.deliver();
    expect(accepted()).toHaveLength(2);
    const first = await t.prisma.nomination.findFirstOrThrow();

    // 08:05: Slack starts answering 500 to every call.
    clock.set(berlin("2026-03-16", "08:05"));
    for (const method of ["chat.postMessage", "chat.update", "users.info"]) t.fakeSlack.fail(method, { status: 500, times: FOREVER });
    // A newcomer's first /wow needs users.info: it is refused with a message saying to try again, and stores nothing.
    expect((await wow(NEWCOMER, AGENTS.ada, STORY2)).text).toContain("Something went wrong on my side. Please try again in a moment.");
    expect(await t.prisma.nomination.count()).toBe(1);
    expect(await t.prisma.member.count({ where: { platformUserId: NEWCOMER } })).toBe(0);
    // users.info is back; posting and updating messages are still failing.
    t.fakeSlack.recover("users.info");
    clock.set(berlin("2026-03-16", "08:10"));
    await second(LEAD, first.id);
    await second(AGENTS.cat, first.id);
    expect((await wow(AGENTS.cat, AGENTS.ada, STORY2)).text).toContain("is in");
    const later = await t.prisma.nomination.findFirstOrThrow({ where: { story: STORY2 } });
    await second(LEAD, later.id);
    // The outage lasts through the daily close, the attendance post, the credit DMs and the digest at 09:00.
    for (let minute = 10; minute <= 70; minute += 5) {
      await at(new Date(berlin("2026-03-16", "08:00").getTime() + minute * 60_000));
    }
    expect(accepted()).toHaveLength(2); // nothing got through since the outage began
    const pending = await t.prisma.outbox.count({ where: { status: "pending" } });
    // 2 updates of the first nomination's post, post + DM + 1 update for the second, the attendance post, one
    // digest to the leads channel, and the credit DMs of two closed weeks (2 and 9 March): everyone twice but ben,
    // absent on 12 March, once.
    expect(pending).toBe(16);
    expect(await outboxDepth(t)).toBe(pending);
    expect(t.fakeSlack.callsOf("chat.postMessage").filter((c) => c.status === 500).length).toBeGreaterThan(20);
    expect(t.fakeSlack.callsOf("chat.update").filter((c) => c.status === 500).length).toBeGreaterThan(5);
    expect(await t.prisma.jobRun.count({ where: { finishedAt: null } })).toBe(0); // the jobs only queue: they finished

    // 09:30 (past the longest backoff): Slack now rate-limits every call with Retry-After.
    for (const method of ["chat.postMessage", "chat.update"]) t.fakeSlack.fail(method, { status: 429, retryAfter: RETRY_AFTER_S, times: FOREVER });
    const limitedFrom = berlin("2026-03-16", "09:30");
    await at(limitedFrom);
    const firstLimited = chatCalls().filter((c) => c.status === 429);
    expect(firstLimited.length).toBeGreaterThanOrEqual(9); // every message Slack could be asked for (updates wait for their post)
    for (let s = 30; s <= 180; s += 30) {
      const before = chatCalls().length;
      await at(new Date(limitedFrom.getTime() + s * 1000));
      // Nothing is retried before its Retry-After has passed.
      if (s % RETRY_AFTER_S !== 0) expect(chatCalls().length).toBe(before);
    }
    expect(accepted()).toHaveLength(2);

    // 09:33:30: Slack recovers.
    t.fakeSlack.recover();
    for (let s = 210; (await outboxDepth(t)) > 0 && s < 210 + 20 * 30; s += 30) await at(new Date(limitedFrom.getTime() + s * 1000));
    expect(await outboxDepth(t)).toBe(0);

    // Every queued message was accepted exactly once, and nothing else was sent.
    const rows = await t.prisma.outbox.findMany();
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const updates = rows.filter((r) => (r.target as { kind: string }).kind === "update").length;
    expect(accepted().filter((c) => c.method === "chat.update")).toHaveLength(updates);
    const posts = accepted().filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(rows.length - updates);
    expect(new Set(posts.map(messageKey)).size).toBe(posts.length);
    const sent = (channel: string, text: string) => posts.filter((c) => c.args.channel === channel && String(c.args.text).includes(text));
    expect(sent("C0LEADS", "Lead digest")).toHaveLength(1);
    expect(posts.filter((c) => c.args.channel === "C0WOWS" && /attendance|zero points/i.test(JSON.stringify(c.args.blocks)))).toHaveLength(1);
    for (const who of [BOSS, LEAD, AGENTS.ada, AGENTS.cat]) expect(sent(who, "You earned")).toHaveLength(2);
    expect(sent(AGENTS.ben, "You earned")).toHaveLength(1);
    expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "credit" } })).toBe(9);
    // The edited posts show the seconds made during the outage.
    const lastUpdate = accepted()
      .filter((c) => c.method === "chat.update")
      .at(-1);
    expect(JSON.stringify(lastUpdate?.args.blocks)).toMatch(/Second this \(\d\)/);

    // Retry-After was honoured for each message: no call for it came sooner. (Two updates of one post are two
    // messages with the same key, sent in the same run: calls at the same instant are not retries of each other.)
    const calls = chatCalls();
    const limited = calls.filter((c) => c.status === 429);
    for (const call of limited) {
      const from = call.at?.getTime() ?? Number.NaN;
      const early = calls.filter(
        (c) => messageKey(c) === messageKey(call) && (c.at?.getTime() ?? 0) > from && (c.at?.getTime() ?? 0) < from + RETRY_AFTER_S * 1000,
      );
      expect(early, `early retries of ${messageKey(call)}`).toEqual([]);
    }
    // ...and each rate-limited message was retried and accepted in the end.
    for (const key of new Set(limited.map(messageKey)))
      expect(
        accepted().some((c) => messageKey(c) === key),
        key,
      ).toBe(true);

    // Much later, nothing more is sent; the newcomer's retried /wow now works and is delivered once.
    const total = chatCalls().length;
    await at(berlin("2026-03-16", "11:00"));
    expect(chatCalls()).toHaveLength(total);
    expect((await wow(NEWCOMER, AGENTS.ada, STORY2)).text).toContain("is in");
    await t.deliver();
    expect(chatCalls()).toHaveLength(total + 2);
    expect(await outboxDepth(t)).toBe(0);
  });
});

describe("a Teams Bot Connector outage", () => {
  let t: TestService;
  const ada: FakeTeamsUser = { id: "29:fo-ada", aadObjectId: "eeeeeeee-0000-4000-8000-0000000000a1", name: "Ada Agent" };
  const grace: FakeTeamsUser = { id: "29:fo-grace", aadObjectId: "eeeeeeee-0000-4000-8000-0000000000a2", name: "Grace Nominee" };
  const linus: FakeTeamsUser = { id: "29:fo-linus", aadObjectId: "eeeeeeee-0000-4000-8000-0000000000a3", name: "Linus Third" };
  const WOWS = { id: "19:faults-wows@thread.tacv2", name: "Wows" };
  const nominate = (from: FakeTeamsUser, nominee: FakeTeamsUser, story: string) =>
    t.teams.post(t.teams.message(from, `wow @${nominee.name} ${story}`, { mentions: [nominee] }));
  const activityRequests = () => t.fakeTeams.requests.filter((r) => r.path.includes("/activities"));

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true });
    t.fakeTeams.addMember(ada).addMember(grace).addMember(linus);
    t.fakeTeams.setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }, WOWS]);
    await t.teams.post(t.teams.installationUpdate(ada, { place: { kind: "channel" } }));
    for (const who of [grace, linus]) await t.teams.post(t.teams.message(who, "help"));
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), recognitionChannel: WOWS.id } } });
  });
  afterAll(() => t?.stop());

  it("delivers every nomination post, nominee DM and Second this update exactly once after 500s and then 429s with Retry-After", async () => {
    await nominate(ada, grace, STORY);
    await t.deliver();
    const first = await t.prisma.nomination.findFirstOrThrow();
    expect(t.fakeTeams.to(WOWS.id)).toHaveLength(1);

    // The connector fails every send, update and new chat with 500s.
    for (const route of ["send", "update", "create"] as const) t.fakeTeams.fail(route, { status: 500, times: FOREVER });
    const click = await t.teams.post(t.teams.cardAction(linus, "nomination.second", { nominationId: first.id }));
    expect(String((click.body as { value?: unknown }).value)).toContain("You seconded this wow moment");
    await nominate(ada, linus, STORY2); // stored and queued, though its confirmation cannot reach Ada now
    expect(await t.prisma.nomination.count()).toBe(2);
    for (let i = 0; i < 12; i++) {
      await t.deliver();
      t.clock.advance(60_000);
    }
    expect(t.fakeTeams.to(WOWS.id)).toHaveLength(1);
    expect(await outboxDepth(t)).toBe(3); // the update, the second post and its DM

    // Then throttling: 429 with Retry-After 60 s.
    for (const route of ["send", "update"] as const) t.fakeTeams.fail(route, { status: 429, retryAfter: 60, times: FOREVER });
    t.clock.advance(16 * 60_000); // past the longest backoff: every message is due
    await t.deliver();
    const throttled = await t.prisma.outbox.findMany({ where: { status: "pending", lastError: "HTTP 429 (throttled)" } });
    expect(throttled.length).toBeGreaterThanOrEqual(2); // the update waits for the second post's original, not for Teams
    for (const row of throttled) expect(row.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 60_000);
    const before = activityRequests().length;
    t.clock.advance(30_000);
    await t.deliver();
    expect(activityRequests()).toHaveLength(before); // nothing before Retry-After

    // The connector recovers.
    for (const route of ["send", "update", "create"] as const) t.fakeTeams.fail(route, { status: 500, times: 0 });
    for (let i = 0; i < 10 && (await outboxDepth(t)) > 0; i++) {
      t.clock.advance(30_000);
      await t.deliver();
    }
    expect(await outboxDepth(t)).toBe(0);
    expect((await t.prisma.outbox.findMany()).every((r) => r.status === "sent")).toBe(true);
    const posts = t.fakeTeams.to(WOWS.id);
    expect(posts.filter((a) => a.method === "POST")).toHaveLength(2);
    expect(posts.filter((a) => a.method === "PUT")).toHaveLength(1);
    expect(JSON.stringify(posts.find((a) => a.method === "PUT")?.activity)).toContain("Second this (1)");
    const dms = (who: FakeTeamsUser) => t.fakeTeams.to(personalConversationId(who)).filter((a) => JSON.stringify(a.activity).includes("nominated you"));
    expect(dms(grace)).toHaveLength(1);
    expect(dms(linus)).toHaveLength(1);
    // Nothing more later.
    const total = t.fakeTeams.activities.length;
    t.clock.advance(3_600_000);
    await t.deliver();
    expect(t.fakeTeams.activities).toHaveLength(total);
  });
});

/** Fails the test instead of waiting forever when a delivery run stays blocked. */
async function deliverWithin(t: TestService, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the delivery run was still blocked after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([t.deliver(), blocked]);
  } finally {
    clearTimeout(timer);
  }
}

describe("a platform that never answers", () => {
  it("abandons a Slack send with no answer after DELIVERY_SEND_TIMEOUT_MS, delivers the rest, and delivers it once on a later run", async () => {
    const t = await startTestService({ env: { DELIVERY_SEND_TIMEOUT_MS: "500" } });
    try {
      t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
      t.fakeSlack.addUser({ id: "U0NOMINEE", name: "grace" });
      t.fakeSlack.hang("chat.postMessage", 1);
      await t.slack.command({ command: "/wow", text: `<@U0NOMINEE> ${STORY}`, user_id: "U0AGENT", channel_id: "C0TEAM", trigger_id: "hung.1" });
      await deliverWithin(t, 20_000);
      expect(t.fakeSlack.heldCount).toBe(1); // Slack still has not answered that call
      const [stuck] = await t.prisma.outbox.findMany({ where: { status: "pending" } });
      expect(stuck?.attempts).toBe(1);
      expect(t.fakeSlack.acceptedCallsOf("chat.postMessage")).toHaveLength(1); // the other message went out
      t.clock.advance(5_000);
      await deliverWithin(t, 20_000);
      expect(await outboxDepth(t)).toBe(0);
      const delivered = t.fakeSlack.acceptedCallsOf("chat.postMessage");
      expect(delivered.map((c) => c.args.channel).sort()).toEqual(["C0TEAM", "U0NOMINEE"]);
      t.fakeSlack.releaseHeld(); // the hung call finally fails: nothing changes
      t.clock.advance(60_000);
      await t.deliver();
      expect(t.fakeSlack.acceptedCallsOf("chat.postMessage")).toHaveLength(2);
    } finally {
      await t.stop();
    }
  });

  it("abandons a Teams send with no answer after DELIVERY_SEND_TIMEOUT_MS and delivers it once on a later run", async () => {
    const ada: FakeTeamsUser = { id: "29:hung-ada", aadObjectId: "eeeeeeee-0000-4000-8000-0000000000b1", name: "Ada Agent" };
    const grace: FakeTeamsUser = { id: "29:hung-grace", aadObjectId: "eeeeeeee-0000-4000-8000-0000000000b2", name: "Grace Nominee" };
    const t = await startTestService({ slack: false, teams: true, env: { DELIVERY_SEND_TIMEOUT_MS: "500" } });
    try {
      t.fakeTeams.addMember(ada).addMember(grace);
      await t.teams.post(t.teams.message(grace, "help"));
      await t.teams.post(t.teams.message(ada, `wow @${grace.name} ${STORY}`, { mentions: [grace] }));
      t.fakeTeams.clear();
      t.fakeTeams.hang("send", 1);
      await deliverWithin(t, 20_000);
      expect(t.fakeTeams.heldCount).toBe(1);
      expect(await outboxDepth(t)).toBe(1);
      t.clock.advance(5_000);
      await deliverWithin(t, 20_000);
      expect(await outboxDepth(t)).toBe(0);
      t.fakeTeams.releaseHeld();
      t.clock.advance(60_000);
      await t.deliver();
      expect(t.fakeTeams.to(personalConversationId(grace)).filter((a) => JSON.stringify(a.activity).includes("nominated you"))).toHaveLength(1);
    } finally {
      await t.stop();
    }
  });
});
