// Shrunk counterexamples from the Slack fuzz tests (test/fuzz/slack-payloads.test.ts), kept as plain cases: signed
// payloads with missing or mistyped parts still get an answer, and nothing logs an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorLinesSince } from "../support/fuzz.js";
import { creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

describe("malformed Slack payloads", () => {
  let t: TestService;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
  });
  afterAll(() => t.stop());

  it.each([
    ["without state", {}],
    ["with null state values", { state: { values: null } }],
    ["with mistyped inputs", { state: { values: { date: { date: { selected_date: 20260302 } }, note: null } } }],
  ])("answers a paid-day form submission %s with the problem beside the date input", async (_how, view) => {
    const from = t.logs.length;
    const res = await t.slack.viewSubmission("U0BOSS", { id: `V${++seq}`, callback_id: "pto.request.submit", ...view });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_action: "errors", errors: { date: "Choose the day." } });
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });

  it("answers a settings submission with checkboxes that are not a list, saying what is wrong", async () => {
    const from = t.logs.length;
    const res = await t.slack.viewSubmission("U0BOSS", {
      id: `V${++seq}`,
      callback_id: "settings.submit",
      state: { values: { workdays: { workdays: { type: "checkboxes", selected_options: "monday" } } } },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors.workdays).toBeTruthy();
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });

  it("opens the nomination form from the message shortcut on a message whose text and author are not text", async () => {
    const from = t.logs.length;
    const trigger = `trig.shortcut.${++seq}`;
    const res = await t.slack.interaction({
      type: "message_action",
      callback_id: "nominate_for_wow",
      team: { id: "T0TEST", domain: "wowbot-test" },
      user: { id: "U0BOSS", team_id: "T0TEST" },
      channel: { id: "C0TEAM", name: "team" },
      api_app_id: "A0WOWBOT",
      trigger_id: trigger,
      response_url: `${t.fakeSlack.url}response/shortcut`,
      message_ts: "1700000000.000100",
      message: { type: "message", text: false, user: 42, ts: "1700000000.000100" },
    });
    expect(res.status).toBe(200);
    const opened = t.fakeSlack.callsOf("views.open").filter((c) => c.args.trigger_id === trigger);
    expect(opened).toHaveLength(1);
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });

  it("answers an App Home event and a mention whose user id is not well-formed text without an error", async () => {
    const from = t.logs.length;
    const event = await t.slack.event({ type: "app_home_opened", user: "\ud800", channel: "D0HOME", tab: "home", event_ts: "1700000000.000200" });
    expect(event.status).toBe(200);
    const reply = await t.slack.command({ command: "/wow", text: "<@\ud800> stayed late to rebook a whole family after the storm", user_id: "U0BOSS" });
    expect(reply.text).toContain("I can't find that person in this workspace.");
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });

  it("answers a paid-day request for a month that does not exist with the problem beside the date input", async () => {
    await t.slack.command({ command: "/pto", user_id: "U0BOSS" });
    const boss = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0BOSS" } });
    await creditOpeningBalance(t.prisma, boss, 16, "malformed:opening");
    const from = t.logs.length;
    const res = await t.slack.viewSubmission("U0BOSS", {
      id: `V${++seq}`,
      callback_id: "pto.request.submit",
      state: { values: { date: { date: { type: "datepicker", selected_date: "2026-13-01" } } } },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_action: "errors", errors: { date: '"2026-13-01" is not a date: use YYYY-MM-DD.' } });
    expect(await t.prisma.ptoRequest.count()).toBe(0);
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });

  it("answers payloads with NUL characters in a user id and a story as if they were not there", async () => {
    t.fakeSlack.addUser({ id: "U0GRACE", name: "grace" });
    const from = t.logs.length;
    const res = await t.slack.viewSubmission("U0BOSS", {
      id: `V${++seq}`,
      callback_id: "nomination.submit",
      state: { values: { nominee: { nominee: { type: "users_select", selected_user: "\u0000\u0001\u001f" } } } },
    });
    expect(await res.json()).toEqual({ response_action: "errors", errors: { nominee: "I can't find that person in this workspace." } });
    const reply = await t.slack.command({
      command: "/wow",
      text: "<@U0GRACE\u0000> stayed late to rebook a whole family\u0000 after the storm",
      user_id: "U0BOSS",
    });
    expect(reply.text).toContain("Your wow nomination for <@U0GRACE> is in");
    expect(await t.prisma.nomination.findFirst({ select: { story: true } })).toEqual({ story: "stayed late to rebook a whole family after the storm" });
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });
});
