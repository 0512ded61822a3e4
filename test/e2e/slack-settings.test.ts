// /wowbot settings: admins only; the modal shows the current values; a valid change is saved and audit-logged,
// an invalid one is refused next to its input with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";
import { fullFormSettings } from "../support/twin-expectations.js";

interface Reply {
  text?: string;
  response_action?: string;
  view?: unknown;
  errors?: Record<string, string>;
}

describe("/wowbot settings", () => {
  let t: TestService;
  let seq = 0;
  const settingsOf = async () => ((await t.prisma.workspace.findFirstOrThrow({ where: { externalId: "T0TEST" } })).settings ?? {}) as Record<string, unknown>;
  const submit = async (user: string, values: Record<string, string>, channel: string | null = "C0WOWS") => {
    const input = (v: string) => ({ type: "number_input", value: v });
    const v = {
      nominationsPerDay: "3",
      scoreGoal: "85",
      "scoreWeights.connection": "40",
      "scoreWeights.rapport": "20",
      "scoreWeights.unstatedNeeds": "20",
      "scoreWeights.wow": "20",
      ...values,
    };
    const res = await t.slack.viewSubmission(user, {
      id: `VS${++seq}`,
      callback_id: "settings.submit",
      state: {
        values: {
          recognitionChannel: { recognitionChannel: { type: "conversations_select", selected_conversation: channel } },
          ...Object.fromEntries(Object.entries(v).map(([k, value]) => [k, { [k]: input(value) }])),
        },
      },
    });
    const body = await res.text();
    return (body ? JSON.parse(body) : {}) as Reply;
  };

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
  });
  afterAll(() => t.stop());

  it("refuses non-admins, opening nothing", async () => {
    const reply = await t.slack.command({ command: "/wowbot", text: "settings", user_id: "U0AGENT" });
    expect(reply.text).toContain("Only admins can change wowbot's settings.");
    expect(t.fakeSlack.callsOf("views.open")).toHaveLength(0);
  });

  it("opens the modal for admins with the current values", async () => {
    await t.slack.slashCommand({ command: "/wowbot", text: "settings", user_id: "U0BOSS" });
    const view = t.fakeSlack.callsOf("views.open")[0]?.args.view as {
      callback_id: string;
      blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>;
    };
    expect(view.callback_id).toBe("settings.submit");
    const initial = Object.fromEntries(view.blocks.filter((b) => b.element?.initial_value).map((b) => [b.block_id, b.element?.initial_value]));
    expect(initial).toMatchObject({ nominationsPerDay: "5", scoreGoal: "80", "scoreWeights.connection": "25", "scoreWeights.wow": "25" });
  });

  it("saves a valid change, audit-logged", async () => {
    const reply = await submit("U0BOSS", {});
    // Saving used to close the form without a word: it says what changed.
    expect(reply.response_action).toBe("update");
    expect(JSON.stringify(reply.view)).toContain(
      "Settings saved. Changed: recognition channel, nominations per person per day, quick-score goal and question weights.",
    );
    expect(JSON.stringify((await submit("U0BOSS", {})).view)).toContain("Settings saved: nothing changed.");
    expect(await settingsOf()).toMatchObject({
      recognitionChannel: "C0WOWS",
      nominationsPerDay: 3,
      scoreGoal: 85,
      scoreWeights: { connection: 40, rapport: 20, unstatedNeeds: 20, wow: 20 },
    });
    expect(await t.prisma.auditLog.findFirst({ where: { action: "settings.update" } })).toMatchObject({ actor: "U0BOSS" });
  });

  it.each([
    ["weights that don't add up to 100", { "scoreWeights.wow": "30" }, "scoreWeights.connection", "question weights must add up to 100"],
    ["an empty score goal", { scoreGoal: "" }, "scoreGoal", "must be a whole number from 0 to 100"],
    ["a zero daily limit", { nominationsPerDay: "0" }, "nominationsPerDay", "must be a whole number from 1 to 100"],
  ])("refuses %s next to its input and saves nothing", async (_what, values, block, message) => {
    const before = await settingsOf();
    const audits = await t.prisma.auditLog.count();
    const reply = await submit("U0BOSS", values, "C0OTHER");
    expect(reply.response_action).toBe("errors");
    expect(reply.errors?.[block]).toBe(message);
    expect(await settingsOf()).toEqual(before);
    expect(await t.prisma.auditLog.count()).toBe(audits);
  });

  it("saves the lead digest's thresholds, and refuses out-of-range ones next to their input", async () => {
    await t.slack.slashCommand({ command: "/wowbot", text: "settings", user_id: "U0BOSS" });
    const view = t.fakeSlack.callsOf("views.open").at(-1)?.args.view as { blocks: Array<{ block_id?: string; element?: { initial_value?: string } }> };
    const initial = Object.fromEntries(view.blocks.filter((b) => b.element?.initial_value).map((b) => [b.block_id, b.element?.initial_value]));
    expect(initial).toMatchObject({ riskThresholdPoints: "3", serviceLevelTarget: "80", idleChatThresholdSeconds: "120" });

    const reply = await submit("U0BOSS", { riskThresholdPoints: "2.5", serviceLevelTarget: "85.5", idleChatThresholdSeconds: "300" });
    expect(JSON.stringify(reply.view)).toContain("Settings saved. Changed: attendance risk, service-level target and idle-chat threshold.");
    expect(await settingsOf()).toMatchObject({ riskThresholdPoints: 2.5, serviceLevelTarget: 85.5, idleChatThresholdSeconds: 300 });

    const bad = await submit("U0BOSS", { serviceLevelTarget: "120", idleChatThresholdSeconds: "1.5" });
    expect(bad.errors).toEqual({
      serviceLevelTarget: "must be a percentage from 0 to 100",
      idleChatThresholdSeconds: "must be a whole number from 1 to 86400",
    });
    expect(await settingsOf()).toMatchObject({ serviceLevelTarget: 85.5, idleChatThresholdSeconds: 300 });
  });

  describe("attendance, PTO, schedule and time zone", () => {
    const fullForm = (over: Record<string, unknown> = {}) => {
      const f = {
        leadsChannel: "C0LEADS",
        digestTime: "08:30",
        workdays: ["1", "2", "3", "4", "6"],
        timezone: "America/Los_Angeles",
        attendancePeriod: "two-week",
        points_absence: "2",
        points_late: "0.5",
        points_excused: "0",
        rewardTiers: "2, 4, 6.5",
        hoursPerPaidDay: "7.5",
        accrualCapHours: "40",
        ...over,
      };
      return {
        leadsChannel: { leadsChannel: { type: "conversations_select", selected_conversation: f.leadsChannel } },
        digestTime: { digestTime: { type: "timepicker", selected_time: f.digestTime } },
        workdays: { workdays: { type: "checkboxes", selected_options: (f.workdays as string[]).map((value) => ({ value })) } },
        timezone: { timezone: { type: "plain_text_input", value: f.timezone } },
        attendancePeriod: { attendancePeriod: { type: "static_select", selected_option: { value: f.attendancePeriod } } },
        "pointsPerType.absence": { "pointsPerType.absence": { type: "number_input", value: f.points_absence } },
        "pointsPerType.late": { "pointsPerType.late": { type: "number_input", value: f.points_late } },
        "pointsPerType.excused": { "pointsPerType.excused": { type: "number_input", value: f.points_excused } },
        rewardTiers: { rewardTiers: { type: "plain_text_input", value: f.rewardTiers } },
        hoursPerPaidDay: { hoursPerPaidDay: { type: "number_input", value: f.hoursPerPaidDay } },
        accrualCapHours: { accrualCapHours: { type: "number_input", value: f.accrualCapHours } },
      };
    };
    const submitForm = async (values: Record<string, unknown>) => {
      const res = await t.slack.viewSubmission("U0BOSS", { id: `VS${++seq}`, callback_id: "settings.submit", state: { values } });
      const body = await res.text();
      return (body ? JSON.parse(body) : {}) as Reply;
    };
    const workspace = () => t.prisma.workspace.findFirstOrThrow({ where: { externalId: "T0TEST" } });

    it("shows them in the modal with their current values", async () => {
      t.fakeSlack.reset();
      await t.slack.slashCommand({ command: "/wowbot", text: "settings", user_id: "U0BOSS" });
      const view = JSON.stringify(t.fakeSlack.callsOf("views.open")[0]?.args.view);
      for (const fragment of ['"initial_time":"09:00"', '"initial_value":"2, 3, 4"', '"initial_value":"UTC"', "Calendar month", "Points per late arrival"]) {
        expect(view).toContain(fragment);
      }
    });

    it("saves them together with the time zone, audit-logged", async () => {
      expect((await submitForm(fullForm())).response_action).toBe("update");
      const ws = await workspace();
      expect(ws.timezone).toBe("America/Los_Angeles");
      expect(ws.settings).toMatchObject(fullFormSettings("C0LEADS"));
      const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { at: "desc" } });
      expect(audit.before).toMatchObject({ timezone: "UTC" });
      expect(audit.after).toMatchObject({ timezone: "America/Los_Angeles", hoursPerPaidDay: 7.5 });
      expect(JSON.stringify((await submitForm(fullForm({ accrualCapHours: "" }))).view)).toContain("Settings saved. Changed: accrual cap.");
      expect((await workspace()).settings).toMatchObject({ accrualCapHours: null });
    });

    it("refuses every bad value next to its own input, saving nothing", async () => {
      const before = await workspace();
      const reply = await submitForm(fullForm({ timezone: "Mars/Olympus", workdays: [], rewardTiers: "2, lots", points_late: "11", hoursPerPaidDay: "0" }));
      expect(reply.response_action).toBe("errors");
      expect(reply.errors).toEqual({
        timezone: '"Mars/Olympus" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York.',
        workdays: "choose at least one workday",
        rewardTiers: "must be a number of hours above 0 and up to 1000, in steps of 0.01",
        "pointsPerType.late": "must be a number of points from 0 to 10",
        hoursPerPaidDay: "must be a number of hours above 0 and up to 1000, in steps of 0.01",
      });
      const after = await workspace();
      expect([after.timezone, after.settings]).toEqual([before.timezone, before.settings]);
    });
  });

  it("refuses a hand-made submission from a non-admin", async () => {
    const reply = await submit("U0AGENT", { scoreGoal: "10" });
    expect(reply.response_action).toBe("errors");
    expect(Object.values(reply.errors ?? {})[0]).toContain("Only admins can change wowbot's settings.");
    expect((await settingsOf()).scoreGoal).toBe(85);
  });
});
