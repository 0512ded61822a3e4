// Digests once teams exist, on Microsoft Teams (twin of slack-team-digests): a team without a leads channel gets its
// digest by DM to its leads; the admins get the workspace's with a line per team.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId } from "../support/teams-requests.js";
import { shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(71, "Bo Boss");
const LENA = teamsUser(72, "Lena Lead");
const ADA = teamsUser(73, "Ada Agent");
const BEN = teamsUser(74, "Ben Agent");

describe("digests with teams on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const clock = new ManualClock("2026-03-01T12:00:00Z");
  const digestsTo = (user: typeof BOSS) =>
    t.fakeTeams
      .to(personalConversationId(user))
      .map((a) => shownText([a.activity]))
      .filter((text) => text.includes("digest for"));

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, clock, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LENA, ADA, BEN]);
    await twin.told(BOSS, "wowbot team create Billing");
    await twin.told(BOSS, `wowbot team add Billing @${ADA.name}`, [ADA]);
    await twin.told(BOSS, `wowbot team lead Billing @${LENA.name}`, [LENA]);
    clock.set("2026-03-02T12:00:00Z");
    await twin.told(LENA, `attendance @${ADA.name} late 2026-03-02`, [ADA]);
    await twin.told(BOSS, `attendance @${BEN.name} absent 2026-03-02`, [BEN]);
  });
  afterAll(() => t?.stop());

  it("sends the team's digest to its lead by DM and the workspace's to the admin", async () => {
    clock.set("2026-03-03T09:00:00Z");
    t.fakeTeams.clear();
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();
    const [billing, ...more] = digestsTo(LENA);
    expect(more).toEqual([]);
    expect(billing).toContain("Billing digest for 2026-03-02");
    expect(billing).toContain(`<at>${ADA.name}</at> (late arrival)`);
    expect(billing).not.toContain(BEN.name);
    const [workspace] = digestsTo(BOSS);
    expect(workspace).toContain("Lead digest for 2026-03-02");
    expect(workspace).toContain(`Billing** (${LENA.name}): 0 of 1 agent at zero points`);
    expect(workspace).toContain(`<at>${BEN.name}</at> (absence)`);
  });
});
