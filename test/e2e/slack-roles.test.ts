// Roles on Slack: WOWBOT_ADMINS (authoritative at start-up and on provisioning) and Slack's own admins start as admins; only admins change roles; every change
// is audit-logged; a workspace never loses its last admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restartableDatabase } from "../support/databases.js";
import { startTestService, type TestService } from "../support/service.js";

describe("/wowbot role", () => {
  let t: TestService;
  const role = async (text: string, user: string) => (await t.slack.command({ command: "/wowbot", text: `role ${text}`, user_id: user })).text;
  const roleOf = async (user: string) => (await t.prisma.member.findFirst({ where: { platformUserId: user } }))?.role;

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    t.fakeSlack.addUser({ id: "U0OWNER", name: "owner", isAdmin: true });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
    t.fakeSlack.addUser({ id: "U0ROBOT", name: "robot", isBot: true });
  });
  afterAll(() => t.stop());

  it("makes WOWBOT_ADMINS ids and Slack workspace admins wowbot admins on first sight", async () => {
    await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0BOSS" });
    await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0OWNER" });
    await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0AGENT" });
    expect([await roleOf("U0BOSS"), await roleOf("U0OWNER"), await roleOf("U0AGENT")]).toEqual(["admin", "admin", "agent"]);
  });

  it("refuses agents, changing nothing", async () => {
    expect(await role("<@U0AGENT|ada> admin", "U0AGENT")).toContain("Only admins can change roles.");
    expect(await roleOf("U0AGENT")).toBe("agent");
    expect(await t.prisma.auditLog.count({ where: { action: "member.role" } })).toBe(0);
  });

  it("lets an admin make someone a lead, audit-logged with before and after", async () => {
    expect(await role("<@U0AGENT|ada> lead", "U0BOSS")).toContain("ada is now a lead.");
    expect(await roleOf("U0AGENT")).toBe("lead");
    const entry = await t.prisma.auditLog.findFirst({ where: { action: "member.role" } });
    expect(entry).toMatchObject({ actor: "U0BOSS", subject: "member:U0AGENT", before: { role: "agent" }, after: { role: "lead" } });
    expect(await role("<@U0AGENT|ada> lead", "U0BOSS")).toContain("ada is already a lead.");
  });

  it("never removes the last admin", async () => {
    expect(await role("<@U0OWNER> agent", "U0BOSS")).toContain("owner is now an agent.");
    expect(await role("<@U0BOSS> lead", "U0BOSS")).toContain("boss is the only admin. Make someone else admin first.");
    expect(await roleOf("U0BOSS")).toBe("admin");
  });

  it("explains the usage for malformed input, and refuses bots", async () => {
    expect(await role("ada lead", "U0BOSS")).toContain("Usage: `/wowbot role @person agent|lead|admin`");
    expect(await role("<@U0AGENT> boss", "U0BOSS")).toContain("Usage:");
    expect(await role("<@U0ROBOT> lead", "U0BOSS")).toContain("robot is a bot");
  });
});

describe("WOWBOT_ADMINS is authoritative", () => {
  it("makes listed members admin at start-up and on every provisioning, audit-logged as the configuration; never a deactivated one", async () => {
    const database = await restartableDatabase();
    const roles = async (t: TestService) =>
      Object.fromEntries((await t.prisma.member.findMany({ orderBy: { platformUserId: "asc" } })).map((m) => [m.platformUserId, m.role]));
    const first = await startTestService({ database, env: { WOWBOT_ADMINS: "U0BOSS" } });
    try {
      for (const [id, name] of [
        ["U0BOSS", "boss"],
        ["U0ADA", "ada"],
        ["U0BEN", "ben"],
      ] as const) {
        first.fakeSlack.addUser({ id, name });
        await first.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
      }
      expect(await roles(first)).toEqual({ U0ADA: "agent", U0BEN: "agent", U0BOSS: "admin" });
      // A demotion made before the variable was authoritative: the listed admin's next command restores it.
      await first.prisma.member.updateMany({ where: { platformUserId: "U0BOSS" }, data: { role: "agent" } });
      await first.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0BOSS" });
      expect((await roles(first)).U0BOSS).toBe("admin");
      await first.prisma.member.updateMany({ where: { platformUserId: "U0BEN" }, data: { active: false } });
    } finally {
      await first.stop();
    }
    // Ada and Ben are added to the list of a known workspace: a restart makes Ada admin before she types anything.
    const second = await startTestService({ database, env: { WOWBOT_ADMINS: "U0BOSS,U0ADA,U0BEN" } });
    try {
      expect(await roles(second)).toEqual({ U0ADA: "admin", U0BEN: "agent", U0BOSS: "admin" });
      const audit = await second.prisma.auditLog.findMany({ where: { action: "member.role" }, orderBy: { at: "asc" } });
      expect(audit.map((a) => [a.actor, a.subject, a.before, a.after])).toEqual([
        ["config:WOWBOT_ADMINS", "member:U0BOSS", { role: "agent" }, { role: "admin" }],
        ["config:WOWBOT_ADMINS", "member:U0ADA", { role: "agent" }, { role: "admin" }],
      ]);
      second.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
      second.fakeSlack.addUser({ id: "U0ADA", name: "ada" });
      const refused = await second.slack.command({ command: "/wowbot", text: "role <@U0ADA> agent", user_id: "U0BOSS" });
      expect(refused.text).toContain("ada is an admin through WOWBOT_ADMINS: take them off that list first, or the next start makes them admin again.");
      expect((await roles(second)).U0ADA).toBe("admin");
    } finally {
      await second.stop();
      await database.drop();
    }
  });
});
