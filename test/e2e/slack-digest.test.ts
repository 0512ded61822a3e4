import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { freshDatabase, restartableDatabase, usingPostgres } from "../support/databases.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const LEAD = "U0LEAD";
const AGENTS = { ada: "U0ADA", ben: "U0BEN", cat: "U0CAT" } as const;
const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** Local Berlin time (UTC+1 in early March) as an instant. */
const berlin = (d: string, hhmm: string) => new Date(new Date(`${d}T${hhmm}:00+01:00`).toISOString());

type Members = Record<string, string>;

/** Provisions the people through Slack, as real use would, and makes LEAD a lead; returns member ids by user id. */
async function setUp(t: TestService): Promise<{ workspaceId: string; ids: Members }> {
  const people: Array<[string, string]> = [["boss", BOSS], ["lena", LEAD], ...Object.entries(AGENTS)];
  for (const [name, id] of people) t.fakeSlack.addUser({ id, name, tz: "Europe/Berlin" });
  for (const [, id] of people) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
  await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
  const ws = await t.prisma.workspace.findFirstOrThrow();
  await t.prisma.workspace.update({ where: { id: ws.id }, data: { timezone: "Europe/Berlin", createdAt: new Date("2026-03-01T00:00:00Z") } });
  // Members since mid-January: before the week of 9 March, so its close evaluates them, and for more than the 30 days
  // the fairness list looks back.
  await t.prisma.member.updateMany({ data: { joinedAt: new Date("2026-01-15T00:00:00Z") } });
  const ids: Members = {};
  for (const m of await t.prisma.member.findMany()) ids[m.platformUserId] = m.id;
  return { workspaceId: ws.id, ids };
}

/** The week's data, written directly as the ingest API, CSV imports and chat would have. Covered day: Wed 11 March. */
async function seedWeek(t: TestService, workspaceId: string, ids: Members) {
  const p = t.prisma;
  const at = (d: string, hhmm: string) => berlin(d, hhmm);
  const nominate = (nominee: string, nominator: string, story: string, createdAt: Date, status: "active" | "retracted" = "active") =>
    p.nomination.create({
      data: { workspaceId, nomineeId: ids[nominee] as string, nominatorId: ids[nominator] as string, story, behaviours: ["wow"], status, createdAt },
    });
  const wow = await nominate(AGENTS.ada, AGENTS.ben, "Stayed on the line until the refund cleared", at("2026-03-11", "10:00"));
  await nominate(AGENTS.cat, AGENTS.ada, "Found the parcel the courier lost", at("2026-03-11", "23:30"));
  await nominate(AGENTS.ben, AGENTS.cat, "Tuesday's story, not in Wednesday's digest", at("2026-03-10", "12:00"));
  await nominate(LEAD, AGENTS.cat, "Retracted, never counted", at("2026-03-11", "11:00"), "retracted");
  for (const who of [AGENTS.cat, LEAD]) await p.endorsement.create({ data: { nominationId: wow.id, memberId: ids[who] as string } });

  const score = (agent: string, reference: string, value: number, createdAt: Date) =>
    p.quickScore.create({
      data: {
        workspaceId,
        agentId: ids[agent] as string,
        scorerId: ids[LEAD] as string,
        reference,
        channel: "chat",
        connectionAttempts: 2,
        rapport: "yes",
        unstatedNeeds: "yes",
        wow: "yes",
        weights: { connection: 25, rapport: 25, unstatedNeeds: 25, wow: 25 },
        score: value,
        createdAt,
      },
    });
  await score(AGENTS.ada, "T-1", 90, at("2026-03-11", "09:30"));
  const old = await score(AGENTS.ben, "T-2", 50, at("2026-03-11", "09:40"));
  const rescore = await score(AGENTS.ben, "T-2", 70, at("2026-03-11", "15:00"));
  await p.quickScore.update({ where: { id: old.id }, data: { supersededById: rescore.id } });
  await score(AGENTS.cat, "T-3", 60, at("2026-03-11", "16:00"));
  await score(AGENTS.cat, "T-4", 10, at("2026-03-10", "16:00")); // Tuesday: not in the digest

  const occurrence = (member: string, date: string, type: "absence" | "late", deletedAt: Date | null = null) =>
    p.attendanceOccurrence.create({ data: { workspaceId, memberId: ids[member] as string, date: day(date), type, points: 1, recordedBy: LEAD, deletedAt } });
  await occurrence(AGENTS.ben, "2026-03-09", "absence");
  await occurrence(AGENTS.ben, "2026-03-10", "late");
  await occurrence(AGENTS.ben, "2026-03-11", "absence");
  await occurrence(AGENTS.cat, "2026-03-11", "late");
  await occurrence(AGENTS.ada, "2026-03-11", "absence", at("2026-03-11", "12:00")); // deleted: never counts

  await p.ptoLedgerEntry.create({
    data: {
      workspaceId,
      memberId: ids[AGENTS.ada] as string,
      hours: 8,
      kind: "credit",
      reason: "opening balance",
      actor: BOSS,
      dedupeKey: "seed:ada",
      createdAt: at("2026-03-11", "08:00"),
    },
  });
  await p.ptoRequest.create({ data: { workspaceId, memberId: ids[AGENTS.ada] as string, date: day("2026-03-20"), hours: 8, status: "pending" } });

  const level = (member: string, facing: number, available: number) =>
    p.serviceLevelDay.create({
      data: { workspaceId, memberId: ids[member] as string, date: day("2026-03-11"), customerFacingSeconds: facing, availableSeconds: available },
    });
  await level(AGENTS.ada, 7200, 8000);
  await level(AGENTS.ben, 3000, 6000);
  await level(AGENTS.cat, 4000, 5000); // exactly the 80 % target: not below
  await p.serviceLevelDay.create({
    data: { workspaceId, memberId: ids[AGENTS.ben] as string, date: day("2026-03-10"), customerFacingSeconds: 0, availableSeconds: 9000 },
  });

  let n = 0;
  const chat = (member: string, idle: number, closed: Date) =>
    p.chatSession.create({
      data: {
        workspaceId,
        memberId: ids[member] as string,
        sessionId: `S-${++n}`,
        startedAt: new Date(closed.getTime() - 600_000),
        customerLeftAt: new Date(closed.getTime() - idle * 1000),
        agentClosedAt: closed,
        idleSeconds: idle,
      },
    });
  await chat(AGENTS.ada, 300, at("2026-03-11", "10:00"));
  await chat(AGENTS.ada, 130, at("2026-03-11", "11:00"));
  await chat(AGENTS.ada, 100, at("2026-03-11", "12:00"));
  await chat(AGENTS.ben, 500, at("2026-03-11", "13:00"));
  await chat(AGENTS.cat, 120, at("2026-03-11", "14:00")); // at the threshold, not over it
  await chat(AGENTS.cat, 900, at("2026-03-10", "14:00")); // Tuesday
}

const blocksText = (args: Record<string, unknown> | undefined) => JSON.stringify(args?.blocks ?? []).replace(/\\n/g, "\n");

describe("the daily lead digest", () => {
  let t: TestService;
  let ids: Members;
  let workspaceId: string;
  const clock = new ManualClock(berlin("2026-03-11", "08:00").toISOString());
  const posts = () => t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => String(c.args.text).startsWith("Lead digest"));
  const postsTo = (channel: string) => posts().filter((c) => c.args.channel === channel);
  const at = async (instant: Date) => {
    clock.set(instant.toISOString());
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();
  };

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    ({ workspaceId, ids } = await setUp(t));
  });
  afterAll(() => t?.stop());

  it("says so in one line for every empty section", async () => {
    clock.set(berlin("2026-03-11", "10:00").toISOString());
    const reply = await t.slack.command({ command: "/wowbot", text: "digest", user_id: LEAD });
    const text = blocksText(reply as unknown as Record<string, unknown>);
    expect(text).toContain("Preview: Lead digest for 2026-03-10");
    // Fairness lists agents only: leads and admins are not up for recognition here.
    expect(text).toContain(`*Recognition*\nNo nominations on 2026-03-10.\nNot nominated in 30 days (3): <@${AGENTS.ada}>, <@${AGENTS.ben}>, <@${AGENTS.cat}>.`);
    expect(text).toContain("*Quality*\nNo quick scores on 2026-03-10.");
    expect(text).toContain("*Attendance*\nNo occurrences on 2026-03-10 and nobody at 3+ points; 5 of 5 at zero points in the week from 2026-03-09.");
    expect(text).toContain("*PTO*\nNo PTO credited on 2026-03-10 and no paid-day requests waiting.");
    expect(text).toContain("*Service level*\nNo service-level data for 2026-03-10.");
    expect(text).toContain("*Idle chats*\nNo chats left idle over 2 min on 2026-03-10.");
  });

  it("previews the previous workday's figures for a lead, privately, with Approve/Decline on pending requests", async () => {
    await seedWeek(t, workspaceId, ids);
    clock.set(berlin("2026-03-12", "07:00").toISOString());
    const reply = await t.slack.command({ command: "/wowbot", text: "digest", user_id: LEAD });
    expect(reply.response_type).toBe("ephemeral");
    const text = blocksText(reply as unknown as Record<string, unknown>);
    expect(text).toContain("Preview: Lead digest for 2026-03-11");
    // Recognition: two active nominations that day, the most seconded first; Tuesday's and the retracted one don't count.
    expect(text).toContain(
      `*2 nominations* on 2026-03-11. Top stories by seconds:\n• <@${AGENTS.ada}> (by <@${AGENTS.ben}>, 2 seconds): Stayed on the line until the refund cleared\n• <@${AGENTS.cat}> (by <@${AGENTS.ada}>, 0 seconds)`,
    );
    // Every agent was nominated in the last 30 days; the lead and the admin are never listed.
    expect(text).not.toContain("Not nominated");
    // Quality: 90, 70 (the superseded 50 never counts) and 60.
    expect(text).toContain("*3 quick scores* on 2026-03-11, average *73.3*, *33.3 %* at or above the goal of 80 (1 of 3).");
    expect(text).toContain(
      `Lowest: <@${AGENTS.cat}> 60 (T-3, by <@${LEAD}>); <@${AGENTS.ben}> 70 (T-2, by <@${LEAD}>); <@${AGENTS.ada}> 90 (T-1, by <@${LEAD}>).`,
    );
    expect(text).not.toContain(" 50 (");
    // Attendance: that day's two occurrences (the deleted one never counts), ben at 3 points this week.
    expect(text).toContain(`*2 occurrences* on 2026-03-11: <@${AGENTS.ben}> (absence), <@${AGENTS.cat}> (late arrival).`);
    expect(text).toContain(`*1 at 3+ points* in the week from 2026-03-09: <@${AGENTS.ben}> (3).`);
    expect(text).toContain("*3 of 5* at zero points in the week from 2026-03-09.");
    // PTO: the day's credit and the pending request with its buttons.
    expect(text).toContain("*8 h* credited on 2026-03-11.\n*1 paid-day request* waiting for a decision:");
    expect(text).toContain(`<@${AGENTS.ada}>: paid day off on *2026-03-20* (8 h)`);
    const request = await t.prisma.ptoRequest.findFirstOrThrow();
    const actions = (reply.blocks as Array<Record<string, unknown>>).find((b) => b.type === "actions") as { elements: Array<Record<string, unknown>> };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([
      ["pto.approve", request.id],
      ["pto.decline", request.id],
    ]);
    // Service level: 14,200 of 19,000 s; ben below the 80 % target, cat exactly at it.
    expect(text).toContain(`Team: *74.7 %* (target 80 %, 3 members reporting).\nBelow target (1): <@${AGENTS.ben}> 50 %.`);
    // Idle chats over 120 s, by agent: ada 2 (300 s and 130 s), ben 1; cat's 120 s is not over.
    expect(text).toContain(
      `*3 chats* left idle over 2 min after the customer left, by 2 agents:\n<@${AGENTS.ada}> 2 (longest 5 min), <@${AGENTS.ben}> 1 (longest 8 min 20 s).`,
    );
  });

  it("refuses the preview to agents", async () => {
    const reply = await t.slack.command({ command: "/wowbot", text: "digest", user_id: AGENTS.ada });
    expect(reply.text).toContain("The digest is for leads and admins");
    expect(JSON.stringify(reply)).not.toContain("74.7");
  });

  it("the digest's Approve button decides the request like the request post's", async () => {
    const request = await t.prisma.ptoRequest.findFirstOrThrow();
    await t.slack.blockAction(LEAD, { type: "button", action_id: "pto.approve", value: request.id }, `${t.fakeSlack.url}response/approve`);
    expect((await t.prisma.ptoRequest.findFirstOrThrow()).status).toBe("approved");
    const text = blocksText((await t.slack.command({ command: "/wowbot", text: "digest", user_id: LEAD })) as unknown as Record<string, unknown>);
    expect(text).toContain("No paid-day requests waiting.");
  });

  it("is not sent before digest time, then goes to each lead and admin by DM when no leads channel is set, never to agents", async () => {
    await at(berlin("2026-03-12", "08:59"));
    expect(posts()).toHaveLength(0);
    await at(berlin("2026-03-12", "09:00"));
    expect(
      posts()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual([BOSS, LEAD]);
    expect(blocksText(postsTo(LEAD)[0]?.args)).toContain("Lead digest for 2026-03-11");
    expect(blocksText(postsTo(LEAD)[0]?.args)).not.toContain("Preview");
    for (const agent of Object.values(AGENTS)) expect(postsTo(agent)).toHaveLength(0);
  });

  it("is sent once a day, however often the job ticks", async () => {
    await at(berlin("2026-03-12", "09:01"));
    await at(berlin("2026-03-12", "17:00"));
    expect(posts()).toHaveLength(2);
    expect(await t.prisma.jobRun.count({ where: { job: "digest" } })).toBe(1);
  });

  it("goes to the leads channel when one is set, and not on non-workdays", async () => {
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), leadsChannel: "C0LEADS" } } });
    // Started late on Friday: that same day's digest still goes out.
    await at(berlin("2026-03-13", "15:30"));
    expect(postsTo("C0LEADS")).toHaveLength(1);
    expect(blocksText(postsTo("C0LEADS")[0]?.args)).toContain("Lead digest for 2026-03-12");
    expect(posts()).toHaveLength(3);
    await at(berlin("2026-03-14", "09:00"));
    await at(berlin("2026-03-15", "09:00"));
    expect(posts()).toHaveLength(3);
  });

  it("Monday's digest covers Friday to Sunday: weekend nominations, scores and a chat idle across midnight are in it", async () => {
    const p = t.prisma;
    await p.nomination.create({
      data: {
        workspaceId,
        nomineeId: ids[AGENTS.cat] as string,
        nominatorId: ids[AGENTS.ben] as string,
        story: "Saturday overtime that saved a wedding order",
        behaviours: ["wow"],
        createdAt: berlin("2026-03-14", "11:00"),
      },
    });
    // Idle for 30 minutes from Friday 23:50 to Saturday 00:20: closed, and counted, on Saturday.
    await p.chatSession.create({
      data: {
        workspaceId,
        memberId: ids[AGENTS.ben] as string,
        sessionId: "S-weekend",
        startedAt: berlin("2026-03-13", "23:30"),
        customerLeftAt: berlin("2026-03-13", "23:50"),
        agentClosedAt: berlin("2026-03-14", "00:20"),
        idleSeconds: 1800,
      },
    });
    await at(berlin("2026-03-16", "09:00"));
    const text = blocksText(postsTo("C0LEADS").at(-1)?.args);
    expect(text).toContain("Lead digest for Friday 2026-03-13 to Sunday 2026-03-15");
    expect(text).toContain("*1 nomination* from Friday 2026-03-13 to Sunday 2026-03-15. Top stories by seconds:");
    expect(text).toContain("Saturday overtime that saved a wedding order");
    expect(text).toContain(`*1 chat* left idle over 2 min after the customer left, by 1 agent:\n<@${AGENTS.ben}> 1 (longest 30 min).`);
    expect(text).toContain("No quick scores from Friday 2026-03-13 to Sunday 2026-03-15.");
    // Monday's attendance run closed the week of 9 March: ben and cat had points; the three clean members' second
    // clean week (the first closed on Thursday) earns the second tier, 3 h each.
    expect(text).toContain("Period 2026-03-09 to 2026-03-16 closed today: 3 of 5 clean, 9 h credited.");
    expect(text).not.toContain("No digest was sent");
  });

  it("after a workday missed entirely, notes it in the next digest, which covers both days", async () => {
    // No run at all on Tuesday 17 March (the service was down all day); Wednesday's digest covers Monday and Tuesday.
    await at(berlin("2026-03-18", "09:00"));
    const text = blocksText(postsTo("C0LEADS").at(-1)?.args);
    expect(text).toContain("Lead digest for Monday 2026-03-16 to Tuesday 2026-03-17");
    expect(text).toContain("No digest was sent for 1 workday (2026-03-17): the service was down all day.");
    const next = async () => {
      await at(berlin("2026-03-19", "09:00"));
      return blocksText(postsTo("C0LEADS").at(-1)?.args);
    };
    const thursday = await next();
    expect(thursday).toContain("Lead digest for 2026-03-18");
    expect(thursday).not.toContain("No digest was sent");
  });
});

const digestPosts = (t: TestService) => t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => String(c.args.text).startsWith("Lead digest"));

describe("the digest across restarts", () => {
  it("a service restarted after digest time, or taking over a run that died, does not send the day's digest again", async () => {
    const database = await restartableDatabase();
    const clock = new ManualClock(berlin("2026-03-12", "09:30").toISOString());
    const a = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock, database });
    try {
      await setUp(a);
      await a.service.scheduler.runNow(a.service.jobs.daily);
      await a.deliver();
      expect(
        digestPosts(a)
          .map((c) => c.args.channel)
          .sort(),
      ).toEqual([BOSS, LEAD]);
      // Started after digest time: that same day's digest, after the day's period close.
      expect(blocksText(digestPosts(a)[0]?.args)).toContain("Period 2026-03-02 to 2026-03-09 closed today: 5 of 5 clean, 10 h credited.");
    } finally {
      await a.stop();
    }
    clock.set(berlin("2026-03-12", "10:15").toISOString());
    const b = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock, database });
    try {
      await b.service.scheduler.runNow(b.service.jobs.daily);
      await b.deliver();
      expect(digestPosts(b)).toHaveLength(0);
      expect(await b.prisma.outbox.count({ where: { dedupeKey: { startsWith: "digest:" } } })).toBe(2);
      expect(await b.prisma.jobRun.count({ where: { job: "digest" } })).toBe(1);

      // Now as if the run had died after queueing, before finishing: the next process takes it over after its lease.
      await b.prisma.jobRun.updateMany({ where: { job: "digest" }, data: { finishedAt: null, startedAt: berlin("2026-03-12", "09:30") } });
    } finally {
      await b.stop();
    }
    clock.set(berlin("2026-03-12", "10:20").toISOString());
    const c = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock, database });
    try {
      await c.service.scheduler.runNow(c.service.jobs.daily);
      await c.deliver();
      expect(await c.prisma.jobRun.findFirstOrThrow({ where: { job: "digest" } })).toMatchObject({ finishedAt: clock.now() });
      expect(digestPosts(c)).toHaveLength(0);
      expect(await c.prisma.outbox.count({ where: { dedupeKey: { startsWith: "digest:" } } })).toBe(2);
    } finally {
      await c.stop();
      await database.drop();
    }
  });
});

describe("a digest whose attendance run does not finish", () => {
  it("waits for it, and 30 minutes after digest time goes out saying the close results may be missing", async () => {
    const clock = new ManualClock(berlin("2026-03-12", "09:00").toISOString());
    const t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    try {
      const { workspaceId } = await setUp(t);
      // Another replica holds the day's attendance run and keeps renewing its claim, but never finishes it.
      const key = `${workspaceId}:2026-03-12`;
      await t.prisma.jobRun.create({ data: { job: "attendance-day", key, startedAt: clock.now() } });
      const renew = () => t.prisma.jobRun.update({ where: { job_key: { job: "attendance-day", key } }, data: { startedAt: clock.now() } });

      clock.set(berlin("2026-03-12", "09:01").toISOString());
      await t.service.scheduler.runNow(t.service.jobs.daily);
      await t.deliver();
      expect(digestPosts(t)).toHaveLength(0);

      clock.set(berlin("2026-03-12", "09:29").toISOString());
      await renew();
      await t.service.scheduler.runNow(t.service.jobs.daily);
      await t.deliver();
      expect(digestPosts(t)).toHaveLength(0);

      clock.set(berlin("2026-03-12", "09:32").toISOString());
      await renew();
      await t.service.scheduler.runNow(t.service.jobs.daily);
      await t.deliver();
      const posts = digestPosts(t);
      expect(posts.map((c) => c.args.channel).sort()).toEqual([BOSS, LEAD]);
      for (const post of posts) {
        expect(blocksText(post.args)).toContain(
          "Today's attendance run (period closes) had not finished when this digest was sent, so its results may be missing here.",
        );
      }
      expect(await t.prisma.jobRun.findFirstOrThrow({ where: { job: "attendance-day" } })).toMatchObject({ finishedAt: null });
    } finally {
      await t.stop();
    }
  });
});

describe.skipIf(!usingPostgres())("two service instances on one PostgreSQL", () => {
  it("at digest time: exactly one digest, after that day's attendance run", async () => {
    const database = await freshDatabase();
    const clock = new ManualClock(berlin("2026-03-12", "08:00").toISOString());
    const a = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock, database });
    const b = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock, database });
    try {
      const { workspaceId } = await setUp(a);
      const ws = await a.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
      await a.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), leadsChannel: "C0LEADS" } } });
      const tick = async (instant: Date) => {
        clock.set(instant.toISOString());
        await Promise.all([a.service.scheduler.runNow(a.service.jobs.daily), b.service.scheduler.runNow(b.service.jobs.daily)]);
        await Promise.all([a.deliver(), b.deliver()]);
      };
      await tick(berlin("2026-03-12", "09:00"));
      // A digest due while the other instance is still closing periods waits, unclaimed, for the close to finish.
      await tick(berlin("2026-03-12", "09:03"));
      await tick(berlin("2026-03-12", "09:04"));
      const all = [...digestPosts(a), ...digestPosts(b)];
      expect(all.map((c) => c.args.channel)).toEqual(["C0LEADS"]);
      // Built after that day's attendance run: the week it closed is in it, whichever instance ran what.
      expect(blocksText(all[0]?.args)).toContain("Period 2026-03-02 to 2026-03-09 closed today: 5 of 5 clean, 10 h credited.");
      expect(await a.prisma.jobRun.count({ where: { job: "digest" } })).toBe(1);
      expect(await a.prisma.jobRun.count({ where: { job: "attendance-day" } })).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
      await database.drop();
    }
  });
});
