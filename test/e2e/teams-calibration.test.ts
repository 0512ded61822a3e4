// Blind calibration on Microsoft Teams end to end (twin of slack-calibration): `score calibrate @agent REF @lead...`
// typed to the bot invites each lead with a Score button that opens the calibration dialog (never the agent); nobody
// sees another's answers until all have scored or the deadline passed; then every lead gets the comparison.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { closedWith, type DialogAnswer, dialogCard, errorsBeside, formOpener, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(71, "Bo Boss"); // admin
const LENA = teamsUser(72, "Lena Lead");
const MAX = teamsUser(73, "Max Lead");
const ADA = teamsUser(74, "Ada Agent");
const OTTO = teamsUser(75, "Otto Agent");

type Answers = { connection: string; rapport: string; unstatedNeeds: string; wow: string; note?: string };

describe("blind calibration on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const calibrate = (text: string, user: FakeTeamsUser, mentions: FakeTeamsUser[]) => twin.told(user, `score calibrate ${text}`, mentions);
  const start = async () => {
    expect(await calibrate(`@${ADA.name} CALL-7 @${LENA.name} @${MAX.name}`, BOSS, [ADA, LENA, MAX])).toContain("Blind calibration started");
    return (await t.prisma.calibration.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id;
  };
  /** Clicks Score: the dialog the button opens (task/fetch with the button's own data). */
  const openScore = (user: FakeTeamsUser, calibrationId: string) =>
    twin.open(user, { wowbot: "form.open", form: "form.calibration", via: "calibration.score", calibrationId });
  const refusal = (answer: DialogAnswer) => (answer.task?.type === "message" ? String(answer.task.value) : "");
  const submit = (user: FakeTeamsUser, calibrationId: string, a: Answers) =>
    twin.submit(user, "form.calibration", {
      via: "calibration.score",
      dialog: `dialog-${user.name.split(" ")[0]}-${Math.random().toString(36).slice(2, 10)}`,
      calibrationId,
      ...a,
    });
  const privately = (user: FakeTeamsUser) => twin.privately(user);
  const comparisonsTo = (user: FakeTeamsUser) => privately(user).filter((a) => shownText([a]).includes("Calibration of"));
  const revealJob = () => t.service.scheduler.runNow(t.service.jobs.calibration);

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LENA, MAX, ADA, OTTO]);
    await twin.told(BOSS, `wowbot role @${LENA.name} lead`, [LENA]);
    await twin.told(BOSS, `wowbot role @${MAX.name} lead`, [MAX]);
  });
  afterAll(() => t?.stop());
  beforeEach(async () => {
    await t.prisma.calibration.deleteMany();
    await t.prisma.outbox.deleteMany();
    await t.prisma.auditLog.deleteMany({ where: { action: { startsWith: "calibration." } } });
    t.clock.set("2026-03-02T09:00:00Z"); // a Monday
    t.fakeTeams.clear();
  });

  it("starts a calibration: an invitation with a Score button to every lead taking part, none to the agent, and a confirmation", async () => {
    const reply = await calibrate(`@${ADA.name} CALL-7 @${LENA.name} @${MAX.name}`, BOSS, [ADA, LENA, MAX]);
    expect(reply).toContain("Blind calibration started");
    expect(reply).toContain(`${LENA.name}</at>, <at>${MAX.name}</at> and you each get a Score button`);
    expect(reply).toContain("CALL-7");
    expect(reply).toContain("Thursday 5 March, 09:00 (UTC)");
    const c = await t.prisma.calibration.findFirstOrThrow({ include: { participants: { include: { member: true } } } });
    expect(c.deadline.toISOString()).toBe("2026-03-05T09:00:00.000Z");
    expect(c.participants.map((p) => p.member.platformUserId).sort()).toEqual([BOSS, LENA, MAX].map((u) => u.aadObjectId).sort());
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.started", actor: BOSS.aadObjectId } })).toBe(1);
    t.fakeTeams.clear();
    await t.deliver();
    for (const lead of [BOSS, LENA, MAX]) {
      const invite = privately(lead);
      expect(shownText(invite)).toContain("started a blind calibration");
      expect(shownText(invite)).toContain("CALL-7");
      expect(formOpener(invite, "form.calibration")).toMatchObject({ via: "calibration.score", calibrationId: c.id });
    }
    expect(privately(ADA)).toEqual([]);
  });

  it("sets the deadline 3 workdays later at the same local time: started Friday 10:00, due Wednesday 10:00", async () => {
    t.clock.set("2026-03-06T10:00:00Z");
    expect(await calibrate(`@${ADA.name} CALL-8 @${LENA.name}`, BOSS, [ADA, LENA])).toContain("Wednesday 11 March, 10:00 (UTC)");
    expect((await t.prisma.calibration.findFirstOrThrow()).deadline.toISOString()).toBe("2026-03-11T10:00:00.000Z");
  });

  it.each([
    ["an agent starting one", `@${ADA.name} CALL-7 @${LENA.name}`, OTTO, [ADA, LENA], "Only leads and admins can start a calibration."],
    [
      "an agent named to score",
      `@${ADA.name} CALL-7 @${OTTO.name}`,
      BOSS,
      [ADA, OTTO],
      `${OTTO.name} is an agent: only leads and admins take part in a calibration.`,
    ],
    [
      "the agent named to score their own interaction",
      `@${ADA.name} CALL-7 @${ADA.name}`,
      BOSS,
      [ADA, ADA],
      `${ADA.name} can't take part in calibrating their own interaction.`,
    ],
    ["no one else named", `@${ADA.name} CALL-7`, BOSS, [ADA], "Name at least one other lead to calibrate with."],
    ["only the starter named", `@${ADA.name} CALL-7 @${BOSS.name}`, BOSS, [ADA, BOSS], "Name at least one other lead to calibrate with."],
    ["an unknown person", `@${ADA.name} CALL-7 @Nobody Here`, BOSS, [ADA, teamsUser(79, "Nobody Here")], "I can't find that person in this workspace."],
    [
      "a reference over 200 characters",
      `@${ADA.name} ${"x".repeat(201)} @${LENA.name}`,
      BOSS,
      [ADA, LENA],
      "The reference can be at most 200 characters (it has 201).",
    ],
    ["no agent first", `CALL-7 @${LENA.name}`, BOSS, [LENA], "score calibrate @agent REF @lead...\": the agent, the interaction's reference"],
    ["no reference", `@${ADA.name} @${LENA.name}`, BOSS, [ADA, LENA], "score calibrate @agent REF @lead...\": the agent, the interaction's reference"],
    ["nothing after calibrate", "", BOSS, [], "score calibrate @agent REF @lead...\": the agent, the interaction's reference"],
  ])("refuses %s privately and starts nothing", async (_what, text, user, mentions, message) => {
    expect(await calibrate(text, user, mentions)).toContain(message);
    expect(await t.prisma.calibration.count()).toBe(0);
    expect(await t.prisma.outbox.count()).toBe(0);
  });

  it("keeps every answer hidden until all have scored, then sends each lead the comparison (never the agent)", async () => {
    const id = await start();
    const dialog = await openScore(LENA, id);
    const card = dialogCard(dialog);
    // The agent and the reference are shown, not asked; the four questions and the note are the quick score's.
    expect(shownText([], card?.body[0])).toContain(`${ADA.name}`);
    expect(shownText([], card?.body[0])).toContain("CALL-7");
    expect(card?.body.filter((e) => typeof e.id === "string").map((e) => e.id)).toEqual(["connection", "rapport", "unstatedNeeds", "wow", "note"]);
    expect(card?.actions[0]?.data).toMatchObject({ wowbot: "form.submit", form: "form.calibration", calibrationId: id });

    // 2 or more (25) + yes (25) + partly (12.5) + yes (25) = 87.5 -> 88
    expect(closedWith(await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "partly", wow: "yes", note: "Great opener" }))).toContain(
      "you scored it 88/100. 1 of 3 have scored.",
    );
    // 1 (12.5) + yes (25) + no (0) + yes (25) = 62.5 -> 63
    const second = closedWith(await submit(BOSS, id, { connection: "1", rapport: "yes", unstatedNeeds: "no", wow: "yes" }));
    expect(second).toContain("you scored it 63/100. 2 of 3 have scored.");
    expect(second).not.toContain("88");
    expect(closedWith(await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "partly", wow: "yes", note: "Great opener" }))).toContain(
      "It replaces your earlier answers. 2 of 3 have scored.",
    );
    t.fakeTeams.clear();
    await t.deliver();
    for (const user of [BOSS, LENA, MAX, ADA]) expect(comparisonsTo(user)).toHaveLength(0);

    // 2 or more (25) + partly (12.5) + no (0), wow n.a.: 37.5 / 75 = 50. The last score reveals it.
    expect(closedWith(await submit(MAX, id, { connection: "2", rapport: "partly", unstatedNeeds: "no", wow: "na" }))).toContain(
      "All 3 of you have scored: the comparison is on its way to each of you by DM.",
    );
    t.fakeTeams.clear();
    await t.deliver();
    for (const lead of [BOSS, LENA, MAX]) {
      expect(comparisonsTo(lead)).toHaveLength(1);
      const text = shownText(comparisonsTo(lead));
      expect(text).toContain("**88/100**: 1. connection attempts 2 or more · 2. rapport yes · 3. unstated needs partly · 4. wow yes");
      expect(text).toContain("**63/100**: 1. connection attempts 1 · 2. rapport yes · 3. unstated needs no · 4. wow yes");
      expect(text).toContain("**50/100**: 1. connection attempts 2 or more · 2. rapport partly · 3. unstated needs no · 4. wow n.a.");
      expect(text).toContain("Spread: **38 points** (highest 88, lowest 50).");
      expect(text).toContain("Personal emotional connection attempts: 2 of 3 answered **2 or more**");
      expect(text).toContain("Kept the rapport going after the customer responded: 2 of 3 answered **yes**");
      expect(text).toContain("Addressed unstated needs: 2 of 3 answered **no**");
      expect(text).toContain("Delivered a wow experience: 2 of 3 answered **yes**");
      expect(text).not.toContain("Did not score");
    }
    expect(privately(ADA)).toEqual([]);
    expect(await t.prisma.quickScore.count()).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.scored" } })).toBe(4);
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.revealed", actor: MAX.aadObjectId } })).toBe(1);
  });

  it("reveals at the deadline, not before, listing the lead who never scored", async () => {
    const id = await start();
    await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    await submit(BOSS, id, { connection: "0", rapport: "no", unstatedNeeds: "na", wow: "partly" });
    t.clock.set("2026-03-05T08:59:00Z");
    t.fakeTeams.clear();
    await revealJob();
    await t.deliver();
    expect((await t.prisma.calibration.findUniqueOrThrow({ where: { id } })).revealedAt).toBeNull();
    for (const lead of [BOSS, LENA, MAX]) expect(comparisonsTo(lead)).toHaveLength(0);

    t.clock.set("2026-03-05T09:00:00Z");
    await revealJob();
    await revealJob();
    await t.deliver();
    for (const lead of [BOSS, LENA, MAX]) {
      expect(comparisonsTo(lead)).toHaveLength(1);
      const text = shownText(comparisonsTo(lead));
      expect(text).toContain(`Did not score: <at>${MAX.name}</at>.`);
      expect(text).toContain("Spread: **83 points** (highest 100, lowest 17).");
      expect(text).toContain("Personal emotional connection attempts: 1 of 2 answered **0**");
    }
    expect(privately(ADA)).toEqual([]);
    expect(await t.prisma.auditLog.count({ where: { action: "calibration.revealed", actor: "system" } })).toBe(1);
  });

  it("refuses Score to anyone not taking part, and a forged submission stores nothing", async () => {
    await calibrate(`@${ADA.name} CALL-9 @${LENA.name}`, BOSS, [ADA, LENA]);
    const { id } = await t.prisma.calibration.findFirstOrThrow();
    expect(refusal(await openScore(MAX, id))).toBe("Only the leads taking part in this calibration can score it.");
    expect(refusal(await openScore(OTTO, id))).toBe("Only the leads taking part in this calibration can score it.");
    const forged = await submit(MAX, id, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    expect(closedWith(forged) ?? errorsBeside(forged).connection).toContain("Only the leads taking part in this calibration can score it.");
    expect(refusal(await openScore(LENA, "00000000-0000-4000-8000-000000000000"))).toBe("That calibration doesn't exist.");
    expect(await t.prisma.calibrationParticipant.count({ where: { scoredAt: { not: null } } })).toBe(0);
  });

  it("says the calibration is closed to a Score click or a submission after the reveal", async () => {
    await calibrate(`@${ADA.name} CALL-10 @${LENA.name}`, BOSS, [ADA, LENA]);
    const { id } = await t.prisma.calibration.findFirstOrThrow();
    await submit(LENA, id, { connection: "2", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    await submit(BOSS, id, { connection: "1", rapport: "yes", unstatedNeeds: "yes", wow: "yes" });
    expect(refusal(await openScore(LENA, id))).toContain("This calibration is closed");
    const late = await submit(LENA, id, { connection: "0", rapport: "no", unstatedNeeds: "no", wow: "no" });
    expect(closedWith(late) ?? errorsBeside(late).connection).toContain("This calibration is closed");
    const seat = await t.prisma.calibrationParticipant.findFirstOrThrow({ where: { calibrationId: id, member: { platformUserId: LENA.aadObjectId } } });
    expect(seat.score).toBe(100);
  });

  it("lists score calibrate in help", async () => {
    expect(await twin.told(LENA, "help")).toContain("score calibrate @agent REF @lead...");
  });
});
