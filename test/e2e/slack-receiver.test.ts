// Slack end to end: signed requests into the real Bolt receiver on POST /slack/events, replies checked as Slack
// would see them, Web API calls captured by the fake Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";
import { signSlackRequest } from "../support/slack-requests.js";

describe("Slack receiver", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService();
  });
  afterAll(() => t.stop());

  it("answers /wowbot help privately with the command list", async () => {
    const body = await t.slack.command({ command: "/wowbot", text: "help" });
    expect(body.status).toBe(200);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("/wowbot help");
    expect(body.blocks?.[0]?.type).toBe("section");
  });

  it("answers unknown input with usage, without echoing mentions", async () => {
    const body = await t.slack.command({ command: "/wowbot", text: "frobnicate <!channel>" });
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("I don't know `frobnicate &lt;!channel&gt;`");
    expect(body.text).not.toContain("<!channel>");
    expect(body.text).toContain("/wowbot help");
  });

  it("looks up the bot identity with auth.test against the configured Slack API URL", () => {
    const authTests = t.fakeSlack.callsOf("auth.test");
    expect(authTests.length).toBeGreaterThanOrEqual(1);
    expect(authTests[0]?.token).toBe("xoxb-1234-5678-testtokenvalue");
  });

  it("answers Slack's URL verification challenge, so the Events URL can be saved in the app settings", async () => {
    const body = JSON.stringify({ token: "x", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    const res = await t.slack.post(body, "application/json");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("refuses a request with a wrong signature (401) and runs no listener", async () => {
    const before = t.fakeSlack.calls.length;
    const res = await t.slack.slashCommand({ command: "/wowbot", text: "help" }, { "x-slack-signature": "v0=deadbeef" });
    expect(res.status).toBe(401);
    expect(t.fakeSlack.calls.length).toBe(before);
  });

  it("refuses a correctly signed request older than five minutes (replay)", async () => {
    const body = new URLSearchParams({ command: "/wowbot", text: "help", team_id: "T0TEST", user_id: "U1", channel_id: "C1" }).toString();
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await t.slack.post(body, "application/x-www-form-urlencoded", signSlackRequest(body, undefined, stale));
    expect(res.status).toBe(401);
  });

  it("refuses a request without signature headers", async () => {
    const res = await fetch(`${t.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "command=%2Fwowbot",
    });
    expect(res.status).toBe(401);
  });

  it("never writes the bot token or signing secret to the logs", () => {
    const all = JSON.stringify(t.logs);
    expect(t.logs.length).toBeGreaterThan(0);
    expect(all).not.toContain("testtokenvalue");
    expect(all).not.toContain("8f742231b10e8888abcd99yyyzzz85a5");
  });
});

describe("Slack receiver in production mode (acknowledge before processing)", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ processBeforeResponse: false });
  });
  afterAll(() => t.stop());

  it("still answers /wowbot help in the HTTP response", async () => {
    const res = await t.slack.command({ command: "/wowbot", text: "help" }, undefined, { waitMs: 3_000 });
    expect(res.status).toBe(200);
    expect(res.text).toContain("/wowbot help");
  });
});
