// Teams of agents on Slack (issue 20.2, PRODUCT.md §8): `/wowbot team create|rename|delete|add|remove|lead|unlead|
// channel|list|show`, admins only, audit-logged, with a member in at most one team at a time and moves kept as history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";

describe("/wowbot team", () => {
  let t: TestService;
  const team = async (text: string, user = BOSS) => {
    const reply = await t.slack.command({ command: "/wowbot", text: `team ${text}`, user_id: user });
    return { text: reply.text, shown: JSON.stringify(reply) };
  };
  const memberships = async (platformUserId: string) =>
    (
      await t.prisma.teamMembership.findMany({
        where: { member: { platformUserId } },
        include: { team: true },
        orderBy: { from: "asc" },
      })
    ).map((m) => ({ team: m.team.name, role: m.role, open: m.to === null }));

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", U0LENA: "lena", U0ADA: "ada", U0BEN: "ben", U0CAL: "cal" });
    t.fakeSlack.addUser({ id: "U0GUEST", name: "gus", guest: "single" });
    for (const id of [BOSS, "U0ADA"]) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
  });
  afterAll(() => t.stop());

  it("is for admins: an agent is refused and nothing is created", async () => {
    expect((await team("create Billing", "U0ADA")).text).toBe(":no_entry_sign: Only admins can change teams.");
    expect((await team("list", "U0ADA")).text).toBe(":no_entry_sign: Teams are listed for leads and admins.");
    expect(await t.prisma.team.count()).toBe(0);
  });

  it("creates teams with one-word and quoted names, refusing a name taken in any case, an empty or a long one", async () => {
    expect((await team("create Billing")).text).toContain("Team *Billing* created. Add its agents with `/wowbot team add Billing @person`");
    expect((await team('create "Tier 2 Support"')).text).toContain("`/wowbot team add “Tier 2 Support” @person`");
    expect((await team("create billing")).text).toBe(':no_entry_sign: There\'s already a team called "billing".');
    expect((await team(`create ${"x".repeat(61)}`)).text).toBe(":no_entry_sign: A team name has at most 60 characters.");
    expect((await team("create")).text).toContain('Usage (admins; NAME is one word or a "quoted name"):');
    expect((await t.prisma.team.findMany({ orderBy: { name: "asc" } })).map((x) => x.name)).toEqual(["Billing", "Tier 2 Support"]);
    expect(await t.prisma.auditLog.count({ where: { action: "team.create", actor: BOSS } })).toBe(2);
  });

  it("adds agents, says who was already in, moves someone between teams keeping the old membership, and refuses a guest", async () => {
    expect((await team("add Billing <@U0ADA|ada> <@U0BEN|ben>")).text).toBe(":white_check_mark: Added to *Billing*: ada, ben.");
    expect((await team("add billing <@U0ADA|ada>")).text).toBe(":information_source: Already in *Billing*: ada.");
    expect((await team('add "Tier 2 Support" <@U0BEN|ben> <@U0CAL|cal>')).text).toBe(
      ":white_check_mark: Added to *Tier 2 Support*: cal. ben moved to *Tier 2 Support* from Billing.",
    );
    expect(await memberships("U0BEN")).toEqual([
      { team: "Billing", role: "member", open: false },
      { team: "Tier 2 Support", role: "member", open: true },
    ]);
    expect((await team("add Billing <@U0GUEST|gus> <@U0CAL|cal>")).text).toBe(":no_entry_sign: gus is a guest, so they can't be in a team.");
    expect(await memberships("U0CAL")).toEqual([{ team: "Tier 2 Support", role: "member", open: true }]);
    expect((await team("add Billing ada")).text).toBe(':no_entry_sign: "ada" is not a mention: name each person with @.');
    expect((await team("add Sales <@U0ADA|ada>")).text).toBe(':no_entry_sign: There\'s no team called "Sales". Teams: Billing, Tier 2 Support.');
  });

  it("makes a lead of a team (an agent becomes a lead of the workspace too) and sets its leads channel", async () => {
    expect((await team("lead Billing <@U0LENA|lena>")).text).toBe(":white_check_mark: lena leads *Billing* now. lena is a lead of the workspace now too.");
    expect((await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0LENA" } })).role).toBe("lead");
    expect((await team("lead Billing <@U0LENA|lena>")).text).toBe(":information_source: Already leading *Billing*: lena.");
    const set = await team("channel Billing <#C0BILLING|billing-leads>");
    expect(set.shown).toContain("<#C0BILLING>");
    expect((await t.prisma.team.findFirstOrThrow({ where: { name: "Billing" } })).leadsChannel).toBe("C0BILLING");
    expect((await team("channel Billing billing-leads")).text).toContain("Usage");
  });

  it("lists and shows teams to leads, with agents, leads and channel", async () => {
    const listed = await team("list", "U0LENA");
    expect(listed.shown).toContain("Teams (2)");
    expect(listed.shown).toContain("*Billing*: 1 agent, led by lena, leads channel <#C0BILLING>");
    expect(listed.shown).toContain("*Tier 2 Support*: 2 agents, no lead yet");
    const shown = await team('show "tier 2 support"', "U0LENA");
    expect(shown.shown).toContain("Team Tier 2 Support");
    expect(shown.shown).toContain("<@U0BEN>");
    expect(shown.shown).toContain("<@U0CAL>");
  });

  it("removes, unleads, renames and deletes, keeping every membership's history", async () => {
    expect((await team("remove Billing <@U0ADA|ada> <@U0CAL|cal>")).text).toBe(":white_check_mark: Removed from *Billing*: ada. Not in *Billing*: cal.");
    expect((await team("unlead Billing <@U0LENA|lena>")).text).toBe(":white_check_mark: lena no longer leads *Billing*.");
    expect((await team('rename "Tier 2 Support" Escalations')).text).toBe(":white_check_mark: Team *Tier 2 Support* is now called *Escalations*.");
    expect((await team("rename Escalations Billing")).text).toBe(':no_entry_sign: There\'s already a team called "Billing".');
    expect((await team("delete Escalations")).text).toBe(
      ":white_check_mark: Team *Escalations* deleted. Its 2 agents are in no team now; its history stays with past periods and digests.",
    );
    expect(await memberships("U0BEN")).toEqual([
      { team: "Billing", role: "member", open: false },
      { team: "Escalations", role: "member", open: false },
    ]);
    // The name is free again.
    expect((await team("create Escalations")).text).toContain("Team *Escalations* created.");
    expect((await t.prisma.auditLog.findMany({ where: { action: { startsWith: "team." } }, orderBy: { at: "asc" } })).map((a) => a.action)).toEqual([
      "team.create",
      "team.create",
      "team.add",
      "team.add",
      "team.lead",
      "team.channel",
      "team.remove",
      "team.unlead",
      "team.rename",
      "team.delete",
      "team.create",
    ]);
  });
});
