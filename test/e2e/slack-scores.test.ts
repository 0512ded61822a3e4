// Quick scores on Slack end to end: /score and the "Score this interaction" button open the form for leads only;
// submissions are scored on the 100-point scale, stored, superseded on re-score, and DMed to the agent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";
import { EQUAL_WEIGHTS, SCORED_CALL_1001 } from "../support/twin-expectations.js";

interface Reply {
  response_type?: string;
  text?: string;
  response_action?: string;
  errors?: Record<string, string>;
  view?: unknown;
}

describe("quick scores on Slack", () => {
  let t: TestService;
  let seq = 0;
  const command = (text: string, user: string) => t.slack.command({ command: "/score", text, user_id: user, trigger_id: `s.${++seq}` });
  const answers = { connection: "1", rapport: "yes", unstatedNeeds: "partly", wow: "na" };
  const submit = async (user: string, fields: Partial<Record<string, string>> = {}, viewId = `V${++seq}`) => {
    const f = { agent: "U0AGENT", reference: "CALL-1001", channel: "phone", ...answers, note: "Lovely opener; ask about the move next time.", ...fields };
    const radio = (v?: string) => ({ type: "radio_buttons", selected_option: v ? { value: v } : null });
    const res = await t.slack.viewSubmission(user, {
      id: viewId,
      callback_id: "score.submit",
      state: {
        values: {
          agent: { agent: { type: "users_select", selected_user: f.agent } },
          reference: { reference: { type: "plain_text_input", value: f.reference } },
          channel: { channel: { type: "static_select", selected_option: f.channel ? { value: f.channel } : null } },
          connection: { connection: radio(f.connection) },
          rapport: { rapport: radio(f.rapport) },
          unstatedNeeds: { unstatedNeeds: radio(f.unstatedNeeds) },
          wow: { wow: radio(f.wow) },
          note: { note: { type: "plain_text_input", value: f.note } },
        },
      },
    });
    return (await res.json()) as Reply;
  };

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    t.fakeSlack.addUser({ id: "U0LEAD", name: "lena" });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
    t.fakeSlack.addUser({ id: "U0OTHER", name: "otto" });
    await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0BOSS" });
    await t.slack.slashCommand({ command: "/wowbot", text: "role <@U0LEAD> lead", user_id: "U0BOSS" });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.prisma.quickScore.updateMany({ data: { supersededById: null } });
    await t.prisma.quickScore.deleteMany();
    await t.prisma.outbox.deleteMany();
    t.fakeSlack.reset();
  });

  it("refuses /score to agents, privately, without opening the form", async () => {
    const reply = await command("<@U0OTHER> CALL-1", "U0AGENT");
    expect(reply.text).toContain("Only leads and admins can score interactions.");
    expect(t.fakeSlack.callsOf("views.open")).toHaveLength(0);
  });

  it("opens the form for a lead, prefilled from `/score @agent reference`", async () => {
    await command("<@U0AGENT|ada> CALL-1001", "U0LEAD");
    const view = t.fakeSlack.callsOf("views.open")[0]?.args.view as {
      callback_id: string;
      blocks: Array<{ element?: { initial_user?: string; initial_value?: string } }>;
    };
    expect(view.callback_id).toBe("score.submit");
    expect(view.blocks[0]?.element?.initial_user).toBe("U0AGENT");
    expect(view.blocks[1]?.element?.initial_value).toBe("CALL-1001");
  });

  it("scores on the 100-point scale, stores the answers and weights, and DMs the agent", async () => {
    const reply = await submit("U0LEAD");
    expect(reply.response_action).toBe("update");
    // connection 1 (0.5 x 25) + rapport yes (25) + unstated partly (12.5), wow n.a.: 50 / 75 = 67
    expect(JSON.stringify(reply.view)).toContain("scored *67/100*");
    const [score] = await t.prisma.quickScore.findMany();
    expect(score).toMatchObject(SCORED_CALL_1001);
    expect(score?.weights).toEqual(EQUAL_WEIGHTS);
    await t.deliver();
    const dm = t.fakeSlack.acceptedCallsOf("chat.postMessage").find((c) => c.args.channel === "U0AGENT");
    const text = JSON.stringify(dm?.args.blocks);
    expect(text).toContain("*67/100*");
    expect(text).toContain("The goal is 80.");
    expect(text).toContain("Addressed unstated needs: *partly*");
    expect(text).toContain("Delivered a wow experience: *n.a.*");
    expect(text).toContain("ask about the move next time");
    expect(await t.prisma.auditLog.count({ where: { action: "score.record", actor: "U0LEAD" } })).toBe(1);
  });

  it("supersedes the earlier score when the same agent and reference are scored again, keeping history", async () => {
    await submit("U0LEAD", { connection: "0", rapport: "no", unstatedNeeds: "no", wow: "no" });
    t.clock.advance(60_000);
    const reply = await submit("U0BOSS", { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    expect(JSON.stringify(reply.view)).toContain("replaces the earlier score of 0");
    const scores = await t.prisma.quickScore.findMany({ orderBy: { createdAt: "asc" } });
    expect(scores.map((s) => s.score)).toEqual([0, 100]);
    expect(scores[0]?.supersededById).toBe(scores[1]?.id);
    expect(scores[1]?.supersededById).toBeNull();
  });

  it("stores one score when the same submission arrives twice", async () => {
    await submit("U0LEAD", {}, "VSAME");
    await submit("U0LEAD", {}, "VSAME");
    expect(await t.prisma.quickScore.count()).toBe(1);
  });

  it.each([
    ["scoring yourself", "U0LEAD", { agent: "U0LEAD" }, "agent", "You can't score your own interactions."],
    ["an agent's hand-made submission", "U0AGENT", { agent: "U0OTHER" }, "agent", "Only leads and admins can score interactions."],
    ["a missing answer", "U0LEAD", { rapport: "" }, "rapport", "Answer yes, partly, no or n.a."],
    ["question 1 left empty", "U0LEAD", { connection: "" }, "connection", "Question 1 needs an answer"],
    ["a missing reference", "U0LEAD", { reference: "  " }, "reference", "Say which interaction"],
  ])("refuses %s next to the right field and stores nothing", async (_what, user, fields, block, message) => {
    const reply = await submit(user, fields);
    expect(reply.response_action).toBe("errors");
    expect(reply.errors?.[block]).toContain(message);
    expect(await t.prisma.quickScore.count()).toBe(0);
    expect(await t.prisma.outbox.count()).toBe(0);
  });

  it("opens the prefilled form from a recognition post for leads and refuses agents", async () => {
    const nominee = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0AGENT" } });
    const nominator = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0OTHER" } }).catch(async () => {
      await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0OTHER" });
      return t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0OTHER" } });
    });
    const n = await t.prisma.nomination.create({
      data: { workspaceId: nominee.workspaceId, nomineeId: nominee.id, nominatorId: nominator.id, story: "x".repeat(30), reference: "CHAT-77" },
    });
    const click = (user: string) =>
      t.slack.blockAction(user, { type: "button", action_id: "nomination.score", value: n.id }, `${t.fakeSlack.url}response/${user}`);
    await click("U0OTHER");
    expect(String(t.fakeSlack.callsOf("response/U0OTHER").at(-1)?.args.text)).toContain("Only leads and admins can score interactions.");
    expect(t.fakeSlack.callsOf("views.open")).toHaveLength(0);
    await click("U0LEAD");
    const view = t.fakeSlack.callsOf("views.open")[0]?.args.view as { blocks: Array<{ element?: { initial_user?: string; initial_value?: string } }> };
    expect(view.blocks[0]?.element?.initial_user).toBe("U0AGENT");
    expect(view.blocks[1]?.element?.initial_value).toBe("CHAT-77");
  });
});
