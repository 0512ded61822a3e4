// Reviews of quick scores on Slack end to end (PRODUCT.md §9, "Reviews"): the score DM's "Ask for a review" and
// "Seen"; the request reaches the agent's team leads other than the scorer (else the admins) with Uphold and Rescore;
// only they decide, once; Rescore supersedes the score (history kept) and the agent is told the outcome.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";
import { setUpTwoTeams, TWO_TEAMS } from "../support/two-teams.js";

const { BOSS, LENA, TOM, ADA, BEN } = TWO_TEAMS;
const LOU = "U0LOU"; // a second lead of Billing
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type Call = { args: Record<string, unknown> };
type SlackButton = { action_id: string; value: string };

/** Every button in a message's blocks. */
function buttonsOf(blocks: unknown): SlackButton[] {
  const out: SlackButton[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== "object") return;
    const o = n as Record<string, unknown>;
    if (o.type === "button" && typeof o.action_id === "string") out.push({ action_id: o.action_id, value: String(o.value ?? "") });
    for (const v of Object.values(o)) visit(v);
  };
  visit(blocks);
  return out;
}

describe("reviews of quick scores on Slack", () => {
  let t: TestService;
  let seq = 0;
  const radio = (v: string) => ({ type: "radio_buttons", selected_option: { value: v } });
  /** A lead's quick-score submission: 50/100 by default (connection 1, rapport yes, unstated partly, wow no). */
  const score = async (lead: string, agent: string, reference: string, answers: Partial<Record<string, string>> = {}, metadata = "") => {
    const a = { connection: "1", rapport: "yes", unstatedNeeds: "partly", wow: "no", ...answers };
    const res = await t.slack.viewSubmission(lead, {
      id: `VS${++seq}`,
      callback_id: "score.submit",
      private_metadata: metadata,
      state: {
        values: {
          agent: { agent: { type: "users_select", selected_user: agent } },
          reference: { reference: { type: "plain_text_input", value: reference } },
          channel: { channel: { type: "static_select", selected_option: { value: "phone" } } },
          connection: { connection: radio(a.connection) },
          rapport: { rapport: radio(a.rapport) },
          unstatedNeeds: { unstatedNeeds: radio(a.unstatedNeeds) },
          wow: { wow: radio(a.wow) },
          note: { note: { type: "plain_text_input", value: "Try a second personal touch." } },
        },
      },
    });
    return (await res.json()) as { response_action?: string; errors?: Record<string, string>; view?: unknown };
  };
  const scoreOf = (agent: string, reference: string) =>
    t.prisma.quickScore.findFirstOrThrow({ where: { agent: { platformUserId: agent }, reference }, orderBy: { createdAt: "desc" } });
  const click = async (user: string, action_id: string, value: string) => {
    await t.slack.blockAction(user, { type: "button", action_id, value }, `${t.fakeSlack.url}response/${user}`);
    return String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");
  };
  const ask = async (agent: string, scoreId: string, reason: string) => {
    const res = await t.slack.viewSubmission(agent, {
      id: `VR${++seq}`,
      callback_id: "review.submit",
      private_metadata: JSON.stringify({ scoreId }),
      state: { values: { reason: { reason: { type: "plain_text_input", value: reason } } } },
    });
    return (await res.json()) as { response_action?: string; errors?: Record<string, string>; view?: unknown };
  };
  const posts = (): Call[] => t.fakeSlack.acceptedCallsOf("chat.postMessage");
  const postsTo = (user: string) => posts().filter((c) => c.args.channel === user);
  const reviewOf = (scoreId: string) => t.prisma.scoreReview.findUniqueOrThrow({ where: { scoreId } });
  /** A score by lena of ada's interaction, asked to be reviewed by ada; returns the score and the review. */
  const disputed = async (reference: string) => {
    await score(LENA, ADA, reference);
    const s = await scoreOf(ADA, reference);
    expect((await ask(ADA, s.id, "The customer said thanks twice; I did ask about the move.")).response_action).toBe("update");
    return { score: s, review: await reviewOf(s.id) };
  };

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LENA]: "lena", [TOM]: "tom", [ADA]: "ada", [BEN]: "ben", [LOU]: "lou" });
    await setUpTwoTeams(t);
    await t.slack.command({ command: "/wowbot", text: `team lead Billing <@${LOU}|lou>`, user_id: BOSS });
  });
  afterAll(() => t.stop());

  it("asks for a review from the score DM; the request reaches the agent's other team lead by DM, not the scorer or the admins", async () => {
    await score(LENA, ADA, "CALL-1");
    const s = await scoreOf(ADA, "CALL-1");
    t.fakeSlack.reset();
    await t.deliver();
    const [dm] = postsTo(ADA);
    expect(JSON.stringify(dm?.args.blocks)).toContain("Ask for a review within 7 days");
    expect(buttonsOf(dm?.args.blocks)).toEqual([
      { action_id: "score.seen", value: s.id },
      { action_id: "score.review", value: s.id },
    ]);

    // The button opens the form carrying the score.
    await click(ADA, "score.review", s.id);
    const view = t.fakeSlack.callsOf("views.open").at(-1)?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("review.submit");
    expect(JSON.parse(view.private_metadata)).toEqual({ scoreId: s.id });
    expect(JSON.stringify(view)).toContain("Your score of 50/100 on CALL-1, by lena.");

    // A reason is required.
    const empty = await ask(ADA, s.id, "   ");
    expect(empty.errors?.reason).toBe("Say why the score should be looked at again.");
    expect(await t.prisma.scoreReview.count()).toBe(0);

    const done = await ask(ADA, s.id, "The customer said thanks twice; I did ask about the move.");
    expect(JSON.stringify(done.view)).toContain("Asked for a review. lou will look at it again; you'll get a DM with the outcome.");
    const review = await reviewOf(s.id);
    expect(review).toMatchObject({ status: "open", reason: "The customer said thanks twice; I did ask about the move." });
    expect(await t.prisma.auditLog.count({ where: { action: "review.requested", actor: ADA, subject: `review:${review.id}` } })).toBe(1);

    t.fakeSlack.reset();
    await t.deliver();
    const requests = posts().filter((c) => JSON.stringify(c.args.blocks).includes("asks for a review"));
    expect(requests.map((c) => c.args.channel)).toEqual([LOU]);
    const text = JSON.stringify(requests[0]?.args.blocks);
    expect(text).toContain(`<@${ADA}> asks for a review of <@${LENA}>'s score of *50/100* on their phone interaction CALL-1.`);
    expect(text).toContain("I did ask about the move.");
    expect(buttonsOf(requests[0]?.args.blocks)).toEqual([
      { action_id: "review.uphold", value: review.id },
      { action_id: "review.rescore", value: review.id },
    ]);
  });

  it("refuses the agent, the scorer and another team's lead, each with their reason, changing nothing", async () => {
    const review = await t.prisma.scoreReview.findFirstOrThrow({ where: { status: "open" } });
    expect(await click(ADA, "review.uphold", review.id)).toContain("You asked for this review: a lead who didn't score it decides it.");
    expect(await click(LENA, "review.uphold", review.id)).toContain("You gave this score, so another lead decides its review.");
    expect(await click(TOM, "review.uphold", review.id)).toContain("Only ada's team leads and the admins can decide this review.");
    expect(await click(TOM, "review.rescore", review.id)).toContain("Only ada's team leads and the admins can decide this review.");
    expect(await click(ADA, "review.rescore", review.id)).toContain("You asked for this review");
    expect(t.fakeSlack.callsOf("views.open").filter((c) => (c.args.view as { callback_id: string }).callback_id === "score.submit")).toHaveLength(0);
    expect(await t.prisma.scoreReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ status: "open", decidedById: null });
  });

  it("upholds: the agent is told, every copy is updated in place, a second click says who decided; once per score", async () => {
    const review = await t.prisma.scoreReview.findFirstOrThrow({ where: { status: "open" } });
    expect(await click(LOU, "review.uphold", review.id)).toContain("Upheld: ada's score of 50 on CALL-1 stands. They'll be told by DM.");
    const lou = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: LOU } });
    expect(await t.prisma.scoreReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ status: "upheld", decidedById: lou.id });
    expect(await t.prisma.auditLog.count({ where: { action: "review.upheld", actor: LOU } })).toBe(1);

    t.fakeSlack.reset();
    await t.deliver();
    const updates = t.fakeSlack.acceptedCallsOf("chat.update");
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]?.args.blocks)).toContain(`Upheld by <@${LOU}>: the score of 50 stands.`);
    expect(buttonsOf(updates[0]?.args.blocks)).toEqual([]);
    expect(postsTo(ADA).map((c) => JSON.stringify(c.args.blocks))).toEqual([expect.stringContaining(`was reviewed by <@${LOU}>: the score of *50* stands.`)]);

    // A double click, and an admin a moment later: who decided, nothing changed, nothing sent.
    expect(await click(LOU, "review.uphold", review.id)).toContain("This review was already decided (upheld) by lou. Nothing changed.");
    expect(await click(BOSS, "review.rescore", review.id)).toContain("This review was already decided (upheld) by lou. Nothing changed.");
    t.fakeSlack.reset();
    await t.deliver();
    expect(posts()).toEqual([]);

    // Once per score: the button and a hand-made submission both say so.
    expect(await click(ADA, "score.review", review.scoreId)).toContain("This score was already reviewed (upheld): a score can be reviewed once.");
    expect((await ask(ADA, review.scoreId, "Again, please.")).errors?.reason).toContain("already");
    expect(await t.prisma.scoreReview.count({ where: { scoreId: review.scoreId } })).toBe(1);
  });

  it("rescores: the form opens prefilled, the new score supersedes the old one (kept), the review is closed, the agent told", async () => {
    const { score: old, review } = await disputed("CALL-2");
    await t.deliver();
    t.fakeSlack.reset();
    await click(LOU, "review.rescore", review.id);
    const view = t.fakeSlack.callsOf("views.open").at(-1)?.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id?: string; element?: { initial_user?: string; initial_value?: string; initial_option?: { value: string } } }>;
    };
    expect(view.callback_id).toBe("score.submit");
    expect(JSON.parse(view.private_metadata)).toEqual({ reviewId: review.id });
    const initial = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element]));
    expect(initial.agent?.initial_user).toBe(ADA);
    expect(initial.reference?.initial_value).toBe("CALL-2");
    expect(initial.rapport?.initial_option?.value).toBe("yes");
    expect(initial.wow?.initial_option?.value).toBe("no");

    // Another team's lead forging the rescore's submission is refused: nothing stored.
    const forged = await score(TOM, ADA, "CALL-2", { wow: "yes" }, view.private_metadata);
    expect(forged.errors?.agent).toBe("Only ada's team leads and the admins can decide this review.");
    expect(await t.prisma.quickScore.count({ where: { reference: "CALL-2" } })).toBe(1);

    t.clock.advance(60_000);
    // connection 2 (25) + rapport yes (25) + unstated yes (25) + wow partly (12.5) = 87.5 -> 88
    const done = await score(LOU, ADA, "CALL-2", { connection: "2", unstatedNeeds: "yes", wow: "partly" }, view.private_metadata);
    expect(JSON.stringify(done.view)).toContain(`Rescored: <@${ADA}> now has *88/100*, meeting the goal. It replaces the earlier score of 50.`);
    const scores = await t.prisma.quickScore.findMany({ where: { reference: "CALL-2" }, orderBy: { createdAt: "asc" } });
    expect(scores.map((s) => [s.score, s.id === old.id])).toEqual([
      [50, true],
      [88, false],
    ]);
    expect(scores[0]?.supersededById).toBe(scores[1]?.id);
    const lou = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: LOU } });
    expect(await reviewOf(old.id)).toMatchObject({ status: "rescored", rescoreId: scores[1]?.id, decidedById: lou.id });
    expect(await t.prisma.auditLog.count({ where: { action: "review.rescored", actor: LOU, subject: `review:${review.id}` } })).toBe(1);

    t.fakeSlack.reset();
    await t.deliver();
    const toAda = postsTo(ADA).map((c) => JSON.stringify(c.args.blocks));
    expect(toAda).toHaveLength(2);
    expect(toAda.some((b) => b.includes(`<@${LOU}> scored your phone interaction CALL-2: *88/100*`))).toBe(true);
    expect(toAda.some((b) => b.includes(`was reviewed by <@${LOU}>: was *50*, now *88*.`))).toBe(true);
    expect(JSON.stringify(t.fakeSlack.acceptedCallsOf("chat.update")[0]?.args.blocks)).toContain(`Rescored by <@${LOU}>: was 50, now 88.`);

    // The rescore decided it: another Rescore click says so, and the old score can't be reviewed again.
    expect(await click(BOSS, "review.rescore", review.id)).toContain("already decided (rescored) by lou");
    expect(await click(ADA, "score.review", old.id)).toContain("already reviewed (rescored)");
  });

  it("lets the agent ask within 7 days of the score, not a minute later", async () => {
    await score(LENA, ADA, "CALL-3");
    const s = await scoreOf(ADA, "CALL-3");
    t.clock.advance(6 * DAY + 23 * HOUR);
    t.fakeSlack.reset();
    await click(ADA, "score.review", s.id);
    expect(t.fakeSlack.callsOf("views.open")).toHaveLength(1);
    t.clock.advance(HOUR + 60_000); // 7 days and a minute after the score
    const late = await ask(ADA, s.id, "I only saw it now.");
    expect(late.errors?.reason).toMatch(/^A review can be asked for within 7 days of the score; this one was scored on \d{4}-\d{2}-\d{2}\.$/);
    expect(await click(ADA, "score.review", s.id)).toContain("A review can be asked for within 7 days of the score");
    expect(await t.prisma.scoreReview.count({ where: { scoreId: s.id } })).toBe(0);

    await score(LENA, ADA, "CALL-3b");
    const fresh = await scoreOf(ADA, "CALL-3b");
    t.clock.advance(6 * DAY + 23 * HOUR);
    expect((await ask(ADA, fresh.id, "Within the week.")).response_action).toBe("update");
    expect(await reviewOf(fresh.id)).toMatchObject({ status: "open" });
  });

  it("refuses a review of a score replaced by a newer one", async () => {
    await score(LENA, ADA, "CALL-4");
    const first = await scoreOf(ADA, "CALL-4");
    t.clock.advance(60_000);
    await score(LENA, ADA, "CALL-4", { wow: "yes" });
    expect(await click(ADA, "score.review", first.id)).toContain("This score was replaced by a newer score, so it can't be reviewed.");
    expect((await ask(ADA, first.id, "Please look again.")).errors?.reason).toContain("replaced by a newer score");
    expect(await t.prisma.scoreReview.count({ where: { scoreId: first.id } })).toBe(0);
  });

  it("sends the request to the admins when the agent's team has no lead other than the scorer", async () => {
    await t.deliver();
    await score(TOM, BEN, "CALL-5");
    const s = await scoreOf(BEN, "CALL-5");
    const done = await ask(BEN, s.id, "The customer hung up first.");
    expect(JSON.stringify(done.view)).toContain("Asked for a review. boss will look at it again");
    t.fakeSlack.reset();
    await t.deliver();
    const requests = posts().filter((c) => JSON.stringify(c.args.blocks).includes("asks for a review"));
    expect(requests.map((c) => c.args.channel)).toEqual([BOSS]);
    const review = await reviewOf(s.id);
    expect(await click(TOM, "review.uphold", review.id)).toContain("You gave this score, so another lead decides its review.");
    expect(await click(LENA, "review.uphold", review.id)).toContain("Only ben's team leads and the admins can decide this review.");
    expect(await click(BOSS, "review.uphold", review.id)).toContain("Upheld: ben's score of 50 on CALL-5 stands.");
  });

  it("lets only the agent ask for a review or mark their score seen; Seen twice says it is already marked", async () => {
    await score(LENA, ADA, "CALL-6");
    const s = await scoreOf(ADA, "CALL-6");
    expect(await click(BEN, "score.review", s.id)).toContain("Only the agent who was scored can ask for a review of this score.");
    expect((await ask(LENA, s.id, "Forged.")).errors?.reason).toBe("Only the agent who was scored can ask for a review of this score.");
    expect(await click(LENA, "score.seen", s.id)).toContain("Only the agent who was scored can mark this score as seen.");
    expect((await t.prisma.quickScore.findUniqueOrThrow({ where: { id: s.id } })).seenAt).toBeNull();

    expect(await click(ADA, "score.seen", s.id)).toContain("Marked as seen: thanks for reading the score of 50 on CALL-6.");
    const seenAt = (await t.prisma.quickScore.findUniqueOrThrow({ where: { id: s.id } })).seenAt;
    expect(seenAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(await click(ADA, "score.seen", s.id)).toContain(`You already marked this score as seen on ${t.clock.now().toISOString().slice(0, 10)}.`);
    expect(await t.prisma.auditLog.count({ where: { action: "score.seen", actor: ADA, subject: `score:${s.id}` } })).toBe(1);
  });

  it("lists the open reviews in the digest, of its own team's agents", async () => {
    await disputed("CALL-7");
    const preview = async (lead: string) => JSON.stringify(await t.slack.command({ command: "/wowbot", text: "digest", user_id: lead }));
    expect(await preview(LENA)).toContain(`Reviews asked for (2): <@${ADA}> 50 for CALL-3b (by <@${LENA}>); <@${ADA}> 50 for CALL-7 (by <@${LENA}>).`);
    expect(await preview(TOM)).not.toContain("Reviews asked for");
    expect(await preview(BOSS)).toContain("Reviews asked for (2)");
  });
});
