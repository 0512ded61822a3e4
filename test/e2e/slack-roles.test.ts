// Roles on Slack: WOWBOT_ADMINS and Slack's own admins start as admins; only admins change roles; every change
// is audit-logged; a workspace never loses its last admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
