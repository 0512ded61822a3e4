// Quick scores on Teams end to end (twin of slack-scores): "score" and the "Score this" button open the dialog for
// leads only (checked again when the dialog opens); submissions are scored, stored, superseded on re-score, and sent
// to the agent privately.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { cardOf, dialogCard, type TaskBody } from "../support/teams-cards.js";
import { personalConversationId } from "../support/teams-requests.js";
import { EQUAL_WEIGHTS, SCORED_CALL_1001 } from "../support/twin-expectations.js";

const user = (n: number, name: string): FakeTeamsUser => ({
  id: `29:account-${n}`,
  aadObjectId: `cccccccc-0000-4000-8000-00000000000${n}`,
  name,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
});
const boss = user(1, "Boss Admin");
const lena = user(2, "Lena Lead");
const ada = user(3, "Ada Agent");
const otto = user(4, "Otto Agent");

describe("quick scores on Teams", () => {
  let t: TestService;
  let seq = 0;
  const answers = { connection: "1", rapport: "yes", unstatedNeeds: "partly", wow: "na" };
  /** A score dialog submission; `dialog` stands for the id wowbot puts in each dialog it opens. */
  const submit = async (from: FakeTeamsUser, fields: Partial<Record<string, string>> = {}, dialog = `dialog-${++seq}-abcdef`) => {
    const f = { agent: ada.aadObjectId, reference: "CALL-1001", channel: "phone", ...answers, note: "Lovely opener; ask about the move next time.", ...fields };
    const res = await t.teams.post(t.teams.taskSubmit(from, { wowbot: "form.submit", form: "form.score", dialog, ...f }));
    expect(res.status).toBe(200);
    return res.body as TaskBody;
  };

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId } });
    for (const u of [boss, lena, ada, otto]) {
      t.fakeTeams.addMember(u);
      await t.teams.post(t.teams.message(u, "help"));
    }
    await t.teams.post(t.teams.message(boss, `wowbot role @${lena.name} lead`, { mentions: [lena] }));
  });
  afterAll(() => t?.stop());
  beforeEach(async () => {
    await t.prisma.quickScore.updateMany({ data: { supersededById: null } });
    await t.prisma.quickScore.deleteMany();
    await t.prisma.outbox.deleteMany();
    t.fakeTeams.clear();
  });

  it("refuses 'score' to agents, privately, without a dialog button; a forged dialog open is refused too", async () => {
    await t.teams.post(t.teams.message(ada, `score @${otto.name} CALL-1`, { mentions: [otto] }));
    const reply = t.fakeTeams.to(personalConversationId(ada)).at(-1);
    expect(reply?.activity.text).toContain("Only leads and admins can score interactions.");
    expect(JSON.stringify(reply?.activity)).not.toContain("form.open");
    const fetched = await t.teams.post(t.teams.taskFetch(ada, { wowbot: "form.open", form: "form.score", agent: otto.aadObjectId }));
    expect(fetched.body).toEqual({ task: { type: "message", value: "Only leads and admins can score interactions." } });
  });

  it("opens the dialog for a lead, prefilled from 'score @agent reference'", async () => {
    await t.teams.post(t.teams.message(lena, `score @${ada.name} CALL-1001`, { mentions: [ada] }));
    const button = cardOf(t.fakeTeams.to(personalConversationId(lena)).at(-1))?.actions?.[0];
    expect(button?.data).toMatchObject({ wowbot: "form.open", form: "form.score", agent: ada.aadObjectId, reference: "CALL-1001" });
    const card = dialogCard((await t.teams.post(t.teams.taskFetch(lena, button?.data ?? {}))).body);
    expect(card.body.find((e) => e.id === "agent")).toMatchObject({ value: ada.aadObjectId, choices: [{ title: ada.name, value: ada.aadObjectId }] });
    expect(card.body.find((e) => e.id === "reference")).toMatchObject({ value: "CALL-1001" });
    expect(card.actions?.[0]?.data).toMatchObject({ wowbot: "form.submit", form: "form.score", dialog: expect.stringMatching(/^[\w-]{8,64}$/) });
  });

  it("scores on the 100-point scale, stores the answers and weights, and sends the agent the details", async () => {
    const done = await submit(lena);
    // connection 1 (0.5 x 25) + rapport yes (25) + unstated partly (12.5), wow n.a.: 50 / 75 = 67
    expect(done.task).toEqual({ type: "message", value: expect.stringContaining(`Saved: ${ada.name} scored 67/100.`) });
    const [score] = await t.prisma.quickScore.findMany();
    expect(score).toMatchObject(SCORED_CALL_1001);
    expect(score?.weights).toEqual(EQUAL_WEIGHTS);
    await t.deliver();
    const dm = JSON.stringify(cardOf(t.fakeTeams.to(personalConversationId(ada)).at(-1)));
    expect(dm).toContain("67/100");
    expect(dm).toContain("The goal is 80.");
    expect(dm).toContain("ask about the move next time");
    expect(await t.prisma.auditLog.count({ where: { action: "score.record", actor: lena.aadObjectId } })).toBe(1);
  });

  it("supersedes the earlier score when the same agent and reference are scored again, keeping history", async () => {
    await submit(lena, { connection: "0", rapport: "no", unstatedNeeds: "no", wow: "no" });
    t.clock.advance(60_000);
    const done = await submit(boss, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    expect(String(done.task.value)).toContain("replaces the earlier score of 0");
    const scores = await t.prisma.quickScore.findMany({ orderBy: { createdAt: "asc" } });
    expect(scores.map((s) => s.score)).toEqual([0, 100]);
    expect(scores[0]?.supersededById).toBe(scores[1]?.id);
    expect(scores[1]?.supersededById).toBeNull();
  });

  it("stores one score when the same dialog is submitted twice", async () => {
    await submit(lena, {}, "dialog-same-123456");
    await submit(lena, {}, "dialog-same-123456");
    expect(await t.prisma.quickScore.count()).toBe(1);
  });

  it("never replays another person's score for a dialog id they send back (keys are per person)", async () => {
    await submit(lena, {}, "dialog-shared-123456");
    const other = await submit(boss, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" }, "dialog-shared-123456");
    expect(String(other.task.value)).toContain(`Saved: ${ada.name} scored 100/100`);
    expect(await t.prisma.quickScore.count()).toBe(2);
  });

  it.each([
    ["scoring yourself", { agent: lena.aadObjectId }, "agent", "You can't score your own interactions."],
    ["a missing answer", { rapport: "" }, "rapport", "Answer yes, partly, no or n.a."],
    ["question 1 left empty", { connection: "" }, "connection", "Question 1 needs an answer"],
    ["a missing reference", { reference: "  " }, "reference", "Say which interaction"],
  ])("refuses %s next to the right input, keeps what was typed, and stores nothing", async (_what, fields, input, message) => {
    const reply = await submit(lena, fields);
    expect(reply.task.type).toBe("continue");
    const body = dialogCard(reply).body;
    const at = body.findIndex((e) => e.id === input);
    expect(String(body[at + 1]?.text)).toContain(message);
    expect(body.find((e) => e.id === "note")).toMatchObject({ value: "Lovely opener; ask about the move next time." });
    expect(await t.prisma.quickScore.count()).toBe(0);
    expect(await t.prisma.outbox.count()).toBe(0);
  });

  it("refuses an agent's hand-made submission with the same message, storing nothing", async () => {
    const reply = await submit(ada, { agent: otto.aadObjectId });
    expect(String(reply.task.value)).toContain("Only leads and admins can score interactions.");
    expect(await t.prisma.quickScore.count()).toBe(0);
  });

  it("opens the prefilled dialog from a recognition post's 'Score this' for leads and refuses agents", async () => {
    const nominee = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: ada.aadObjectId } });
    const nominator = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: otto.aadObjectId } });
    const n = await t.prisma.nomination.create({
      data: { workspaceId: nominee.workspaceId, nomineeId: nominee.id, nominatorId: nominator.id, story: "x".repeat(30), reference: "CHAT-77" },
    });
    const open = (from: FakeTeamsUser) => t.teams.post(t.teams.taskFetch(from, { wowbot: "form.open", form: "form.score", nominationId: n.id }));
    expect((await open(otto)).body).toEqual({ task: { type: "message", value: "Only leads and admins can score interactions." } });
    const card = dialogCard((await open(lena)).body);
    expect(card.body.find((e) => e.id === "agent")).toMatchObject({ value: ada.aadObjectId });
    expect(card.body.find((e) => e.id === "reference")).toMatchObject({ value: "CHAT-77" });
    // A nomination id of nothing wowbot knows is refused like on Slack.
    const forged = await t.teams.post(
      t.teams.taskFetch(lena, { wowbot: "form.open", form: "form.score", nominationId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(forged.body).toEqual({ task: { type: "message", value: "That nomination doesn't exist any more." } });
  });
});
