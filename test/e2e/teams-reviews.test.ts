// Reviews of quick scores on Microsoft Teams (twin of slack-reviews): the score DM's "Ask for a review" dialog and
// "Seen"; the request reaches the agent's team leads other than the scorer (else the admins) with Uphold and Rescore;
// only they decide, once; Rescore supersedes the score (history kept) and the agent is told the outcome.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId } from "../support/teams-requests.js";
import { closedWith, dialogCard, dialogInputs, errorsBeside, executeButtons, formOpener, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(71, "Bo Boss");
const LENA = teamsUser(72, "Lena Lead");
const TOM = teamsUser(73, "Tom Lead");
const ADA = teamsUser(74, "Ada Agent");
const BEN = teamsUser(75, "Ben Agent");
const LOU = teamsUser(76, "Lou Lead");
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe("reviews of quick scores on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  /** A lead's quick score: 50/100 by default (connection 1, rapport yes, unstated partly, wow no). */
  const score = (lead: FakeTeamsUser, agent: FakeTeamsUser, reference: string, answers: Record<string, string> = {}) =>
    twin.submit(lead, "form.score", {
      agent: agent.aadObjectId,
      reference,
      channel: "phone",
      connection: "1",
      rapport: "yes",
      unstatedNeeds: "partly",
      wow: "no",
      note: "Try a second personal touch.",
      ...answers,
    });
  const scoreOf = (agent: FakeTeamsUser, reference: string) =>
    t.prisma.quickScore.findFirstOrThrow({ where: { agent: { platformUserId: agent.aadObjectId }, reference }, orderBy: { createdAt: "desc" } });
  const ask = (agent: FakeTeamsUser, scoreId: string, reason: string) => twin.submit(agent, "form.review", { via: "score.review", scoreId, reason });
  const reviewOf = (scoreId: string) => t.prisma.scoreReview.findUniqueOrThrow({ where: { scoreId } });
  const sent = (user: FakeTeamsUser) => t.fakeTeams.to(personalConversationId(user));
  const memberOf = (user: FakeTeamsUser) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: user.aadObjectId } });
  /** Delivers what is owed and clears what the fake saw, so a step sees only its own messages. */
  const settle = async () => {
    await t.deliver();
    t.fakeTeams.clear();
  };

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LENA, TOM, ADA, BEN, LOU]);
    await twin.told(BOSS, "wowbot team create Billing");
    await twin.told(BOSS, "wowbot team create Support");
    await twin.told(BOSS, `wowbot team add Billing @${ADA.name}`, [ADA]);
    await twin.told(BOSS, `wowbot team add Support @${BEN.name}`, [BEN]);
    await twin.told(BOSS, `wowbot team lead Billing @${LENA.name}`, [LENA]);
    await twin.told(BOSS, `wowbot team lead Billing @${LOU.name}`, [LOU]);
    await twin.told(BOSS, `wowbot team lead Support @${TOM.name}`, [TOM]);
  });
  afterAll(() => t?.stop());

  it("asks for a review from the score DM's dialog; the request reaches the agent's other team lead, not the scorer or the admins", async () => {
    expect(closedWith(await score(LENA, ADA, "CALL-1"))).toContain(`Saved: ${ADA.name} scored 50/100.`);
    const s = await scoreOf(ADA, "CALL-1");
    t.fakeTeams.clear();
    await t.deliver();
    const dm = sent(ADA).map((a) => a.activity);
    expect(shownText(dm)).toContain("Ask for a review within 7 days");
    expect(executeButtons(dm)).toEqual([["score.seen", { wowbot: "score.seen", scoreId: s.id }]]);
    const opener = formOpener(dm, "form.review");
    expect(opener).toMatchObject({ via: "score.review", scoreId: s.id });

    const dialog = await twin.open(ADA, opener ?? {});
    expect(shownText([], dialog)).toContain(`Your score of 50/100 on CALL-1, by ${LENA.name}.`);
    expect(dialogCard(dialog)?.actions[0]?.data).toMatchObject({ wowbot: "form.submit", form: "form.review", scoreId: s.id, via: "score.review" });

    // A reason is required: the dialog stays open with the problem beside it, still able to send the score's review.
    const empty = await ask(ADA, s.id, "");
    expect(errorsBeside(empty)).toEqual({ reason: "Say why the score should be looked at again." });
    expect(dialogCard(empty)?.actions[0]?.data).toMatchObject({ form: "form.review", scoreId: s.id, via: "score.review" });
    expect(await t.prisma.scoreReview.count()).toBe(0);

    const done = await ask(ADA, s.id, "The customer said thanks twice; I did ask about the move.");
    expect(closedWith(done)).toBe(`Asked for a review. ${LOU.name} will look at it again; you'll get a DM with the outcome.`);
    const review = await reviewOf(s.id);
    expect(review).toMatchObject({ status: "open", reason: "The customer said thanks twice; I did ask about the move." });
    expect(await t.prisma.auditLog.count({ where: { action: "review.requested", actor: ADA.aadObjectId } })).toBe(1);

    t.fakeTeams.clear();
    await t.deliver();
    for (const other of [LENA, BOSS, TOM, ADA]) expect(sent(other)).toEqual([]);
    const request = sent(LOU).map((a) => a.activity);
    expect(request).toHaveLength(1);
    expect(shownText(request)).toContain(
      `<at>${ADA.name}</at> asks for a review of <at>${LENA.name}</at>'s score of **50/100** on their phone interaction CALL-1.`,
    );
    expect(shownText(request)).toContain("I did ask about the move.");
    expect(executeButtons(request)).toEqual([["review.uphold", { wowbot: "review.uphold", reviewId: review.id }]]);
    expect(formOpener(request, "form.score")).toMatchObject({ via: "review.rescore", reviewId: review.id });
  });

  it("refuses the agent, the scorer and another team's lead, each with their reason, changing nothing", async () => {
    const review = await t.prisma.scoreReview.findFirstOrThrow({ where: { status: "open" } });
    expect(await twin.click(ADA, "review.uphold", { reviewId: review.id })).toContain("You asked for this review: a lead who didn't score it decides it.");
    expect(await twin.click(LENA, "review.uphold", { reviewId: review.id })).toContain("You gave this score, so another lead decides its review.");
    expect(await twin.click(TOM, "review.uphold", { reviewId: review.id })).toContain(`Only ${ADA.name}'s team leads and the admins can decide this review.`);
    const rescore = await twin.open(TOM, { wowbot: "form.open", form: "form.score", via: "review.rescore", reviewId: review.id });
    expect(closedWith(rescore)).toBe(`Only ${ADA.name}'s team leads and the admins can decide this review.`);
    expect(await t.prisma.scoreReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ status: "open", decidedById: null });
  });

  it("upholds: the agent is told, the copy is updated in place, a second click says who decided; once per score", async () => {
    const review = await t.prisma.scoreReview.findFirstOrThrow({ where: { status: "open" } });
    await settle();
    expect(await twin.click(LOU, "review.uphold", { reviewId: review.id })).toContain(
      `Upheld: ${ADA.name}'s score of 50 on CALL-1 stands. They'll be told by DM.`,
    );
    expect(await t.prisma.scoreReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "upheld",
      decidedById: (await memberOf(LOU)).id,
    });
    expect(await t.prisma.auditLog.count({ where: { action: "review.upheld", actor: LOU.aadObjectId } })).toBe(1);

    t.fakeTeams.clear();
    await t.deliver();
    const [update, ...more] = sent(LOU);
    expect(more).toEqual([]);
    expect(update?.method).toBe("PUT");
    expect(shownText([update?.activity ?? {}])).toContain(`Upheld by <at>${LOU.name}</at>: the score of 50 stands.`);
    expect(executeButtons(update?.activity)).toEqual([]);
    expect(shownText(sent(ADA).map((a) => a.activity))).toContain(`was reviewed by <at>${LOU.name}</at>: the score of **50** stands.`);

    expect(await twin.click(LOU, "review.uphold", { reviewId: review.id })).toContain(
      `This review was already decided (upheld) by ${LOU.name}. Nothing changed.`,
    );
    expect(await twin.click(BOSS, "review.uphold", { reviewId: review.id })).toContain(
      `This review was already decided (upheld) by ${LOU.name}. Nothing changed.`,
    );
    t.fakeTeams.clear();
    await t.deliver();
    expect(t.fakeTeams.activities).toEqual([]);

    const again = await twin.open(ADA, { wowbot: "form.open", form: "form.review", via: "score.review", scoreId: review.scoreId });
    expect(closedWith(again)).toBe("This score was already reviewed (upheld): a score can be reviewed once.");
    expect(await t.prisma.scoreReview.count({ where: { scoreId: review.scoreId } })).toBe(1);
  });

  it("rescores: the dialog opens prefilled, the new score supersedes the old one (kept), the review is closed, the agent told", async () => {
    await score(LENA, ADA, "CALL-2");
    const old = await scoreOf(ADA, "CALL-2");
    expect(closedWith(await ask(ADA, old.id, "I did ask about the move."))).toContain("Asked for a review.");
    const review = await reviewOf(old.id);
    await settle();

    const dialog = await twin.open(LOU, { wowbot: "form.open", form: "form.score", via: "review.rescore", reviewId: review.id });
    const inputs = dialogInputs(dialog);
    expect(inputs.agent?.value).toBe(ADA.aadObjectId);
    expect(inputs.reference?.value).toBe("CALL-2");
    expect(inputs.rapport?.value).toBe("yes");
    expect(inputs.wow?.value).toBe("no");
    expect(dialogCard(dialog)?.actions[0]?.data).toMatchObject({ form: "form.score", reviewId: review.id });

    // Another team's lead forging the rescore's submission is refused: nothing stored.
    const forged = await twin.submit(TOM, "form.score", {
      agent: ADA.aadObjectId,
      reference: "CALL-2",
      channel: "phone",
      connection: "2",
      rapport: "yes",
      unstatedNeeds: "yes",
      wow: "yes",
      reviewId: review.id,
      via: "review.rescore",
    });
    expect(closedWith(forged)).toBe(`Only ${ADA.name}'s team leads and the admins can decide this review.`);
    expect(await t.prisma.quickScore.count({ where: { reference: "CALL-2" } })).toBe(1);

    t.clock.advance(60_000);
    const done = await twin.submit(LOU, "form.score", {
      agent: ADA.aadObjectId,
      reference: "CALL-2",
      channel: "phone",
      connection: "2",
      rapport: "yes",
      unstatedNeeds: "yes",
      wow: "partly",
      reviewId: review.id,
      via: "review.rescore",
    });
    expect(closedWith(done)).toContain(`Rescored: ${ADA.name} now has 88/100, meeting the goal. It replaces the earlier score of 50.`);
    const scores = await t.prisma.quickScore.findMany({ where: { reference: "CALL-2" }, orderBy: { createdAt: "asc" } });
    expect(scores.map((s) => [s.score, s.id === old.id])).toEqual([
      [50, true],
      [88, false],
    ]);
    expect(scores[0]?.supersededById).toBe(scores[1]?.id);
    expect(await reviewOf(old.id)).toMatchObject({ status: "rescored", rescoreId: scores[1]?.id, decidedById: (await memberOf(LOU)).id });
    expect(await t.prisma.auditLog.count({ where: { action: "review.rescored", actor: LOU.aadObjectId } })).toBe(1);

    t.fakeTeams.clear();
    await t.deliver();
    const toAda = sent(ADA).map((a) => shownText([a.activity]));
    expect(toAda).toHaveLength(2);
    expect(toAda.some((m) => m.includes("88/100"))).toBe(true);
    expect(toAda.some((m) => m.includes(`was reviewed by <at>${LOU.name}</at>: was **50**, now **88**.`))).toBe(true);
    const [update] = sent(LOU);
    expect(update?.method).toBe("PUT");
    expect(shownText([update?.activity ?? {}])).toContain(`Rescored by <at>${LOU.name}</at>: was 50, now 88.`);

    const late = await twin.open(BOSS, { wowbot: "form.open", form: "form.score", via: "review.rescore", reviewId: review.id });
    expect(closedWith(late)).toBe(`This review was already decided (rescored) by ${LOU.name}. Nothing changed.`);
  });

  it("lets the agent ask within 7 days of the score, not a minute later", async () => {
    await score(LENA, ADA, "CALL-3");
    const s = await scoreOf(ADA, "CALL-3");
    t.clock.advance(6 * DAY + 23 * HOUR);
    const opened = await twin.open(ADA, { wowbot: "form.open", form: "form.review", via: "score.review", scoreId: s.id });
    expect(dialogInputs(opened).reason).toBeDefined();
    t.clock.advance(HOUR + 60_000);
    const late = await ask(ADA, s.id, "I only saw it now.");
    expect(closedWith(late)).toMatch(/^A review can be asked for within 7 days of the score; this one was scored on \d{4}-\d{2}-\d{2}\.$/);
    expect(await t.prisma.scoreReview.count({ where: { scoreId: s.id } })).toBe(0);

    await score(LENA, ADA, "CALL-3b");
    const fresh = await scoreOf(ADA, "CALL-3b");
    t.clock.advance(6 * DAY + 23 * HOUR);
    expect(closedWith(await ask(ADA, fresh.id, "Within the week."))).toContain("Asked for a review.");
  });

  it("refuses a review of a score replaced by a newer one", async () => {
    await score(LENA, ADA, "CALL-4");
    const first = await scoreOf(ADA, "CALL-4");
    t.clock.advance(60_000);
    await score(LENA, ADA, "CALL-4", { wow: "yes" });
    const opened = await twin.open(ADA, { wowbot: "form.open", form: "form.review", via: "score.review", scoreId: first.id });
    expect(closedWith(opened)).toContain("This score was replaced by a newer score, so it can't be reviewed.");
    expect(await t.prisma.scoreReview.count({ where: { scoreId: first.id } })).toBe(0);
  });

  it("sends the request to the admins when the agent's team has no lead other than the scorer", async () => {
    await settle();
    await score(TOM, BEN, "CALL-5");
    const s = await scoreOf(BEN, "CALL-5");
    expect(closedWith(await ask(BEN, s.id, "The customer hung up first."))).toContain(`Asked for a review. ${BOSS.name} will look at it again`);
    t.fakeTeams.clear();
    await t.deliver();
    expect(shownText(sent(BOSS).map((a) => a.activity))).toContain("asks for a review");
    expect(sent(TOM).filter((a) => shownText([a.activity]).includes("asks for a review"))).toEqual([]);
    const review = await reviewOf(s.id);
    expect(await twin.click(TOM, "review.uphold", { reviewId: review.id })).toContain("You gave this score, so another lead decides its review.");
    expect(await twin.click(BOSS, "review.uphold", { reviewId: review.id })).toContain(`Upheld: ${BEN.name}'s score of 50 on CALL-5 stands.`);
  });

  it("lets only the agent mark their score seen; Seen twice says it is already marked", async () => {
    await score(LENA, ADA, "CALL-6");
    const s = await scoreOf(ADA, "CALL-6");
    expect(await twin.click(LENA, "score.seen", { scoreId: s.id })).toContain("Only the agent who was scored can mark this score as seen.");
    expect(closedWith(await ask(LENA, s.id, "Forged."))).toBe("Only the agent who was scored can ask for a review of this score.");
    expect(await twin.click(ADA, "score.seen", { scoreId: s.id })).toContain("Marked as seen: thanks for reading the score of 50 on CALL-6.");
    expect((await t.prisma.quickScore.findUniqueOrThrow({ where: { id: s.id } })).seenAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(await twin.click(ADA, "score.seen", { scoreId: s.id })).toContain(
      `You already marked this score as seen on ${t.clock.now().toISOString().slice(0, 10)}.`,
    );
    expect(await t.prisma.auditLog.count({ where: { action: "score.seen", actor: ADA.aadObjectId } })).toBe(1);
  });
});
