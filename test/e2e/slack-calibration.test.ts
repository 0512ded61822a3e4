// Blind calibration on Slack end to end (PRODUCT.md §9; twin: teams-calibration): `/score calibrate @agent REF @lead...`
// invites each lead with a Score button (never the agent), nobody sees another's answers until all have scored or the
// deadline (3 workdays) passed, then every lead gets the comparison: answers, scores, spread and agreement.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS"; // admin
const LENA = "U0LENA"; // lead
const MAX = "U0MAX"; // lead
const ADA = "U0ADA"; // agent
const OTTO = "U0OTTO"; // agent

interface Reply {
  text?: string;
  response_action?: string;
  errors?: Record<string, string>;
  view?: unknown;
}

describe("blind calibration on Slack", () => {
  let t: TestService;
  let seq = 0;
  const calibrate = async (text: string, user: string, trigger = `c.${++seq}`) =>
    String((await t.slack.command({ command: "/score", text: `calibrate ${text}`, user_id: user, trigger_id: trigger })).text);
  const start = async () => {
    const reply = await calibrate(`<@${ADA}|ada> CALL-7 <@${LENA}|lena> <@${MAX}|max>`, BOSS);
    expect(reply).toContain("Blind calibration started");
    return (await t.prisma.calibration.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id;
  };
  const click = async (user: string, id: string) => {
    await t.slack.blockAction(user, { type: "button", action_id: "calibration.score", value: id }, `${t.fakeSlack.url}response/${user}`);
    return String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");
  };
  const submit = async (user: string, calibrationId: string, a: { connection: string; rapport: string; unstatedNeeds: string; wow: string; note?: string }) => {
    const radio = (v: string) => ({ type: "radio_buttons", selected_option: v ? { value: v } : null });
    const res = await t.slack.viewSubmission(user, {
      id: `V${++seq}`,
      callback_id: "calibration.submit",
      private_metadata: JSON.stringify({ calibrationId }),
      state: {
        values: {
          connection: { connection: radio(a.connection) },
          rapport: { rapport: radio(a.rapport) },
          unstatedNeeds: { unstatedNeeds: radio(a.unstatedNeeds) },
          wow: { wow: radio(a.wow) },
          note: { note: { type: "plain_text_input", value: a.note ?? null } },
        },
      },
    });
    return (await res.json()) as Reply;
  };
  const dmsTo = (user: string) => t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => c.args.channel === user);
  const shown = (call: { args: Record<string, unknown> } | undefined) => `${String(call?.args.text)}\n${JSON.stringify(call?.args.blocks)}`;
  const comparisonsTo = (user: string) => dmsTo(user).filter((c) => shown(c).includes("Calibration of"));
  const revealJob = () => t.service.scheduler.runNow(t.service.jobs.calibration);

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LENA]: "lena", [MAX]: "max", [ADA]: "ada", [OTTO]: "otto" });
    for (const user of [BOSS, LENA, MAX, ADA, OTTO]) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: user });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LENA}> lead`, user_id: BOSS });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${MAX}> lead`, user_id: BOSS });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.prisma.calibration.deleteMany();
    await t.prisma.outbox.deleteMany();
    await t.prisma.auditLog.deleteMany({ where: { action: { startsWith: "calibration." } } });
    t.clock.set("2026-03-02T09:00:00Z"); // a Monday
    t.fakeSlack.reset();
  });

  it("starts a calibration: an invitation with a Score button to every lead taking part, none to the agent, and a confirmation", async () => {
    const reply = await calibrate(`<@${ADA}|ada> CALL-7 <@${LENA}|lena> <@${MAX}|max>`, BOSS);
    expect(reply).toContain("Blind calibration started");
    expect(reply).toContain(`<@${LENA}>, <@${MAX}> and you each get a Score button`);
    expect(reply).toContain(`<@${ADA}>'s interaction *CALL-7*`);
    // Monday 09:00 + 3 workdays = Thursday 09:00, in the workspace's time zone.
    expect(reply).toContain("*Thursday 5 March, 09:00 (UTC)*");
    const c = await t.prisma.calibration.findFirstOrThrow({ include: { participants: { include: { member: true } } } });
    expect(c.deadline.toISOString()).toBe("2026-03-05T09:00:00.000Z");
    expect(c.participants.map((p) => p.member.platformUserId).sort()).toEqual([BOSS, LENA, MAX].sort());
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.started", actor: BOSS } })).toBe(1);
    await t.deliver();
    for (const lead of [BOSS, LENA, MAX]) {
      const [invite] = dmsTo(lead);
      expect(shown(invite)).toContain("started a blind calibration");
      expect(shown(invite)).toContain("CALL-7");
      expect(JSON.stringify(invite?.args.blocks)).toContain(`"action_id":"calibration.score","value":"${c.id}"`);
    }
    expect(dmsTo(ADA)).toHaveLength(0);
  });

  it("sets the deadline 3 workdays later at the same local time: started Friday 10:00, due Wednesday 10:00", async () => {
    t.clock.set("2026-03-06T10:00:00Z");
    expect(await calibrate(`<@${ADA}> CALL-8 <@${LENA}>`, BOSS)).toContain("*Wednesday 11 March, 10:00 (UTC)*");
    expect((await t.prisma.calibration.findFirstOrThrow()).deadline.toISOString()).toBe("2026-03-11T10:00:00.000Z");
  });

  it.each([
    ["an agent starting one", `<@${ADA}> CALL-7 <@${LENA}>`, OTTO, "Only leads and admins can start a calibration."],
    ["an agent named to score", `<@${ADA}> CALL-7 <@${OTTO}>`, BOSS, "otto is an agent: only leads and admins take part in a calibration."],
    ["the agent named to score their own interaction", `<@${ADA}> CALL-7 <@${ADA}>`, BOSS, "ada can't take part in calibrating their own interaction."],
    ["no one else named", `<@${ADA}> CALL-7`, BOSS, "Name at least one other lead to calibrate with."],
    ["only the starter named", `<@${ADA}> CALL-7 <@${BOSS}>`, BOSS, "Name at least one other lead to calibrate with."],
    ["an unknown person", `<@${ADA}> CALL-7 <@U0NOBODY>`, BOSS, "I can't find that person in this workspace."],
    ["an unknown agent", `<@U0NOBODY> CALL-7 <@${LENA}>`, BOSS, "I can't find that person in this workspace."],
    ["a reference over 200 characters", `<@${ADA}> ${"x".repeat(201)} <@${LENA}>`, BOSS, "The reference can be at most 200 characters (it has 201)."],
    ["no agent first", `CALL-7 <@${LENA}>`, BOSS, "Usage: `/score calibrate @agent REF @lead...`"],
    ["no reference", `<@${ADA}> <@${LENA}>`, BOSS, "Usage: `/score calibrate @agent REF @lead...`"],
    ["words after the leads", `<@${ADA}> CALL-7 <@${LENA}> please`, BOSS, "Usage: `/score calibrate @agent REF @lead...`"],
    ["nothing after calibrate", "", BOSS, "Usage: `/score calibrate @agent REF @lead...`"],
  ])("refuses %s privately and starts nothing", async (_what, text, user, message) => {
    expect(await calibrate(text, user)).toContain(message);
    expect(await t.prisma.calibration.count()).toBe(0);
    expect(await t.prisma.outbox.count()).toBe(0);
  });

  it("starts one calibration when the same command arrives twice", async () => {
    await calibrate(`<@${ADA}> CALL-7 <@${LENA}>`, BOSS, "same-trigger");
    expect(await calibrate(`<@${ADA}> CALL-7 <@${LENA}>`, BOSS, "same-trigger")).toContain("Already started");
    expect(await t.prisma.calibration.count()).toBe(1);
    expect(await t.prisma.outbox.count()).toBe(2);
  });

  it("keeps every answer hidden until all have scored, then sends each lead the comparison (never the agent)", async () => {
    const id = await start();
    await click(LENA, id);
    const modal = t.fakeSlack.callsOf("views.open").at(-1)?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(modal.callback_id).toBe("calibration.submit");
    expect(JSON.parse(modal.private_metadata)).toEqual({ calibrationId: id });
    // The agent and the reference are shown, not asked; the four questions and the note are the quick score's.
    expect(JSON.stringify(modal.blocks[0])).toContain(`<@${ADA}>'s interaction CALL-7`);
    expect(modal.blocks.map((b) => (b as { block_id?: string }).block_id).filter(Boolean)).toEqual(["connection", "rapport", "unstatedNeeds", "wow", "note"]);

    // 2 or more (25) + yes (25) + partly (12.5) + yes (25) = 87.5 -> 88
    const first = await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "partly", wow: "yes", note: "Great opener" });
    expect(JSON.stringify(first.view)).toContain("you scored it *88/100*. 1 of 3 have scored.");
    // 1 (12.5) + yes (25) + no (0) + yes (25) = 62.5 -> 63
    const second = await submit(BOSS, id, { connection: "1", rapport: "yes", unstatedNeeds: "no", wow: "yes" });
    expect(JSON.stringify(second.view)).toContain("you scored it *63/100*. 2 of 3 have scored.");
    expect(JSON.stringify(second.view)).not.toContain("88");
    // Scoring again before the reveal replaces the lead's answers.
    const again = await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "partly", wow: "yes", note: "Great opener" });
    expect(JSON.stringify(again.view)).toContain("It replaces your earlier answers. 2 of 3 have scored.");
    await t.deliver();
    for (const user of [BOSS, LENA, MAX, ADA]) expect(comparisonsTo(user)).toHaveLength(0);
    expect((await t.prisma.calibration.findUniqueOrThrow({ where: { id } })).revealedAt).toBeNull();

    // 2 or more (25) + partly (12.5) + no (0), wow n.a.: 37.5 / 75 = 50. The last score reveals it.
    const last = await submit(MAX, id, { connection: "2", rapport: "partly", unstatedNeeds: "no", wow: "na" });
    expect(JSON.stringify(last.view)).toContain("All 3 of you have scored: the comparison is on its way to each of you by DM.");
    expect((await t.prisma.calibration.findUniqueOrThrow({ where: { id } })).revealedAt).not.toBeNull();
    await t.deliver();
    for (const lead of [BOSS, LENA, MAX]) {
      const [comparison] = comparisonsTo(lead);
      const text = shown(comparison);
      expect(text).toContain(`<@${LENA}>: *88/100*: 1. connection attempts 2 or more · 2. rapport yes · 3. unstated needs partly · 4. wow yes`);
      expect(text).toContain(`<@${BOSS}>: *63/100*: 1. connection attempts 1 · 2. rapport yes · 3. unstated needs no · 4. wow yes`);
      expect(text).toContain(`<@${MAX}>: *50/100*: 1. connection attempts 2 or more · 2. rapport partly · 3. unstated needs no · 4. wow n.a.`);
      expect(text).toContain("Spread: *38 points* (highest 88, lowest 50).");
      expect(text).toContain("Personal emotional connection attempts: 2 of 3 answered *2 or more*");
      expect(text).toContain("Kept the rapport going after the customer responded: 2 of 3 answered *yes*");
      expect(text).toContain("Addressed unstated needs: 2 of 3 answered *no*");
      expect(text).toContain("Delivered a wow experience: 2 of 3 answered *yes*");
      expect(text).toContain("Great opener");
      expect(text).not.toContain("Did not score");
    }
    expect(dmsTo(ADA)).toHaveLength(0);
    // Calibration scores are not quick scores: nothing counts for the agent.
    expect(await t.prisma.quickScore.count()).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.scored" } })).toBe(4);
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.revealed", actor: MAX } })).toBe(1);
  });

  it("reveals at the deadline, not before, listing the lead who never scored", async () => {
    const id = await start();
    await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    await submit(BOSS, id, { connection: "0", rapport: "no", unstatedNeeds: "na", wow: "partly" });
    t.clock.set("2026-03-05T08:59:00Z"); // a minute before the deadline
    await revealJob();
    await t.deliver();
    expect((await t.prisma.calibration.findUniqueOrThrow({ where: { id } })).revealedAt).toBeNull();
    for (const lead of [BOSS, LENA, MAX]) expect(comparisonsTo(lead)).toHaveLength(0);

    t.clock.set("2026-03-05T09:00:00Z");
    await revealJob();
    await revealJob(); // a second run (or replica) reveals nothing twice
    await t.deliver();
    expect((await t.prisma.calibration.findUniqueOrThrow({ where: { id } })).revealedAt?.toISOString()).toBe("2026-03-05T09:00:00.000Z");
    for (const lead of [BOSS, LENA, MAX]) {
      expect(comparisonsTo(lead)).toHaveLength(1);
      const text = shown(comparisonsTo(lead)[0]);
      expect(text).toContain(`Did not score: <@${MAX}>.`);
      // 100 and 0 + partly (12.5) of 75 = 17
      expect(text).toContain("Spread: *83 points* (highest 100, lowest 17).");
      expect(text).toContain("Personal emotional connection attempts: 1 of 2 answered *0*");
    }
    expect(dmsTo(ADA)).toHaveLength(0);
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.revealed", actor: "system" } })).toBe(1);
  });

  it("refuses Score to anyone not taking part, and a forged submission stores nothing", async () => {
    await calibrate(`<@${ADA}> CALL-9 <@${LENA}>`, BOSS);
    const { id } = await t.prisma.calibration.findFirstOrThrow();
    expect(await click(MAX, id)).toContain("Only the leads taking part in this calibration can score it.");
    expect(await click(OTTO, id)).toContain("Only the leads taking part in this calibration can score it.");
    expect(t.fakeSlack.callsOf("views.open")).toHaveLength(0);
    const forged = await submit(MAX, id, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    expect(forged.errors?.connection).toBe("Only the leads taking part in this calibration can score it.");
    expect(await click(LENA, "00000000-0000-4000-8000-000000000000")).toContain("That calibration doesn't exist.");
    expect(await t.prisma.calibrationParticipant.count({ where: { scoredAt: { not: null } } })).toBe(0);
  });

  it("says the calibration is closed to a Score click or a submission after the reveal", async () => {
    await calibrate(`<@${ADA}> CALL-10 <@${LENA}>`, BOSS);
    const { id } = await t.prisma.calibration.findFirstOrThrow();
    await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    await submit(BOSS, id, { connection: "1", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    expect(await click(LENA, id)).toContain("This calibration is closed");
    const late = await submit(LENA, id, { connection: "0", rapport: "no", unstatedNeeds: "no", wow: "no" });
    expect(late.errors?.connection).toContain("This calibration is closed");
    const seat = await t.prisma.calibrationParticipant.findFirstOrThrow({ where: { calibrationId: id, member: { platformUserId: LENA } } });
    expect(seat.score).toBe(100);
  });

  it("lists /score calibrate in help", async () => {
    const reply = await t.slack.command({ command: "/wowbot", text: "help", user_id: LENA });
    expect(JSON.stringify(reply)).toContain("/score calibrate @agent REF @lead...");
  });
});
