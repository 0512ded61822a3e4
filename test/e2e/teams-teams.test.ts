// Teams of agents on Microsoft Teams (twin of slack-teams): the same `wowbot team ...` words as messages, people and
// the leads channel named with Teams mentions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";
import { TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(51, "Bo Boss");
const LENA = teamsUser(52, "Lena Lead");
const ADA = teamsUser(53, "Ada Agent");
const BEN = teamsUser(54, "Ben Agent");
/** A channel mentioned in a message: Teams' mention entity names it by its "19:" id. */
const LEADS_CHANNEL = { id: "19:billing-leads@thread.tacv2", aadObjectId: "", name: "Billing leads" };

describe("wowbot team on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LENA, ADA, BEN]);
  });
  afterAll(() => t?.stop());

  it("is for admins", async () => {
    expect(await twin.told(ADA, "wowbot team create Billing")).toContain("Only admins can change teams.");
    expect(await t.prisma.team.count()).toBe(0);
  });

  it("creates a team, adds agents and a lead by mention, and sets the leads channel by mentioning it", async () => {
    expect(await twin.told(BOSS, 'wowbot team create "Billing EU"')).toContain(
      'Team Billing EU created. Add its agents with "wowbot team add “Billing EU” @person"',
    );
    expect(await twin.told(BOSS, `wowbot team add "billing eu" @${ADA.name} @${BEN.name}`, [ADA, BEN])).toContain(
      `Added to Billing EU: ${ADA.name}, ${BEN.name}.`,
    );
    expect(await twin.told(BOSS, `wowbot team lead “Billing EU” @${LENA.name}`, [LENA])).toContain(`${LENA.name} leads Billing EU now.`);
    expect(await twin.told(BOSS, `wowbot team channel "Billing EU" @${LEADS_CHANNEL.name}`, [LEADS_CHANNEL])).toContain(
      "Billing EU's paid-day requests and digest go to",
    );
    expect(await t.prisma.team.findFirstOrThrow()).toMatchObject({ name: "Billing EU", leadsChannel: LEADS_CHANNEL.id });
    expect(await t.prisma.teamMembership.count({ where: { to: null } })).toBe(3);
  });

  it("says a team can't follow a group here, changing nothing", async () => {
    expect(await twin.told(BOSS, 'wowbot team sync "Billing EU" off')).toContain(
      'A team can follow a Slack user group or channel. Here, add its agents with "wowbot team add NAME @person".',
    );
    expect(await t.prisma.auditLog.count({ where: { action: "team.sync" } })).toBe(0);
  });

  it("lists the teams to a lead", async () => {
    const listed = await twin.told(LENA, "wowbot team list");
    expect(listed).toContain("Teams (1)");
    expect(listed).toContain(`Billing EU**: 2 agents, led by ${LENA.name}, leads channel ${LEADS_CHANNEL.name}`);
  });
});
