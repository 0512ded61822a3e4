// Customer feedback in and customer-voiced wows on Slack (issue 21.1, 21.2, PRODUCT.md §9): POST /api/v1/feedback with
// every bad row listed and nothing saved, upserts by feedbackId, and delighted customers' words as candidate cards to the
// agent's team leads with Recognise / Dismiss (their team's leads and admins only), once per feedback, expiring after
// 14 days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";
import { setUpTwoTeams, TWO_TEAMS } from "../support/two-teams.js";

const { BOSS, LENA, TOM, ADA, BEN, BILLING_CHANNEL } = TWO_TEAMS;
const DAN = "U0DAN"; // in no team
const PRAISE = "Ada sorted my refund in two minutes and even remembered my dog's name!";

describe("customer feedback and customer-voiced wows on Slack", () => {
  let t: TestService;
  let secret = "";
  let seq = 0;
  const clock = new ManualClock("2026-03-11T10:00:00Z"); // a Wednesday
  const post = async (rows: unknown[]) => {
    const res = await fetch(`${t.url}/api/v1/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ rows }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const click = async (user: string, action_id: string, value: string) => {
    await t.slack.blockAction(user, { type: "button", action_id, value }, `${t.fakeSlack.url}response/${user}?${++seq}`);
    return String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");
  };
  const candidateOf = async (feedbackId: string) => t.prisma.wowCandidate.findFirst({ where: { feedback: { feedbackId } } });
  const cards = () =>
    t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => JSON.stringify(c.args.blocks ?? "").includes("A customer was delighted by"));
  const rows = [
    { member: ADA, feedbackId: "fb-1", receivedAt: "2026-03-10T15:00:00+01:00", csat: 5, comment: PRAISE, interactionRef: "T-1001", channel: "Email" },
    { member: BEN, feedbackId: "fb-2", receivedAt: "2026-03-11T09:00:00Z", nps: 10, comment: "Ben stayed on the line until the router was back up. Legend." },
    { member: BEN, feedbackId: "fb-3", receivedAt: "2026-03-11T09:05:00Z", csat: 3, comment: "It was fine, nothing special to report here." },
    // Delighted, but too long ago (15 days) or without enough words: stored for CSAT, never a candidate.
    { member: ADA, feedbackId: "fb-4", receivedAt: "2026-02-24T09:00:00Z", csat: 5, comment: "Old praise from a while ago, still lovely." },
    { member: ADA, feedbackId: "fb-5", receivedAt: "2026-03-11T08:00:00Z", csat: 5, comment: "Great, thanks!" },
  ];

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LENA]: "lena", [TOM]: "tom", [ADA]: "ada", [BEN]: "ben", [DAN]: "dan" });
    await setUpTwoTeams(t);
    const reply = await t.slack.command({ command: "/wowbot", text: "token create Survey tool", user_id: BOSS });
    secret = /`(wowbot_[A-Za-z0-9_-]{43})`/.exec(reply.text ?? "")?.[1] ?? "";
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), recognitionChannel: "C0WOWS" } } });
  });
  afterAll(() => t.stop());

  it("refuses a batch with any bad row, listing every problem by row and field, and saves nothing", async () => {
    const { status, body } = await post([
      rows[0],
      { member: ADA, feedbackId: "fb-x", receivedAt: "2026-03-10" },
      { member: "U0NOBODY", feedbackId: "fb-y", receivedAt: "2026-03-10T10:00:00Z", csat: 6, nps: 11 },
      { member: BEN, feedbackId: "fb-z", receivedAt: "2026-03-10T10:00:00Z", csat: 4, comment: "x".repeat(4001), customer: "Jane Doe" },
      { member: BEN, feedbackId: "fb-w", receivedAt: "2026-03-11T10:06:00Z", csat: 4 }, // 6 minutes ahead of the clock
      { ...rows[0], csat: 4 }, // the same feedbackId with other values
    ]);
    expect(status).toBe(422);
    expect(body.message).toBe("5 rows have problems; nothing was saved.");
    const problems = (body.problems as Array<{ index: number; field: string; reason: string }>).map((p) => `${p.index} ${p.field}: ${p.reason}`);
    expect(problems).toEqual([
      expect.stringMatching(/^1 receivedAt: "2026-03-10" is not a timestamp with an offset/),
      "1 csat: the row has neither csat nor nps: give csat (1-5), nps (0-10) or both.",
      `2 member: "U0NOBODY" is not in the workspace's directory: use their user id or the email the workspace knows them by.`,
      "2 csat: csat must be a whole number from 1 to 5.",
      "2 nps: nps must be a whole number from 0 to 10.",
      expect.stringMatching(/^3 comment: the comment is longer than 4000 characters/),
      expect.stringMatching(/^3 customer: "customer" is not a field of a feedback row/),
      "4 receivedAt: receivedAt 2026-03-11T10:06:00.000Z is in the future (it is 2026-03-11T10:00:00.000Z).",
      "5 row: conflicts with row 0: the same feedbackId with other values.",
    ]);
    expect(await t.prisma.customerFeedback.count()).toBe(0);
    expect(await t.prisma.wowCandidate.count()).toBe(0);
  });

  it("saves feedback by feedbackId and sends each delighted comment to the agent's team leads once, however often it is resent", async () => {
    const first = await post(rows);
    expect(first).toEqual({ status: 200, body: { received: 5, created: 5, updated: 0, unchanged: 0, candidates: 2 } });
    await t.deliver();
    const sent = cards();
    // Ada's team has a leads channel; Ben's team has none, so its lead gets it by DM. Nobody else.
    expect(sent.map((c) => c.args.channel).sort()).toEqual([BILLING_CHANNEL, TOM]);
    const ada = JSON.stringify(sent.find((c) => c.args.channel === BILLING_CHANNEL)?.args.blocks);
    expect(ada).toContain(`A customer was delighted by <@${ADA}>`);
    expect(ada).toContain("remembered my dog");
    expect(ada).toContain("CSAT 5/5 on T-1001 (email)");
    expect(ada).toContain("Undecided candidates expire on 2026-03-24.");

    const again = await post(rows);
    expect(again).toEqual({ status: 200, body: { received: 5, created: 0, updated: 0, unchanged: 5, candidates: 0 } });
    const corrected = await post([{ ...rows[2], csat: 5 }]); // now delighted: it becomes a candidate, once
    expect(corrected.body).toMatchObject({ updated: 1, candidates: 1 });
    expect((await post([{ ...rows[2], csat: 5, comment: `${rows[2]?.comment} Really!` }])).body).toMatchObject({ updated: 1, candidates: 0 });
    await t.deliver();
    expect(cards()).toHaveLength(3);
    expect(await t.prisma.wowCandidate.count()).toBe(3);
  });

  it("lets only the agent's team leads and admins decide; the agent and other teams' leads are refused and nothing changes", async () => {
    const candidate = await candidateOf("fb-1");
    expect(await click(ADA, "candidate.recognise", candidate?.id ?? "")).toBe(
      ":no_entry_sign: Only the agent's team leads and admins can recognise or dismiss a customer's feedback.",
    );
    expect(await click(TOM, "candidate.recognise", candidate?.id ?? "")).toBe(":no_entry_sign: ada is not in your team.");
    expect(await click(TOM, "candidate.dismiss", "not-a-candidate")).toBe(":no_entry_sign: That customer feedback isn't a wow candidate any more.");
    expect((await candidateOf("fb-1"))?.status).toBe("pending");
    // Comments are personal data: exporting them is for admins.
    expect((await t.slack.command({ command: "/wowbot", text: "export feedback", user_id: LENA })).text).toBe(
      ":no_entry_sign: Only admins can export wowbot's data.",
    );
  });

  it("posts a recognised candidate as a wow from a customer, quoting them, DMs the agent, and updates the leads' cards", async () => {
    t.fakeSlack.reset();
    const candidate = await candidateOf("fb-1");
    expect(await click(LENA, "candidate.recognise", candidate?.id ?? "")).toBe(
      ":white_check_mark: Recognised: posted in the recognition channel, and ada gets a DM with the customer's words.",
    );
    await t.deliver();
    const posts = t.fakeSlack.acceptedCallsOf("chat.postMessage");
    const post = JSON.stringify(posts.find((c) => c.args.channel === "C0WOWS")?.args.blocks);
    expect(post).toContain(`A wow from a customer for <@${ADA}>`);
    expect(post).toContain("remembered my dog");
    expect(post).toContain(`recognised by <@${LENA}>`);
    const dm = JSON.stringify(posts.find((c) => c.args.channel === ADA)?.args.blocks);
    expect(dm).toContain("A customer's words about T-1001 became a wow");
    const update = JSON.stringify(t.fakeSlack.acceptedCallsOf("chat.update").at(-1)?.args.blocks);
    expect(update).toContain(`Recognised by <@${LENA}>`);
    expect(update).not.toContain("candidate.recognise");
    expect(await click(BOSS, "candidate.dismiss", candidate?.id ?? "")).toBe(
      ":information_source: This candidate was already recognised by lena. Nothing changed.",
    );
    expect(await t.prisma.auditLog.count({ where: { action: "wow-candidate.recognise", actor: LENA } })).toBe(1);
  });

  it("dismisses a candidate without posting anything, and expires the undecided after 14 days", async () => {
    t.fakeSlack.reset();
    const ben = await candidateOf("fb-2");
    expect(await click(TOM, "candidate.dismiss", ben?.id ?? "")).toBe(
      ":white_check_mark: Dismissed the customer's feedback for ben; the other leads' cards say so.",
    );
    await t.deliver();
    expect(t.fakeSlack.acceptedCallsOf("chat.postMessage")).toHaveLength(0);

    // fb-3 was received 2026-03-11T09:05Z: pending until 2026-03-25T09:05Z.
    clock.set("2026-03-25T09:04:00Z");
    await t.service.scheduler.runNow(t.service.jobs.candidates);
    expect((await candidateOf("fb-3"))?.status).toBe("pending");
    clock.set("2026-03-25T09:05:00Z");
    await t.service.scheduler.runNow(t.service.jobs.candidates);
    expect((await candidateOf("fb-3"))?.status).toBe("expired");
    await t.deliver();
    expect(JSON.stringify(t.fakeSlack.acceptedCallsOf("chat.update").at(-1)?.args.blocks)).toContain("Expired undecided.");
    expect(await click(TOM, "candidate.recognise", (await candidateOf("fb-3"))?.id ?? "")).toBe(
      ":information_source: This candidate was already expired undecided. Nothing changed.",
    );
  });

  it("shows CSAT beside the quick scores in stats and the digest, and lists a score and a CSAT that disagree as 'look again'", async () => {
    // 2026-03-25T09:05Z: Ada has three CSAT 5 ratings in the last 30 days (fb-1, fb-4 on 02-24, fb-5) and no NPS.
    const score = await t.slack.viewSubmission(LENA, {
      id: `VS${++seq}`,
      callback_id: "score.submit",
      state: {
        values: {
          agent: { agent: { type: "users_select", selected_user: ADA } },
          reference: { reference: { type: "plain_text_input", value: "T-1001" } },
          channel: { channel: { type: "static_select", selected_option: { value: "email" } } },
          connection: { connection: { type: "radio_buttons", selected_option: { value: "0" } } },
          rapport: { rapport: { type: "radio_buttons", selected_option: { value: "no" } } },
          unstatedNeeds: { unstatedNeeds: { type: "radio_buttons", selected_option: { value: "no" } } },
          wow: { wow: { type: "radio_buttons", selected_option: { value: "no" } } },
          note: { note: { type: "plain_text_input", value: null } },
        },
      },
    });
    expect(score.status).toBe(200);
    const stats = JSON.stringify(await t.slack.command({ command: "/wowbot", text: `stats <@${ADA}>`, user_id: LENA }));
    expect(stats).toContain("Quick scores and customer feedback");
    expect(stats).toContain("*0* average over 1 scored interaction in the last 30 days; 0 met the goal of 80.");
    expect(stats).toContain("Customers: CSAT *100%* (3 ratings) in the last 30 days.");
    expect(JSON.stringify(await t.slack.command({ command: "/wowbot", text: `stats <@${BEN}>`, user_id: TOM }))).toContain(
      "Customers: CSAT *100%* (1 rating), NPS *+100* (1 answer) in the last 30 days.",
    );

    clock.set("2026-03-26T09:00:00Z"); // the digest covers the day before: the day of the score
    const digest = JSON.stringify(await t.slack.command({ command: "/wowbot", text: "digest", user_id: LENA }));
    expect(digest).toContain("Last 30 days: quick-score average 0 (1 score) · CSAT 100% (3 ratings).");
    expect(digest).toContain(`Look again (1): <@${ADA}> T-1001: score 0, CSAT 5.`);
    expect(digest).not.toContain(BEN);
    clock.set("2026-03-27T09:00:00Z"); // the next day's digest: nothing new to look again at
    expect(JSON.stringify(await t.slack.command({ command: "/wowbot", text: "digest", user_id: LENA }))).not.toContain("Look again");
    clock.set("2026-03-26T09:00:00Z");
    expect(JSON.stringify(await t.slack.command({ command: "/wowbot", text: "digest", user_id: BOSS }))).toContain(
      "average score 0 (1 score), CSAT 100% (30 days)",
    );
  });

  it("sends the candidate of an agent in no team to the admins only, once teams exist: the comment is for the agent's leads", async () => {
    t.fakeSlack.reset();
    const row = { member: DAN, feedbackId: "fb-dan", receivedAt: "2026-03-26T08:00:00Z", nps: 9, comment: "Dan was patient and walked me through every step." };
    expect((await post([row])).body).toMatchObject({ created: 1, candidates: 1 });
    await t.deliver();
    expect(cards().map((c) => c.args.channel)).toEqual([BOSS]);
    const candidate = await candidateOf("fb-dan");
    expect(await click(LENA, "candidate.recognise", candidate?.id ?? "")).toBe(":no_entry_sign: dan is not in your team.");

    // A lead's own customer's praise goes to the admins (a lead is in no team as an agent) and the lead can't decide it.
    const own = {
      member: LENA,
      feedbackId: "fb-lena",
      receivedAt: "2026-03-26T08:00:00Z",
      csat: 5,
      comment: "Lena took my escalation and fixed it the same day.",
    };
    expect((await post([own])).body).toMatchObject({ candidates: 1 });
    expect(await click(LENA, "candidate.recognise", (await candidateOf("fb-lena"))?.id ?? "")).toBe(
      ":no_entry_sign: That's a customer's feedback on you: another lead or an admin decides it.",
    );
    expect((await candidateOf("fb-lena"))?.status).toBe("pending");

    // Without a recognition channel nothing is posted, and neither the admin nor the card says it was.
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), recognitionChannel: null } } });
    expect(await click(BOSS, "candidate.recognise", candidate?.id ?? "")).toBe(
      ":white_check_mark: Recognised: no recognition channel is set, so it was not posted, and dan gets a DM with the customer's words.",
    );
    await t.deliver();
    expect(t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => JSON.stringify(c.args.blocks).includes("A wow from a customer"))).toEqual([]);
    const card = JSON.stringify(t.fakeSlack.acceptedCallsOf("chat.update").at(-1)?.args.blocks);
    expect(card).toContain(`Recognised by <@${BOSS}> as a wow from a customer.`);
    expect(card).not.toContain("posted");
  });
});
