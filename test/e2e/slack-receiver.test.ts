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

  it("acknowledges a button click before looking the clicker up, so a slow users.info cannot hold the answer Slack waits for", async () => {
    t.fakeSlack.addUser({ id: "U0SLOWCLICK", name: "slow clicker" });
    const release = t.fakeSlack.hold("users.info");
    const click = t.slack.blockAction(
      "U0SLOWCLICK",
      { type: "button", action_id: "nomination.second", value: "00000000-0000-4000-8000-000000000000" },
      `${t.fakeSlack.url}response/slow-click`,
    );
    // While users.info is held, the acknowledgement must already be back; give a loaded machine plenty of time.
    const early = await Promise.race([click.then((r) => r.status), new Promise((resolve) => setTimeout(() => resolve("not acknowledged"), 5_000))]);
    release();
    expect(early).toBe(200);
    // The lookup and the click's work still happen after the acknowledgement: the clicker gets the private answer.
    let reply: Record<string, unknown> | undefined;
    for (let waited = 0; !reply && waited < 10_000; waited += 50) {
      reply = t.fakeSlack.callsOf("response/slow-click").at(-1)?.args;
      if (!reply) await new Promise((r) => setTimeout(r, 50));
    }
    expect(String(reply?.text)).toContain("doesn't exist");
    expect(t.fakeSlack.callsOf("users.info").some((c) => c.args.user === "U0SLOWCLICK")).toBe(true);
  });
});
