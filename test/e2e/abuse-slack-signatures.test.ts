// Abuse of the Slack endpoint's signatures: missing, wrong, stale, future, over another body, and a signed request
// replayed within the window. Each is refused (401) or harmless, logged with why, and changes no row anywhere.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changesMadeBy } from "../support/db-snapshot.js";
import { startTestService, type TestService } from "../support/service.js";
import { signSlackRequest } from "../support/slack-requests.js";

const STORY = "stayed late to walk a customer through the whole migration";

describe("abuse: Slack request signatures", () => {
  let t: TestService;
  let seq = 0;
  /** A /wow that would nominate directly (and post), as Slack would form-encode it. */
  const wowBody = () =>
    new URLSearchParams({
      token: "deprecated-verification-token",
      team_id: "T0TEST",
      channel_id: "C0GENERAL",
      user_id: "U0AGENT",
      command: "/wow",
      text: `<@U0NOMINEE> ${STORY}`,
      api_app_id: "A0WOWBOT",
      trigger_id: `sig.${++seq}`,
      response_url: `${t.fakeSlack.url}response/sig.${seq}`,
    }).toString();
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${t.url}/slack/events`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });
  const now = () => Math.floor(Date.now() / 1000);
  const warnings = () => t.logs.filter((l) => l.level === "warn").map((l) => String(l.msg));

  beforeAll(async () => {
    t = await startTestService();
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
    t.fakeSlack.addUser({ id: "U0NOMINEE", name: "grace" });
    // Both people provisioned first, so a refused request has nothing left to create.
    await t.slack.command({ command: "/wowbot", text: "help", user_id: "U0AGENT" });
    await t.slack.command({ command: "/wowbot", text: "help", user_id: "U0NOMINEE" });
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    t.fakeSlack.reset();
    t.logs.length = 0;
  });

  it.each([
    ["without signature headers", () => ({}), "Some headers are missing"],
    ["with a wrong signature", () => ({ ...signSlackRequest("x"), "x-slack-signature": "v0=deadbeef" }), "Signature mismatch"],
    ["signed with another secret", (body: string) => signSlackRequest(body, "not-the-signing-secret"), "Signature mismatch"],
    ["signed over a different body", (body: string) => signSlackRequest(body.replace("stayed", "worked")), "Signature mismatch"],
    ["older than five minutes", (body: string) => signSlackRequest(body, undefined, now() - 6 * 60), "Timestamp is too old"],
    ["with a timestamp that is not a number", (body: string) => ({ ...signSlackRequest(body), "x-slack-request-timestamp": "soon" }), "Timestamp is invalid"],
  ])("refuses a request %s with 401, logs why, and changes nothing", async (_what, headers, reason) => {
    const body = wowBody();
    let status = 0;
    expect(
      await changesMadeBy(t.prisma, async () => {
        status = (await post(body, headers(body))).status;
      }),
    ).toEqual({});
    expect(status).toBe(401);
    expect(t.fakeSlack.calls).toEqual([]);
    expect(warnings().some((m) => m.includes("Request verification failed") && m.includes(reason))).toBe(true);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  it("refuses a timestamp more than five minutes in the future (which Bolt alone accepts), logged; a little skew is fine", async () => {
    const body = wowBody();
    let status = 0;
    expect(
      await changesMadeBy(t.prisma, async () => {
        status = (await post(body, signSlackRequest(body, undefined, now() + 10 * 60))).status;
      }),
    ).toEqual({});
    expect(status).toBe(401);
    expect(t.fakeSlack.calls).toEqual([]);
    expect(warnings()).toContain("Slack request refused: its timestamp is more than 5 minutes in the future");
    const help = new URLSearchParams({ team_id: "T0TEST", user_id: "U0AGENT", command: "/wowbot", text: "help", trigger_id: "skew" }).toString();
    const skewed = await post(help, signSlackRequest(help, undefined, now() + 60));
    expect(skewed.status).toBe(200);
  });

  it("refuses a signed body over 4 MB with 413, logged, changing nothing", async () => {
    const body = `${wowBody()}&padding=${"x".repeat(4 * 1024 * 1024)}`;
    let status = 0;
    expect(
      await changesMadeBy(t.prisma, async () => {
        status = (await post(body, signSlackRequest(body))).status;
      }),
    ).toEqual({});
    expect(status).toBe(413);
    expect(t.fakeSlack.calls).toEqual([]);
    expect(warnings().some((m) => m.includes("Request body exceeded the maximum allowed size"))).toBe(true);
  });

  it("takes a signed request replayed within the window as the same request: one nomination, one post", async () => {
    const body = wowBody();
    const headers = signSlackRequest(body);
    expect((await post(body, headers)).status).toBe(200);
    const after = await t.prisma.nomination.count();
    expect(after).toBe(1);
    // Bolt has no replay cache: the copy is accepted, and the request key (the trigger id) makes it a no-op.
    // (The nominee's directory entry is refreshed on every attempt: its updatedAt is left out.)
    const replay = await changesMadeBy(t.prisma, async () => expect((await post(body, headers)).status).toBe(200), ["Member.updatedAt"]);
    expect(replay).toEqual({});
    await t.deliver();
    expect(t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => c.args.channel === "C0GENERAL")).toHaveLength(1);
  });
});
