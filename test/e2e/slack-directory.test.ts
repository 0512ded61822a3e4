// The Slack directory end to end (issue 20.1, PRODUCT.md §8): users.list read page by page by the directory job with
// nobody using wowbot, the quiet people accepted by the ingest API and credited by the period close, the people
// outside the programme (a bot, a deactivated account, a guest, a Slack Connect stranger) kept out, and a read that
// fails half-way deactivating nobody and resuming from the page that failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/app/api-tokens.js";
import { DIRECTORY_RETRY_MS } from "../../src/app/sync-directory.js";
import { ApiTokenRepository } from "../../src/db/api-token.repository.js";
import { ManualClock } from "../support/clock.js";
import type { FakeSlack } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const AGENTS = Array.from({ length: 55 }, (_, i) => `U0P${String(i + 1).padStart(2, "0")}`);
const OUTSIDERS = { bot: "U0ROBOT", gone: "U0GONE", guest: "U0GUEST", stranger: "U0STRANGER" };

/** 60 people: the boss, 55 agents and the four outside the programme, read in pages of 30. */
function fillDirectory(slack: FakeSlack): void {
  slack.usersListPageSize = 30;
  slack.addUser({ id: BOSS, name: "boss", tz: "UTC" });
  for (const id of AGENTS) slack.addUser({ id, name: id.toLowerCase().replace("u0", "agent-"), tz: "UTC", email: `${id.toLowerCase()}@example.com` });
  slack.addUser({ id: OUTSIDERS.bot, name: "standup", isBot: true });
  slack.addUser({ id: OUTSIDERS.gone, name: "gone", deleted: true });
  slack.addUser({ id: OUTSIDERS.guest, name: "contractor", guest: "multi", email: "contractor@example.com" });
  slack.addUser({ id: OUTSIDERS.stranger, name: "partner", teamId: "T0PARTNER" });
}

describe("the Slack directory", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-02T09:00:00Z"); // Monday
  const sync = () => t.service.scheduler.runNow(t.service.jobs.directory);
  const member = (id: string) => t.prisma.member.findFirst({ where: { platformUserId: id } });

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    fillDirectory(t.fakeSlack);
  });
  afterAll(() => t.stop());

  it("reads everyone at start-up, with no request from anyone, in pages, and keeps the four outside the programme", async () => {
    await sync();
    const pages = t.fakeSlack.acceptedCallsOf("users.list");
    expect(pages.map((c) => [c.args.limit, c.args.cursor !== undefined])).toEqual([
      ["200", false],
      ["200", true],
    ]);
    expect(t.fakeSlack.callsOf("users.info")).toEqual([]);
    const members = await t.prisma.member.findMany({ orderBy: { platformUserId: "asc" } });
    expect(members).toHaveLength(60);
    expect(await member(BOSS)).toMatchObject({ role: "admin", active: true });
    expect(await member("U0P07")).toMatchObject({ role: "agent", displayName: "agent-p07", email: "u0p07@example.com", joinedAt: clock.now() });
    expect(await member(OUTSIDERS.bot)).toMatchObject({ isBot: true });
    expect(await member(OUTSIDERS.gone)).toMatchObject({ active: false });
    expect(await member(OUTSIDERS.guest)).toMatchObject({ isGuest: true, isExternal: false });
    expect(await member(OUTSIDERS.stranger)).toMatchObject({ isGuest: false, isExternal: true });
    expect(t.logs.some((l) => l.msg === "directory read: 60 people, 60 new, 0 changed")).toBe(true);
  });

  it("reads again only at the nightly time, and an unchanged read writes nothing", async () => {
    t.fakeSlack.reset();
    clock.set("2026-03-03T01:59:00Z");
    await sync();
    expect(t.fakeSlack.callsOf("users.list")).toEqual([]);

    clock.set("2026-03-03T02:00:00Z");
    const before = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0P07" } });
    await sync();
    expect(t.fakeSlack.acceptedCallsOf("users.list")).toHaveLength(2);
    expect(t.logs.some((l) => l.msg === "directory read: 60 people, 0 new, 0 changed")).toBe(true);
    expect((await member("U0P07"))?.updatedAt).toEqual(before.updatedAt);
  });

  it("lets the ingest API name a quiet member by id or email, and refuses the guest and the stranger by name", async () => {
    clock.set("2026-03-11T12:00:00Z"); // Wednesday
    const workspace = await t.prisma.workspace.findFirstOrThrow();
    const created = await createApiToken(
      { tokens: new ApiTokenRepository(t.prisma), clock },
      { workspace: { ...workspace, settings: {} } as never, actor: "cli", name: "WFM" },
    );
    if (!created.ok) throw new Error(created.error.message);
    const post = (rows: unknown[]) =>
      fetch(`${t.url}/api/v1/attendance`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${created.value.secret}` },
        body: JSON.stringify({ rows }),
      });

    const refused = await post([
      { member: "contractor@example.com", date: "2026-03-02", type: "late" },
      { member: OUTSIDERS.stranger, date: "2026-03-02", type: "late" },
      { member: "U0NOBODY", date: "2026-03-02", type: "late" },
    ]);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { problems: Array<{ reason: string }> }).problems.map((p) => p.reason)).toEqual([
      "contractor (U0GUEST) is a guest, so there's no attendance to record.",
      "partner (U0STRANGER) is of another organisation, so there's no attendance to record.",
      '"U0NOBODY" is not in the workspace\'s directory: use their user id or the email the workspace knows them by.',
    ]);

    const res = await post([
      { member: "U0P03", date: "2026-03-10", type: "late" },
      { member: "u0p04@example.com", date: "2026-03-10", type: "absent" },
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 2 });
  });

  it("credits a clean period to an enrolled member who never used wowbot, once enrolled for all of it, and to nobody outside", async () => {
    const credited = async () =>
      (await t.prisma.ptoLedgerEntry.findMany({ where: { kind: "credit" }, include: { member: true } })).map((e) => e.member.platformUserId).sort();
    // The week of 2 March began before the directory showed them (Monday 09:00): nobody was enrolled all of it.
    await t.service.scheduler.runNow(t.service.jobs.daily);
    expect(await credited()).toEqual([]);

    // The week of 9 March: everyone in the programme with zero points, 2 h each (a first clean period).
    clock.set("2026-03-16T09:00:00Z");
    await t.service.scheduler.runNow(t.service.jobs.daily);
    const expected = [BOSS, ...AGENTS].filter((id) => id !== "U0P03" && id !== "U0P04").sort();
    expect(await credited()).toEqual(expected);
    const quiet = await t.prisma.ptoLedgerEntry.findFirstOrThrow({ where: { member: { platformUserId: "U0P50" } } });
    expect(Number(quiet.hours)).toBe(2);
  });
});

describe("a directory read that fails half-way", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-02T09:00:00Z");
  const sync = () => t.service.scheduler.runNow(t.service.jobs.directory);

  beforeAll(async () => {
    t = await startTestService({ clock });
    fillDirectory(t.fakeSlack);
  });
  afterAll(() => t.stop());

  it("keeps page 1, deactivates nobody, waits, and resumes from page 2 with Slack's cursor", async () => {
    // Someone who used wowbot before the first read.
    expect((await t.slack.command({ command: "/pto", text: "", user_id: "U0P45" })).status).toBe(200);
    t.fakeSlack.fail("users.list", { status: 500, after: 1 });
    await sync();
    expect(t.fakeSlack.callsOf("users.list").map((c) => c.status)).toEqual([200, 500]);
    expect(await t.prisma.member.count()).toBe(31); // page 1's 30 and the /pto user of page 2
    expect(await t.prisma.member.count({ where: { active: false } })).toBe(0);
    const failedCursor = t.fakeSlack.callsOf("users.list")[1]?.args.cursor;
    expect(failedCursor).toEqual(expect.any(String));
    expect(t.logs.some((l) => l.msg === "job failed" && l.job === "directory")).toBe(true);

    // Not again at once: a Slack outage is not hammered.
    clock.advance(DIRECTORY_RETRY_MS - 1_000);
    await sync();
    expect(t.fakeSlack.callsOf("users.list")).toHaveLength(2);

    clock.advance(1_000);
    await sync();
    const calls = t.fakeSlack.callsOf("users.list");
    expect(calls).toHaveLength(3);
    expect(calls[2]?.args.cursor).toBe(failedCursor);
    expect(await t.prisma.member.count()).toBe(60);
    expect(await t.prisma.member.count({ where: { active: false } })).toBe(1); // the deactivated account, as Slack lists it
    expect(t.logs.some((l) => l.msg === "directory read: 30 people, 29 new, 0 changed")).toBe(true);
  });

  it("waits out a rate limit for as long as Retry-After says and finishes the read", async () => {
    clock.set("2026-03-03T02:00:00Z");
    t.fakeSlack.reset();
    t.fakeSlack.fail("users.list", { status: 429, retryAfter: 1, after: 1 });
    const started = Date.now();
    await sync();
    expect(t.fakeSlack.callsOf("users.list").map((c) => c.status)).toEqual([200, 429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(t.logs.filter((l) => l.msg === "job failed")).toHaveLength(1); // only the 500 of the test above
  });
});
