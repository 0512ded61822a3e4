// /wowbot settings: admins only; the modal shows the current values; a valid change is saved and audit-logged,
// an invalid one is refused next to its input with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

interface Reply {
  text?: string;
  response_action?: string;
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
      weight_connection: "40",
      weight_rapport: "20",
      weight_unstatedNeeds: "20",
      weight_wow: "20",
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
    expect(initial).toMatchObject({ nominationsPerDay: "5", scoreGoal: "80", weight_connection: "25", weight_wow: "25" });
  });

  it("saves a valid change, audit-logged", async () => {
    const reply = await submit("U0BOSS", {});
    expect(reply.response_action).toBe("clear");
    expect(await settingsOf()).toMatchObject({
      recognitionChannel: "C0WOWS",
      nominationsPerDay: 3,
      scoreGoal: 85,
      scoreWeights: { connection: 40, rapport: 20, unstatedNeeds: 20, wow: 20 },
    });
    expect(await t.prisma.auditLog.findFirst({ where: { action: "settings.update" } })).toMatchObject({ actor: "U0BOSS" });
  });

  it.each([
    ["weights that don't add up to 100", { weight_wow: "30" }, "weight_connection", "question weights must add up to 100"],
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

  it("refuses a hand-made submission from a non-admin", async () => {
    const reply = await submit("U0AGENT", { scoreGoal: "10" });
    expect(reply.response_action).toBe("errors");
    expect(Object.values(reply.errors ?? {})[0]).toContain("Only admins can change wowbot's settings.");
    expect((await settingsOf()).scoreGoal).toBe(85);
  });
});
