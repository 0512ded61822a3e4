import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notice, SENT_PRIVATELY } from "../../src/views/notice.js";
import { ManualClock } from "../support/clock.js";
import { type FreshDatabase, restartableDatabase } from "../support/databases.js";
import type { CapturedActivity, FakeTeamsUser } from "../support/fake-bot-connector.js";
import { FakeBotConnector } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, rendered, TEAMS_CHANNEL, TEAMS_TEAM } from "../support/teams-requests.js";

const person = (n: number, name: string): FakeTeamsUser => ({
  id: `29:daily-${n}`,
  aadObjectId: `cccccccc-0000-4000-8000-00000000000${n}`,
  name,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
});
const boss = person(1, "Bo Boss");
const lena = person(2, "Lena Lead");
const ada = person(3, "Ada Agent");
const ben = person(4, "Ben Agent");
const WOWS = { id: "19:wows@thread.tacv2", name: "Wows" };
const LEADS = { id: "19:leads@thread.tacv2", name: "Leads" };
const STORY = "Turned a furious caller into a fan by fixing three old tickets nobody had closed.";

const cardOf = (a: CapturedActivity | undefined) => JSON.stringify(a?.activity.attachments?.[0]?.content ?? null);
const isDigest = (a: CapturedActivity) => String(a.activity.text ?? "").startsWith("Lead digest");

describe("Teams proactive deliveries by the daily job", () => {
  let t: TestService;
  let connector: FakeBotConnector;
  let database: FreshDatabase;
  // Everyone joins on Monday 2 March (09:00 in Berlin), so the week of 9 March is their first whole period.
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const start = () => startTestService({ slack: false, teams: true, fakeTeams: connector, database, clock, env: { WOWBOT_ADMINS: boss.aadObjectId } });
  /** Moves the clock and runs what the scheduler would at that minute: the daily job, then delivery. */
  const at = async (iso: string) => {
    clock.set(iso);
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();
  };
  /** The 1:1 chat wowbot has with someone now (stored reference), or "" when none. */
  const chatOf = async (user: FakeTeamsUser) =>
    (await t.prisma.teamsConversation.findFirst({ where: { kind: "personal", platformUserId: user.aadObjectId } }))?.conversationId ?? "";
  const digests = () => connector.activities.filter(isDigest);
  const digestsTo = async (user: FakeTeamsUser) => connector.to(await chatOf(user)).filter(isDigest);
  const say = (user: FakeTeamsUser, text: string, mentions: FakeTeamsUser[] = []) => t.teams.post(t.teams.message(user, text, { mentions }));

  beforeAll(async () => {
    connector = await new FakeBotConnector().start();
    for (const u of [boss, lena, ada, ben]) connector.addMember(u);
    connector.setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }, WOWS, LEADS]);
    database = await restartableDatabase();
    t = await start();
    await t.teams.post(t.teams.installationUpdate(boss, { place: { kind: "channel" } }));
    for (const u of [boss, lena, ada]) await say(u, "help");
    // Ben only ever wrote in a channel: his 1:1 chat is opened for the answer.
    await t.teams.post(t.teams.channelMessage(ben, "help"));
    await say(boss, "wowbot role @Lena Lead lead", [lena]);
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({
      where: { id: ws.id },
      data: { timezone: "Europe/Berlin", settings: { ...(ws.settings as object), recognitionChannel: WOWS.id } },
    });
    connector.clear();
  });
  afterAll(async () => {
    await t?.stop();
    await connector?.stop();
    await database?.drop();
  });

  it("a lead records an absence from Teams", async () => {
    clock.set("2026-03-11T09:00:00Z");
    await say(lena, "attendance @Ben Agent absent", [ben]);
    expect(connector.textsTo(personalConversationId(lena)).at(-1)).toContain("Recorded an absence for Ben Agent on 2026-03-11.");
    const stored = await t.prisma.attendanceOccurrence.findMany();
    expect(stored.map((o) => [o.date.toISOString().slice(0, 10), o.type])).toEqual([["2026-03-11", "absence"]]);
  });

  it("previews the digest privately for a lead, refuses agents, and answers a channel with a pointer", async () => {
    connector.clear();
    clock.set("2026-03-12T07:00:00Z");
    await say(lena, "wowbot digest");
    const preview = connector.to(personalConversationId(lena));
    expect(preview).toHaveLength(1);
    expect(cardOf(preview[0])).toContain("Preview: Lead digest for 2026-03-11");
    await say(ada, "wowbot digest");
    const refused = connector.activities.filter((a) => a.conversationId !== personalConversationId(lena));
    expect(refused.map((a) => String(a.activity.text))).toHaveLength(1);
    expect(String(refused[0]?.activity.text)).toContain("The digest is for leads and admins");
    expect(cardOf(refused[0])).not.toContain("Lead digest");

    connector.clear();
    await t.teams.post(t.teams.channelMessage(lena, "wowbot digest"));
    expect(connector.textsTo(TEAMS_CHANNEL.id)).toEqual([rendered(notice("info", SENT_PRIVATELY)).text]);
    expect(cardOf(connector.to(personalConversationId(lena))[0])).toContain("Preview: Lead digest for 2026-03-11");
    expect(await t.prisma.outbox.count()).toBe(0);
  });

  it("is quiet before digest time; at 09:00 posts progress in the recognition channel and the digest to each lead and admin by DM", async () => {
    connector.clear();
    await at("2026-03-12T07:59:00Z");
    expect(connector.activities).toEqual([]);
    await at("2026-03-12T08:00:00Z");
    const posts = connector.to(WOWS.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.replyToId).toBeUndefined(); // a new channel post
    expect(cardOf(posts[0])).toContain("**3 of 4** agents are at zero points this week, 3 days left.");
    expect(cardOf(posts[0])).not.toContain(ben.aadObjectId);
    expect(digests()).toHaveLength(2);
    expect(await digestsTo(boss)).toHaveLength(1);
    expect(await digestsTo(lena)).toHaveLength(1);
    expect(cardOf((await digestsTo(lena))[0])).toContain("Lead digest for 2026-03-11");
    expect(cardOf((await digestsTo(lena))[0])).not.toContain("Preview");
    expect(connector.to(LEADS.id)).toEqual([]);
    for (const agent of [ada, ben]) expect(await digestsTo(agent)).toEqual([]);
  });

  it("sends the day's digest once, however often the job ticks and across a restart", async () => {
    await at("2026-03-12T08:01:00Z");
    await at("2026-03-12T15:00:00Z");
    await t.stop();
    t = await start();
    await at("2026-03-12T16:00:00Z");
    expect(digests()).toHaveLength(2);
    expect(connector.to(WOWS.id)).toHaveLength(1);
    expect(await t.prisma.jobRun.count({ where: { job: "digest" } })).toBe(1);
    expect(await t.prisma.outbox.count({ where: { status: { not: "sent" } } })).toBe(0);
  });

  it("goes to the leads channel when one is set", async () => {
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), leadsChannel: LEADS.id } } });
    connector.clear();
    await at("2026-03-13T08:00:00Z");
    expect(connector.to(LEADS.id).filter(isDigest)).toHaveLength(1);
    expect(cardOf(connector.to(LEADS.id)[0])).toContain("Lead digest for 2026-03-12");
    expect(digests()).toHaveLength(1);
  });

  it("closes the week: clean members credited with a DM in their 1:1 chat (opened for Ada), the result in the recognition channel", async () => {
    // Ada's 1:1 chat is forgotten (say, the app was reinstalled): her DM must open a new one.
    await t.prisma.teamsConversation.deleteMany({ where: { platformUserId: ada.aadObjectId } });
    connector.clear();
    await at("2026-03-16T08:00:00Z");
    const credited = await t.prisma.periodResult.findMany({ include: { member: true } });
    const byName = Object.fromEntries(credited.map((r) => [r.member.displayName, [r.clean, Number(r.hoursCredited)]]));
    expect(byName).toEqual({ [boss.name]: [true, 2], [lena.name]: [true, 2], [ada.name]: [true, 2], [ben.name]: [false, 0] });
    // Ada's chat had been forgotten: one was created with her account id, and her DM went there.
    expect(connector.created.map((c) => c.parameters.members)).toEqual([[{ id: ada.id, name: "" }]]);
    const adaChat = await chatOf(ada);
    expect(adaChat).toBe(connector.created[0]?.id);
    expect(connector.textsTo(adaChat).join("\n")).toContain("You earned 2 h (streak: 1 clean period). Balance 2 h: 6 h to your next paid day.");
    expect(connector.textsTo(await chatOf(ben)).join("\n")).not.toContain("You earned");
    const post = cardOf(connector.to(WOWS.id).at(-1));
    expect(post).toContain("Perfect attendance");
    expect(post).toContain("2 h earned, streak 1");
    expect(post).toContain(ada.name);
    expect(post).not.toContain(ben.name);
    // The digest of the day reports the close in the leads channel.
    expect(cardOf(connector.to(LEADS.id).filter(isDigest).at(-1))).toContain("Period 2026-03-09 to 2026-03-16 closed today: 3 of 4 clean, 6 h credited.");
    expect(await t.prisma.outbox.count({ where: { status: { not: "sent" } } })).toBe(0);
  });

  it("posts a recognition in the recognition channel and tells the nominee in their 1:1 chat", async () => {
    connector.clear();
    await say(lena, `wow @Ada Agent ${STORY}`, [ada]);
    await t.deliver();
    const post = connector.to(WOWS.id);
    expect(post).toHaveLength(1);
    expect(post[0]?.activity.text).toBe(`Wow moment for ${ada.name}`);
    expect(cardOf(post[0])).toContain("furious caller");
    expect(connector.textsTo(await chatOf(ada))).toContain(`${lena.name} nominated you for a wow moment`);
  });

  it("posts a paid-day request to the leads channel", async () => {
    const member = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: ada.aadObjectId } });
    await t.prisma.ptoLedgerEntry.create({
      data: {
        workspaceId: member.workspaceId,
        memberId: member.id,
        hours: 6,
        kind: "credit",
        reason: "test top-up",
        actor: "system",
        dedupeKey: "test:top-up",
      },
    });
    connector.clear();
    clock.set("2026-03-16T10:00:00Z");
    const res = await t.teams.post(t.teams.taskSubmit(ada, { wowbot: "form.submit", form: "form.paid_day", date: "2026-03-20", note: "school trip" }));
    expect(res.status).toBe(200);
    expect(await t.prisma.ptoRequest.count()).toBe(1);
    await t.deliver();
    const requests = connector.to(LEADS.id).filter((a) => String(a.activity.text).includes("asks for a paid day off"));
    expect(requests.map((a) => a.activity.text)).toEqual([`${ada.name} asks for a paid day off on 2026-03-20`]);
    expect(cardOf(requests[0])).toContain("pto.approve");
  });
});
