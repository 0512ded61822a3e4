// Teams that follow a Slack user group or channel (issue 20.2, PRODUCT.md §8): `/wowbot team sync NAME @usergroup |
// #channel | off` makes the team's agents the group's members (people outside the programme left out), and
// subteam_members_changed, member_joined_channel and member_left_channel keep it so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";

describe("/wowbot team sync", () => {
  let t: TestService;
  const team = async (text: string, user = BOSS) => (await t.slack.command({ command: "/wowbot", text: `team ${text}`, user_id: user })).text;
  const agentsOf = async (name: string) =>
    (await t.prisma.teamMembership.findMany({ where: { team: { name }, role: "member", to: null }, include: { member: true } }))
      .map((m) => m.member.platformUserId)
      .sort();

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", U0ADA: "ada", U0BEN: "ben", U0CAL: "cal", U0DAN: "dan", U0EVE: "eve" });
    t.fakeSlack.addUser({ id: "U0GUEST", name: "gus", guest: "multi" });
    t.fakeSlack.addUser({ id: "U0ROBOT", name: "robot", isBot: true });
    await t.service.scheduler.runNow(t.service.jobs.directory);
    await team("create Support");
    await team("create Billing");
    await team("add Billing <@U0BEN|ben>");
    t.fakeSlack.usergroups.set("S0SUPPORT", ["U0ADA", "U0BEN", "U0GUEST", "U0ROBOT"]);
    t.fakeSlack.channelMembers.set("C0BILLING", ["U0DAN", "U0BOSS"]);
  });
  afterAll(() => t.stop());

  it("makes a team follow a user group: its members join (moved from their team), outsiders are left out; admins only", async () => {
    expect(await team("sync Support <!subteam^S0SUPPORT|@support>", "U0ADA")).toBe(":no_entry_sign: Only admins can change teams.");
    expect(await team("sync Support <!subteam^S0SUPPORT|@support>")).toBe(
      ":white_check_mark: *Support* follows @support now: its agents are the group's members, and change as it does. Added: ada. ben moved from Billing. 2 members of it are left out (bots, guests, other organisations, deactivated accounts).",
    );
    expect(await agentsOf("Support")).toEqual(["U0ADA", "U0BEN"]);
    expect(await team("sync Support <!subteam^S0NOPE|@nope>")).toBe(":no_entry_sign: I can't read the members of that user group: check that it exists.");
    expect(await team("sync Support support")).toContain("Usage");
  });

  it("follows the user group as Slack announces its changes", async () => {
    const res = await t.slack.event({
      type: "subteam_members_changed",
      subteam_id: "S0SUPPORT",
      added_users: ["U0CAL", "U0ROBOT"],
      removed_users: ["U0ADA"],
      event_ts: "3.1",
    });
    expect(res.status).toBe(200);
    await expect.poll(() => agentsOf("Support")).toEqual(["U0BEN", "U0CAL"]);
  });

  it("follows a channel's joins and leaves, and stops following with off", async () => {
    expect(await team("sync Billing <#C0BILLING|billing>")).toContain("*Billing* follows");
    expect(await agentsOf("Billing")).toEqual(["U0BOSS", "U0DAN"]);
    await t.slack.event({ type: "member_joined_channel", user: "U0EVE", channel: "C0BILLING", channel_type: "C", event_ts: "3.2" });
    await t.slack.event({ type: "member_left_channel", user: "U0DAN", channel: "C0BILLING", channel_type: "C", event_ts: "3.3" });
    await expect.poll(() => agentsOf("Billing")).toEqual(["U0BOSS", "U0EVE"]);
    expect(await team("sync Billing off")).toBe(
      ":white_check_mark: *Billing* no longer follows a user group or channel: its agents stay as they are, and change only with `team add` and `team remove`.",
    );
    await t.slack.event({ type: "member_left_channel", user: "U0EVE", channel: "C0BILLING", channel_type: "C", event_ts: "3.4" });
    expect(await agentsOf("Billing")).toEqual(["U0BOSS", "U0EVE"]);
    expect((await t.prisma.auditLog.findMany({ where: { action: "team.sync" } })).length).toBe(3);
  });
});
