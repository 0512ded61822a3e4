// Roles on Teams (twin of slack-roles): WOWBOT_ADMINS (AAD object ids) start as admins; only admins change roles with
// "wowbot role @person role"; every change is audit-logged; a workspace never loses its last admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId } from "../support/teams-requests.js";

const user = (n: number, name: string): FakeTeamsUser => ({ id: `29:account-${n}`, aadObjectId: `dddddddd-0000-4000-8000-00000000000${n}`, name });
const boss = user(1, "Boss Admin");
const owner = user(2, "Owner Admin");
const ada = user(3, "Ada Agent");

describe("wowbot role on Teams", () => {
  let t: TestService;
  /** The private answer to "wowbot role <text>" with mentions of `mentions`. */
  const role = async (text: string, from: FakeTeamsUser, mentions: FakeTeamsUser[] = []) => {
    await t.teams.post(t.teams.message(from, `wowbot role ${text}`, { mentions }));
    return String(t.fakeTeams.to(personalConversationId(from)).at(-1)?.activity.text ?? "");
  };
  const roleOf = async (u: FakeTeamsUser) => (await t.prisma.member.findFirst({ where: { platformUserId: u.aadObjectId } }))?.role;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: `${boss.aadObjectId},${owner.aadObjectId}` } });
    for (const u of [boss, owner, ada]) t.fakeTeams.addMember(u);
  });
  afterAll(() => t?.stop());

  it("makes WOWBOT_ADMINS ids wowbot admins on first sight; everyone else starts as an agent", async () => {
    for (const u of [boss, owner, ada]) await t.teams.post(t.teams.message(u, "wowbot help"));
    expect([await roleOf(boss), await roleOf(owner), await roleOf(ada)]).toEqual(["admin", "admin", "agent"]);
  });

  it("refuses agents, changing nothing", async () => {
    expect(await role(`@${ada.name} admin`, ada, [ada])).toContain("Only admins can change roles.");
    expect(await roleOf(ada)).toBe("agent");
    expect(await t.prisma.auditLog.count({ where: { action: "member.role" } })).toBe(0);
  });

  it("lets an admin make someone a lead, audit-logged with before and after", async () => {
    expect(await role(`@${ada.name} lead`, boss, [ada])).toContain(`${ada.name} is now a lead.`);
    expect(await roleOf(ada)).toBe("lead");
    const entry = await t.prisma.auditLog.findFirst({ where: { action: "member.role" } });
    expect(entry).toMatchObject({ actor: boss.aadObjectId, subject: `member:${ada.aadObjectId}`, before: { role: "agent" }, after: { role: "lead" } });
    expect(await role(`@${ada.name} lead`, boss, [ada])).toContain(`${ada.name} is already a lead.`);
  });

  it("never demotes an admin WOWBOT_ADMINS lists (the next start would undo it)", async () => {
    expect(await role(`@${owner.name} agent`, boss, [owner])).toContain(
      `${owner.name} is an admin through WOWBOT_ADMINS: take them off that list first, or the next start makes them admin again.`,
    );
    expect(await role(`@${boss.name} lead`, owner, [boss])).toContain(`${boss.name} is an admin through WOWBOT_ADMINS`);
    expect([await roleOf(owner), await roleOf(boss)]).toEqual(["admin", "admin"]);
  });

  it("explains the usage, as Teams writes the command, for malformed input", async () => {
    expect(await role("ada lead", boss)).toContain('Usage: "wowbot role @person agent|lead|admin"');
    expect(await role(`@${ada.name} boss`, boss, [ada])).toContain("Usage:");
    expect(await roleOf(ada)).toBe("lead");
  });
});
