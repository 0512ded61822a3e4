// Two replicas on one PostgreSQL for a simulated week: both run the daily job and outbox delivery at the same
// moments while nominations, seconds and attendance records arrive at either one. Each workspace gets one attendance
// post and one digest per workday and one close per period; every outbox row reaches Slack exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { type FreshDatabase, freshDatabase, usingPostgres } from "../support/databases.js";
import { queueNomineeDmBacklog } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const LEAD = "U0LEAD";
const AGENTS = ["U0ADA", "U0BEN", "U0CAT", "U0DON"];
/** The second workspace (New York), written directly: Slack requests in single-workspace mode reach only the first. */
const OTHER = { lead: "U1LEAD", agents: ["U1EVE", "U1FAY", "U1GUS"] };
const STORIES = [
  "Stayed on the line to rebook the whole family's flights after the storm.",
  "Found the parcel the courier lost and drove it over before closing time.",
  "Talked a nervous first-time customer through the whole setup, twice, calmly.",
  "Spotted the billing bug behind forty tickets and wrote it up for engineering.",
  "Covered the late shift at no notice so a colleague could see her kid's play.",
];
const MINUTE = 60_000;
const START = new Date("2026-03-16T07:00:00Z"); // Monday 08:00 in Berlin
const END = new Date("2026-03-23T14:00:00Z"); // the next Monday, 10:00 in New York
/** Digest time (09:00 local) of each workspace in UTC, during this week: Berlin UTC+1, New York UTC-4. */
const DIGEST_UTC_HOURS = [8, 13];

/** Every 5 simulated minutes from 10 minutes before to 30 after each digest time, hourly elsewhere. */
function steps(): Date[] {
  const at = new Set<number>();
  for (let t = START.getTime(); t <= END.getTime(); t += 60 * MINUTE) at.add(t);
  for (let day = new Date(START); day <= END; day = new Date(day.getTime() + 24 * 60 * MINUTE)) {
    for (const hour of DIGEST_UTC_HOURS) {
      const digest = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
      for (let m = -10; m <= 30; m += 5) if (digest + m * MINUTE >= START.getTime() && digest + m * MINUTE <= END.getTime()) at.add(digest + m * MINUTE);
    }
  }
  return [...at].sort((x, y) => x - y).map((t) => new Date(t));
}

describe("two replicas on one PostgreSQL for a simulated week", () => {
  let database: FreshDatabase;
  let replicas: TestService[] = [];
  const clock = new ManualClock(START);

  beforeAll(async () => {
    if (!usingPostgres()) return;
    database = await freshDatabase();
    const first = await startTestService({ database, clock, env: { WOWBOT_ADMINS: BOSS } });
    // The second replica calls the first one's fake Slack, so every Web API call of both is counted in one place.
    const second = await startTestService({ database, clock, env: { WOWBOT_ADMINS: BOSS, SLACK_API_URL: first.fakeSlack.url } });
    replicas = [first, second];
    const slack = first.fakeSlack;
    for (const id of [BOSS, LEAD, ...AGENTS]) slack.addUser({ id, name: id.slice(2).toLowerCase(), tz: "Europe/Berlin" });
    for (const [i, id] of [BOSS, LEAD, ...AGENTS].entries()) await replicas[i % 2]?.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    await second.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
    const p = first.prisma;
    const ws = await p.workspace.findFirstOrThrow();
    const since = new Date("2026-03-08T12:00:00Z"); // before the week of 9 March began in either time zone
    await p.workspace.update({
      where: { id: ws.id },
      data: { timezone: "Europe/Berlin", createdAt: since, settings: { ...(ws.settings as object), recognitionChannel: "C0WOWS", leadsChannel: "C0LEADS" } },
    });
    const other = await p.workspace.create({
      data: {
        platform: "slack",
        externalId: "T1OTHER",
        name: "Other Team",
        timezone: "America/New_York",
        createdAt: since,
        settings: { ...(ws.settings as object), recognitionChannel: "C1WOWS", leadsChannel: "C1LEADS" },
      },
    });
    for (const id of [OTHER.lead, ...OTHER.agents]) {
      await p.member.create({
        data: { workspaceId: other.id, platformUserId: id, displayName: id, role: id === OTHER.lead ? "lead" : "agent", joinedAt: since },
      });
    }
    await p.member.updateMany({ data: { joinedAt: since } });
    await first.deliver(); // the role change's notice, before counting starts
    slack.reset();
  });
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await database?.drop();
  });

  it.skipIf(!usingPostgres())(
    "sends one digest and one attendance post per workspace per workday, closes each period once, and delivers every outbox row exactly once",
    async () => {
      const [a, b] = replicas as [TestService, TestService];
      const slack = a.fakeSlack;
      const nominationOf = async (story: string) => (await a.prisma.nomination.findFirstOrThrow({ where: { story } })).id;
      const second = (r: TestService, user: string, id: string) =>
        r.slack.blockAction(user, { type: "button", action_id: "nomination.second", value: id }, `${r.fakeSlack.url}response/${user}`);
      let trigger = 0;
      let stories = 0;
      /** Chat traffic of one working hour, split between the replicas and partly at the same moment. */
      const traffic = async (day: number) => {
        const [here, there] = day % 2 ? [a, b] : [b, a];
        const story = STORIES[stories++ % STORIES.length] as string;
        const nominator = AGENTS[day % AGENTS.length] as string;
        const nominee = AGENTS[(day + 1) % AGENTS.length] as string;
        const reply = await here.slack.command({
          command: "/wow",
          text: `<@${nominee}> ${story} (day ${day})`,
          user_id: nominator,
          channel_id: "C0TEAM",
          trigger_id: `rep.${++trigger}`,
        });
        expect(reply.text).toContain("is in");
        const id = await nominationOf(`${story} (day ${day})`);
        // Once in the week, a backlog of more than two batches, for both replicas' delivery to claim at once.
        if (day === 3) await queueNomineeDmBacklog(a.prisma, await a.prisma.nomination.findUniqueOrThrow({ where: { id } }), nominee, "backlog", clock.now());
        const others = AGENTS.filter((u) => u !== nominator && u !== nominee);
        const [x, y] = await Promise.all([second(here, others[0] as string, id), second(there, others[1] as string, id), second(there, LEAD, id)]);
        expect([x.status, y.status]).toEqual([200, 200]);
        if (day % 2 === 0) {
          const late = AGENTS[(day + 2) % AGENTS.length] as string;
          const recorded = await there.slack.command({ command: "/attendance", text: `<@${late}> late`, user_id: LEAD });
          expect(recorded.text).toContain("Recorded a late arrival");
        }
      };

      const started = performance.now();
      let day = 0;
      for (const at of steps()) {
        clock.set(at);
        // Working hours in Berlin on workdays: some chat traffic before the jobs run.
        const weekday = at.getUTCDay();
        if (weekday >= 1 && weekday <= 5 && (at.getUTCHours() === 10 || at.getUTCHours() === 15) && at.getUTCMinutes() === 0) await traffic(day++);
        await Promise.all(replicas.flatMap((r) => [r.service.scheduler.runNow(r.service.jobs.daily), r.deliver()]));
      }
      // A last few delivery rounds for what the final step queued (updates wait for their post).
      for (let i = 0; i < 5; i++) {
        clock.advance(30_000);
        await Promise.all(replicas.map((r) => r.deliver()));
      }
      const seconds = Math.round((performance.now() - started) / 1000);

      // Both replicas ran every job without a failure, and no claim was left unfinished.
      for (const r of replicas) expect(r.logs.filter((l) => l.msg === "job failed")).toEqual([]);
      const p = a.prisma;
      expect(await p.jobRun.count({ where: { finishedAt: null } })).toBe(0);
      const workspaces = await p.workspace.findMany({ orderBy: { timezone: "asc" } }); // America/New_York, Europe/Berlin
      const workdays = ["2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23"];
      for (const ws of workspaces) {
        for (const job of ["attendance-day", "digest"]) {
          const runs = await p.jobRun.findMany({ where: { job, key: { startsWith: `${ws.id}:` } } });
          expect(runs.map((r) => r.key.split(":")[1]).sort(), `${job} runs of ${ws.timezone}`).toEqual(workdays);
        }
      }

      // Every outbox row was sent, and Slack accepted exactly one call per row: none was delivered by both replicas.
      const rows = await p.outbox.findMany();
      expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
      const accepted = (method: string) => slack.acceptedCallsOf(method);
      const updates = rows.filter((r) => (r.target as { kind: string }).kind === "update").length;
      expect(accepted("chat.update")).toHaveLength(updates);
      expect(accepted("chat.postMessage")).toHaveLength(rows.length - updates);
      expect(slack.calls.filter((c) => c.failed)).toEqual([]);
      const posts = (channel: string) => accepted("chat.postMessage").filter((c) => c.args.channel === channel);
      for (const channel of ["C0LEADS", "C1LEADS"]) {
        expect(posts(channel).filter((c) => String(c.args.text).startsWith("Lead digest"))).toHaveLength(workdays.length);
      }
      expect(posts("C1WOWS")).toHaveLength(workdays.length); // the attendance posts (no nominations there)
      expect(posts("C0WOWS")).toHaveLength(workdays.length + day); // attendance posts and each nomination's post
      expect(rows.filter((r) => r.dedupeKey.startsWith("attendance-post:"))).toHaveLength(2 * workdays.length);
      // Each digest was queued on the step its day's close finished, not held back by a claim's lease.
      for (const digest of rows.filter((r) => r.dedupeKey.startsWith("digest:"))) {
        const [, workspaceId, date] = digest.dedupeKey.split(":");
        const post = rows.find((r) => r.dedupeKey === `attendance-post:${workspaceId}:${date}`);
        expect(digest.createdAt.getTime() - (post?.createdAt.getTime() ?? 0), digest.dedupeKey).toBe(0);
      }

      // Each period closed once: one result per member and period, and one credit (and one DM) per clean result.
      const results = await p.periodResult.findMany();
      expect(new Set(results.map((r) => `${r.memberId} ${r.periodStart.toISOString()}`)).size).toBe(results.length);
      const members = await p.member.count();
      expect(results).toHaveLength(2 * members); // the weeks of 9 and 16 March, closed on the two Mondays
      const credits = await p.ptoLedgerEntry.findMany({ where: { kind: "credit" } });
      expect(credits.length).toBe(results.filter((r) => r.clean && Number(r.hoursCredited) > 0).length);
      expect(new Set(credits.map((c) => c.periodResultId)).size).toBe(credits.length);
      expect(rows.filter((r) => r.dedupeKey.startsWith("pto:credit:"))).toHaveLength(credits.length);

      // The queue is empty on both replicas' metrics.
      for (const r of replicas) expect(await (await fetch(`${r.url}/metrics`)).text()).toMatch(/^wowbot_outbox_depth 0$/m);
      console.info(`simulated week: ${steps().length} steps, ${day} traffic hours, ${rows.length} outbox rows, ${seconds} s`);
    },
    240_000,
  );
});
