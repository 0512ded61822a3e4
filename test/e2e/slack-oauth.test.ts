// OAuth distribution: /slack/install sends the installer to Slack, /slack/oauth_redirect stores the installation in
// the database and provisions the workspace (installer's time zone, installer as admin); requests from that team are
// then authorised from the stored installation, and deliveries use its token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

describe("Slack OAuth distribution", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ slackOAuth: true });
    t.fakeSlack.addUser({ id: "U0INSTALLER", name: "ines", tz: "America/Chicago" });
    t.fakeSlack.addUser({ id: "U0MATE", name: "mo" });
  });
  afterAll(() => t.stop());

  it("installs: redirect to Slack with state, callback stores the installation and provisions the workspace", async () => {
    const install = await fetch(`${t.url}/slack/install`, { redirect: "manual" });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get("location") ?? "");
    expect(location.pathname).toBe("/oauth/v2/authorize");
    expect(location.searchParams.get("scope")).toBe(
      "commands,chat:write,chat:write.public,users:read,users:read.email,im:write,files:write,usergroups:read,channels:read,groups:read",
    );
    const state = location.searchParams.get("state") ?? "";
    const cookie = (install.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

    const forged = await fetch(`${t.url}/slack/oauth_redirect?code=abc&state=forged`, { headers: { cookie } });
    expect(forged.status).not.toBe(200);
    expect(await t.prisma.slackInstallation.count()).toBe(0);

    const callback = await fetch(`${t.url}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(callback.status).toBe(200);
    expect(t.fakeSlack.callsOf("oauth.v2.access")[0]?.args).toMatchObject({ code: "abc", client_id: "1234.5678" });

    const stored = await t.prisma.slackInstallation.findUniqueOrThrow({ where: { installKey: "T0NEW" } });
    expect(stored).toMatchObject({ teamId: "T0NEW", installerUserId: "U0INSTALLER" });
    const ws = await t.prisma.workspace.findFirstOrThrow({ where: { platform: "slack", externalId: "T0NEW" } });
    expect(ws).toMatchObject({ name: "New Team", timezone: "America/Chicago" });
    const installer = await t.prisma.member.findFirstOrThrow({ where: { workspaceId: ws.id, platformUserId: "U0INSTALLER" } });
    expect(installer.role).toBe("admin");
  });

  it("authorises requests of an installed team from the stored installation and delivers with its token", async () => {
    const help = await t.slack.command({ command: "/wowbot", text: "help", team_id: "T0NEW", user_id: "U0MATE" });
    expect(help.status).toBe(200);
    expect(help.text).toContain("/wowbot help");

    const story = "Walked a first-time customer through the whole setup and stayed until it worked.";
    const res = await t.slack.command({ command: "/wow", text: `<@U0INSTALLER> ${story}`, team_id: "T0NEW", user_id: "U0MATE", trigger_id: "oauth.1" });
    expect(res.text).toContain("is in");
    await t.deliver();
    const post = t.fakeSlack.acceptedCallsOf("chat.postMessage").find((c) => c.args.channel === "C0GENERAL");
    expect(post?.token).toBe("xoxb-new-team-installed-token");
  });

  it("does not serve a team that never installed the app", async () => {
    const res = await t.slack.command({ command: "/wowbot", text: "help", team_id: "T0STRANGER", user_id: "U0X" });
    // Bolt answers an unauthorised team without running any listener (and without inviting a Slack retry).
    expect(res.text).not.toContain("/wowbot help");
    expect(JSON.stringify(t.logs)).toContain("no Slack installation for T0STRANGER");
    expect(await t.prisma.workspace.count({ where: { externalId: "T0STRANGER" } })).toBe(0);
  });
});
