// People who left, on Teams (issue 18.1): when the Bot Connector answers 404 for a member lookup (removed from the team
// or the tenant), the member is stored inactive and refused like a deactivated Slack account; a 5xx is Teams failing,
// not the person leaving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId } from "../support/teams-requests.js";

const user = (n: number, name: string): FakeTeamsUser => ({
  id: `29:account-${n}`,
  aadObjectId: `cccccccc-0000-4000-8000-00000000000${n}`,
  name,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
});
const ada = user(1, "Ada Agent");
const gus = user(2, "Gus Gone");
const lena = user(3, "Lena Lead");
const boss = user(4, "Boss Admin");

const STORY = "Stayed on the line to rebook the whole family's flights after the storm, and remembered the kid's birthday.";

describe("people who left, on Teams", () => {
  let t: TestService;
  const lastAnswer = (u: FakeTeamsUser) => String(t.fakeTeams.to(personalConversationId(u)).at(-1)?.activity.text ?? "");
  const gusRow = () => t.prisma.member.findFirstOrThrow({ where: { platformUserId: gus.aadObjectId } });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId } });
    for (const u of [ada, gus, lena, boss]) {
      t.fakeTeams.addMember(u);
      await t.teams.post(t.teams.message(u, "help"));
    }
    await t.teams.post(t.teams.message(boss, `wowbot role @${lena.name} lead`, { mentions: [lena] }));
  });
  afterAll(() => t?.stop());

  it("takes a transient failure (5xx) for what it is: nothing about Gus changes", async () => {
    t.fakeTeams.fail("member", { status: 503 });
    await t.teams.post(t.teams.message(ada, `wow @${gus.name} ${STORY}`, { mentions: [gus] }));
    expect((await gusRow()).active).toBe(true);
  });

  it("refuses a nominee and an attendance record for someone Teams says is no longer a member, and stores them inactive", async () => {
    t.fakeTeams.removeMember(gus);
    t.fakeTeams.clear();
    await t.teams.post(t.teams.message(ada, `wow @${gus.name} ${STORY}`, { mentions: [gus] }));
    expect(lastAnswer(ada)).toContain(`${gus.name}'s account is deactivated, so they can't be nominated.`);
    expect(await t.prisma.nomination.count()).toBe(0);
    expect((await gusRow()).active).toBe(false);
    await t.teams.post(t.teams.message(lena, `attendance @${gus.name} late`, { mentions: [gus] }));
    expect(lastAnswer(lena)).toContain(`${gus.name} is deactivated.`);
    expect(await t.prisma.attendanceOccurrence.count()).toBe(0);
    // Nobody was told anything: no post, no DM to Gus.
    expect(t.fakeTeams.to(personalConversationId(gus))).toEqual([]);
  });
});
