// People's profiles on Slack end to end: users.info asked once in a while, not per request (Slack rate-limits it),
// and changes Slack announces with user_change counting at once, on this replica and on others.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { USER_CACHE_TTL_MS } from "../../src/adapters/slack/user-cache.js";
import { startTestService, type TestService } from "../support/service.js";

const STORY = "Talked a customer through a router reset at 2 a.m. and then set up their parental controls too.";

describe("Slack profiles", () => {
  let t: TestService;
  let n = 0;
  // A new reference each time: the same nominator, nominee and reference within 24 h would be a duplicate.
  // Each test nominates as someone else: five nominations a day is the default limit.
  const wow = (nominee: string, user: string) =>
    t.slack.command({ command: "/wow", text: `<@${nominee}> ${STORY} Ticket #${++n}`, user_id: user, channel_id: "C0TEAM" });
  const lookUps = (id: string) => t.fakeSlack.callsOf("users.info").filter((c) => c.args.user === id).length;
  const member = (id: string) => t.prisma.member.findFirst({ where: { platformUserId: id } });
  const userChange = (user: Record<string, unknown>) => t.slack.event({ type: "user_change", user, cache_ts: 1, event_ts: "1.1" });

  beforeAll(async () => {
    t = await startTestService();
    t.fakeSlack.addUsers({
      U0ADA: "ada",
      U0BEA: "bea",
      U0CAL: "cal",
      U0DAN: "dan",
      U0GRACE: "grace",
      U0LINUS: "linus",
      U0KEN: "ken",
      U0ANN: "ann",
      U0EVE: "eve",
      U0FAY: "fay",
    });
  });
  afterAll(() => t.stop());
  beforeEach(() => t.fakeSlack.reset());

  it("asks Slack about a nominee once in five minutes, however often they are nominated", async () => {
    for (let i = 0; i < 3; i++) expect((await wow("U0GRACE", "U0ADA")).text).toContain("Your wow nomination for <@U0GRACE> is in");
    expect(lookUps("U0GRACE")).toBe(1);

    t.clock.advance(USER_CACHE_TTL_MS);
    expect((await wow("U0GRACE", "U0ADA")).text).toContain("is in");
    expect(lookUps("U0GRACE")).toBe(2);
  });

  it("refuses a deactivated nominee as soon as Slack announces the deactivation, asking Slack once to confirm it", async () => {
    expect((await wow("U0LINUS", "U0BEA")).text).toContain("is in");
    const res = await userChange(t.fakeSlack.changeUser({ id: "U0LINUS", name: "linus", deleted: true }));
    expect(res.status).toBe(200);
    await expect.poll(async () => (await member("U0LINUS"))?.active).toBe(false);

    expect((await wow("U0LINUS", "U0BEA")).text).toBe(":no_entry_sign: linus's account is deactivated, so they can't be nominated.");
    expect(lookUps("U0LINUS")).toBe(2);
  });

  it("does not let an old profile that arrives late (Slack's retry) undo a deactivation", async () => {
    const before = t.fakeSlack.changeUser({ id: "U0EVE", name: "eve" });
    expect((await wow("U0EVE", "U0FAY")).text).toContain("is in");
    await userChange(t.fakeSlack.changeUser({ id: "U0EVE", name: "eve", deleted: true }));
    await expect.poll(async () => (await member("U0EVE"))?.active).toBe(false);

    // The announcement of an earlier edit, which Slack could not deliver at the time, comes after the deactivation.
    expect((await userChange(before)).status).toBe(200);
    await expect.poll(() => lookUps("U0EVE")).toBe(3);
    expect(await member("U0EVE")).toMatchObject({ active: false });
    expect((await wow("U0EVE", "U0FAY")).text).toBe(":no_entry_sign: eve's account is deactivated, so they can't be nominated.");
  });

  it("checks with Slack when another replica stored a change this one has not heard of", async () => {
    expect((await wow("U0KEN", "U0CAL")).text).toContain("is in");
    // Slack announced the deactivation to another replica, which stored it; this one still remembers Ken as active.
    t.fakeSlack.addUser({ id: "U0KEN", name: "ken", deleted: true });
    await t.prisma.member.updateMany({ where: { platformUserId: "U0KEN" }, data: { active: false } });

    expect((await wow("U0KEN", "U0CAL")).text).toBe(":no_entry_sign: ken's account is deactivated, so they can't be nominated.");
    expect(lookUps("U0KEN")).toBe(2);
    expect(await member("U0KEN")).toMatchObject({ active: false });
  });

  it("stores a new name of a member, and someone not stored yet as Slack describes them now (the directory, PRODUCT.md §8)", async () => {
    expect((await wow("U0ANN", "U0DAN")).text).toContain("is in");
    await userChange(t.fakeSlack.changeUser({ id: "U0ANN", name: "ann.m" }));
    await expect.poll(async () => (await member("U0ANN"))?.displayName).toBe("ann.m");

    // The event says "quiet"; Slack, asked, says what is true now: the newer name and a guest account.
    const announced = t.fakeSlack.changeUser({ id: "U0QUIET", name: "quiet" });
    t.fakeSlack.addUser({ id: "U0QUIET", name: "quiet.q", guest: "single" });
    await userChange(announced);
    await expect.poll(() => member("U0QUIET")).toMatchObject({ displayName: "quiet.q", isGuest: true, role: "agent", active: true });
  });

  it("stores a newcomer Slack announces with team_join, from another organisation when their team is another", async () => {
    const user = t.fakeSlack.changeUser({ id: "U0NEWBIE", name: "newbie" });
    expect((await t.slack.event({ type: "team_join", user, event_ts: "2.1" })).status).toBe(200);
    await expect.poll(() => member("U0NEWBIE")).toMatchObject({ displayName: "newbie", isGuest: false, isExternal: false });

    const outsider = t.fakeSlack.changeUser({ id: "U0CONNECT", name: "partner", teamId: "T0PARTNER" });
    await t.slack.event({ type: "team_join", user: outsider, event_ts: "2.2" });
    await expect.poll(() => member("U0CONNECT")).toMatchObject({ displayName: "partner", isExternal: true });
  });
});
