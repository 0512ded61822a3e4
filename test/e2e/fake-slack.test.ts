// The fake Slack Web API answers the real Slack client as Slack would, including scripted outages and rate
// limits: later features' delivery tests depend on it telling the truth.
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";

describe("fake Slack Web API", () => {
  let slack: FakeSlack;
  let client: webApi.WebClient;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    client = new webApi.WebClient("xoxb-test", { slackApiUrl: slack.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  });
  afterAll(() => slack.stop());

  it("records calls with decoded blocks and answers with plausible fields", async () => {
    const res = await client.chat.postMessage({ channel: "C1", text: "hi", blocks: [{ type: "section", text: { type: "mrkdwn", text: "hi" } }] });
    expect(res).toMatchObject({ ok: true, channel: "C1", ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    const [call] = slack.callsOf("chat.postMessage");
    expect(call).toMatchObject({ token: "xoxb-test", args: { channel: "C1", blocks: [{ type: "section" }] } });
  });

  it("serves users with bot and deleted flags, and user_not_found for strangers", async () => {
    slack.addUser({ id: "U1", name: "ada", tz: "Europe/London", email: "ada@example.com" });
    slack.addUser({ id: "U2", isBot: true });
    const ada = await client.users.info({ user: "U1" });
    expect(ada.user).toMatchObject({ id: "U1", tz: "Europe/London", is_bot: false, deleted: false, profile: { email: "ada@example.com" } });
    expect((await client.users.info({ user: "U2" })).user?.is_bot).toBe(true);
    await expect(client.users.info({ user: "U9" })).rejects.toMatchObject({ data: { error: "user_not_found" } });
  });

  it("rate-limits with 429 and Retry-After, then recovers", async () => {
    slack.fail("chat.postMessage", { status: 429, retryAfter: 7 });
    await expect(client.chat.postMessage({ channel: "C1", text: "x" })).rejects.toMatchObject({ code: "slack_webapi_rate_limited_error", retryAfter: 7 });
    await expect(client.chat.postMessage({ channel: "C1", text: "x" })).resolves.toMatchObject({ ok: true });
  });

  it("fails with HTTP 500s for a scripted number of calls, and with Slack error codes", async () => {
    slack.fail("chat.update", { status: 500, times: 2 });
    await expect(client.chat.update({ channel: "C1", ts: "1.1", text: "x" })).rejects.toMatchObject({ code: "slack_webapi_http_error", statusCode: 500 });
    await expect(client.chat.update({ channel: "C1", ts: "1.1", text: "x" })).rejects.toMatchObject({ statusCode: 500 });
    await expect(client.chat.update({ channel: "C1", ts: "1.1", text: "x" })).resolves.toMatchObject({ ok: true });
    slack.fail("conversations.open", { error: "user_disabled" });
    await expect(client.conversations.open({ users: "U1" })).rejects.toMatchObject({ code: "slack_webapi_platform_error", data: { error: "user_disabled" } });
  });

  it("takes files through the external upload flow on loopback, and refuses to complete one never uploaded", async () => {
    const content = 'a,b\r\n"x, y",ü\r\n';
    const res = await client.files.uploadV2({ channel_id: "D1", file: Buffer.from(content, "utf8"), filename: "t.csv", title: "T", initial_comment: "here" });
    expect(res.ok).toBe(true);
    const [upload] = slack.filesSharedIn("D1");
    expect(upload).toMatchObject({ filename: "t.csv", length: Buffer.byteLength(content), completed: { channel: "D1", title: "T", initialComment: "here" } });
    expect(upload?.bytes?.toString("utf8")).toBe(content);
    expect(slack.callsOf("upload")).toHaveLength(1);

    const { file_id } = await client.files.getUploadURLExternal({ filename: "never.csv", length: 3 });
    await expect(client.files.completeUploadExternal({ files: [{ id: String(file_id) }], channel_id: "D1" })).rejects.toMatchObject({
      data: { error: "file_not_found" },
    });
    expect(slack.filesSharedIn("D1")).toHaveLength(1);
  });
});
