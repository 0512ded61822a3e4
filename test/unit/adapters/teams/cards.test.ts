// Every neutral view as a Teams Adaptive Card: valid for adaptivecards' parser, under the Teams size budget at its worst,
// people mentioned with matching entities, user text kept literal, and the buttons a person needs (only when allowed).
import { describe, expect, it } from "vitest";
import { renderCard } from "../../../../src/adapters/teams/adaptive-card.js";
import { readCardAction } from "../../../../src/adapters/teams/cards/actions.js";
import { CARD_BUDGET_BYTES, cardBytes } from "../../../../src/adapters/teams/cards/limits.js";
import { mentionName } from "../../../../src/adapters/teams/cards/text.js";
import { DIGEST_LIST_MAX, DIGEST_REQUESTS_MAX } from "../../../../src/domain/digest.js";
import { digestView } from "../../../../src/views/digest.js";
import type { View } from "../../../../src/views/index.js";
import { nominationPostView } from "../../../../src/views/nomination.js";
import { ptoRequestPostView, ptoView } from "../../../../src/views/pto.js";
import { ann, bob, HOSTILE, nomination, pto, request, VIEWS, worstDigest, worstNomination } from "./fixtures.js";
import { cardProblems, findAll, visibleText } from "./validate-card.js";

const ALL_KINDS: Array<View["kind"]> = [
  "help",
  "notice",
  "nomination.post",
  "nomination.nominee_dm",
  "nomination.confirmation",
  "score.agent_dm",
  "pto",
  "pto.request",
  "pto.outcome",
  "pto.ledger_dm",
  "attendance.post",
  "attendance.list",
  "digest",
  "stats",
];

const card = (view: View) => {
  const message = renderCard(view);
  if (!message.card) throw new Error(`${view.kind} has no card`);
  return message.card;
};
const entities = (c: Record<string, unknown>) => (c.msteams as { entities?: Array<{ text: string; mentioned: { id: string; name: string } }> }).entities ?? [];
const buttons = (c: Record<string, unknown>) =>
  [...findAll(c, "Action.Execute"), ...findAll(c, "Action.Submit"), ...findAll(c, "Action.ShowCard")].map((a) => a.title as string);

describe("Teams cards for every view", () => {
  it("covers every view kind", () => {
    expect(new Set(VIEWS.map(([, v]) => v.kind))).toEqual(new Set(ALL_KINDS));
  });

  it.each(VIEWS)("%s: valid Adaptive Card 1.5 under the byte budget, with a plain fallback", (_name, view) => {
    const message = renderCard(view);
    const c = card(view);
    expect(cardProblems(c)).toEqual([]);
    expect(cardBytes(c)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(4000);
    expect(message.text).not.toMatch(/<at>/);
  });

  it.each(VIEWS)("%s: every <at> mention has its entity and every entity is in the card", (_name, view) => {
    const c = card(view);
    const body = JSON.stringify({ body: c.body, actions: c.actions });
    const tags = [...new Set(body.match(/<at>[^<]*<\/at>/g) ?? [])];
    expect(
      entities(c)
        .map((e) => e.text)
        .sort(),
    ).toEqual(tags.sort());
    for (const e of entities(c)) expect(e.mentioned.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(VIEWS)("%s: user text never becomes a link, a mention or @channel", (_name, view) => {
    const text = visibleText(card(view));
    // A markdown link needs an unescaped "[" ... "](": every bracket from user text is escaped.
    expect(text).not.toMatch(/(^|[^\\])\[[^\]]*\]\(https:\/\/evil/m);
    expect(text).not.toMatch(/@(channel|here)/);
    expect(text).not.toContain("<script");
  });

  it("the checker itself fails on what Teams or the parser would reject", () => {
    const base = { type: "AdaptiveCard", version: "1.5", $schema: "http://adaptivecards.io/schemas/adaptive-card.json" };
    expect(cardProblems({ ...base, body: [{ type: "Fancy" }] })).not.toEqual([]);
    expect(
      cardProblems({
        ...base,
        body: [
          { type: "Input.Text", id: "a" },
          { type: "Input.Text", id: "a" },
        ],
      }),
    ).not.toEqual([]);
    expect(cardProblems({ ...base, body: [], actions: [{ type: "Action.Teleport", title: "x" }] })).not.toEqual([]);
    expect(cardProblems({ ...base, body: [{ type: "Input.ChoiceSet", id: "c", choices: [] }] })).not.toEqual([]);
    expect(cardProblems({ ...base, version: "1.2", body: [] })).not.toEqual([]);
  });
});

describe("the recognition post", () => {
  it("names the nominee and nominator as mentions and tells the story literally", () => {
    const c = card(nominationPostView(nomination));
    const text = visibleText(c);
    expect(text).toContain("Wow moment for <at>Ann</at>");
    expect(text).toContain("Nominated by <at>Bob Lee</at>");
    expect(text).toContain("Stayed late to fix a refund.");
    expect(text).toContain("Showed: Personal emotional connection, Wow experience");
    expect(text).toContain("Interaction: TICKET-42");
    expect(entities(c)).toEqual([
      { type: "mention", text: "<at>Ann</at>", mentioned: { id: ann.platformUserId, name: "Ann" } },
      { type: "mention", text: "<at>Bob Lee</at>", mentioned: { id: bob.platformUserId, name: "Bob Lee" } },
    ]);
    // The story's own "<at>Ann</at>" is not a second mention, its link and bold are escaped.
    expect(text.match(/<at>Ann<\/at>/g)).toHaveLength(1);
    expect(text).toContain("\\[click me\\](https://evil.example)");
    expect(text).toContain("\\*\\*loud\\*\\*");
  });

  it("has Second (with its count), Score this (opening the score form prefilled) and Retract/Remove while active", () => {
    const c = card(nominationPostView(nomination));
    expect(buttons(c)).toEqual(["🙌 Second this (3)", "Retract my nomination", "Remove (admins)", "Score this interaction (leads)"]);
    const [second] = findAll(c, "Action.Execute");
    expect(readCardAction(second?.data)).toEqual({ wowbot: "nomination.second", nominationId: nomination.id });
    const [score] = findAll(c, "Action.Submit");
    // The dialog is prefilled from the nomination itself (agent and reference), checked again when it opens.
    expect(score?.data).toEqual({
      msteams: { type: "task/fetch" },
      wowbot: "form.open",
      form: "form.score",
      via: "nomination.score",
      nominationId: nomination.id,
    });
    const secondary = findAll(c, "Action.Execute").filter((a) => a.mode === "secondary");
    expect(secondary.map((a) => readCardAction({ action: { verb: a.verb, data: a.data } })?.wowbot)).toEqual(["nomination.retract", "nomination.remove"]);
  });

  it("says it was retracted, without the story or any button", () => {
    const c = card(nominationPostView({ ...nomination, status: "retracted" }));
    expect(visibleText(c)).toContain("This wow nomination for <at>Ann</at> was retracted by the nominator.");
    expect(visibleText(c)).not.toContain("refund");
    expect(buttons(c)).toEqual([]);
  });

  it("keeps the whole of a 2000-character story", () => {
    const story = `${"a".repeat(1990)} the end`;
    expect(visibleText(card(nominationPostView({ ...worstNomination, story })))).toContain("the end");
  });

  it("strips tag and markdown characters from names inside mentions", () => {
    const c = card(nominationPostView(worstNomination));
    for (const e of entities(c)) expect(e.text.slice(4, -5)).not.toMatch(/[<>[\]*_`]/);
  });
});

describe("PTO cards", () => {
  it("/pto: balance, pending requests with Cancel, Request a paid day off, ledger summarised", () => {
    const c = card(ptoView(pto, true, true));
    const text = visibleText(c);
    expect(text).toContain("Your PTO balance: **987.25 h**, 131 paid days (48 h held by pending requests)");
    expect(text).toContain("Streak: **52 clean periods** in a row");
    expect(text).toContain("…and 10 more pending requests.");
    expect(text).toContain("…and 45 older.");
    const cancels = findAll(c, "Action.Execute").filter((a) => a.verb === "pto.cancel");
    expect(cancels).toHaveLength(10);
    expect(readCardAction(cancels[0]?.data)).toEqual({ wowbot: "pto.cancel", requestId: pto.pending[0]?.requestId });
    const request = findAll(c, "Action.Submit").map((a) => a.data);
    expect(request).toEqual([{ msteams: { type: "task/fetch" }, wowbot: "form.open", form: "form.paid_day", via: "pto.request" }]);
  });

  it("/pto seen by a lead: their name, no Cancel and no Request", () => {
    const c = card(ptoView(pto, false, true));
    expect(visibleText(c)).toContain(`<at>${mentionName(pto.member.displayName)}</at>'s PTO balance`);
    expect(buttons(c)).toEqual([]);
  });

  it("a pending request has Approve and Decline; a decided one says who decided and has none", () => {
    const pending = card(ptoRequestPostView({ ...request, status: "pending" }));
    expect(visibleText(pending)).toContain("<at>Ann</at> asks for a paid day off on **2026-04-01** (7.5 h).");
    expect(findAll(pending, "Action.Execute").map((a) => readCardAction(a.data))).toEqual([
      { wowbot: "pto.approve", requestId: request.requestId },
      { wowbot: "pto.decline", requestId: request.requestId },
    ]);
    const approved = card(ptoRequestPostView({ ...request, status: "approved" }));
    expect(visibleText(approved)).toContain("✅ Approved by <at>Bob Lee</at>.");
    expect(buttons(approved)).toEqual([]);
  });
});

describe("attendance and digest cards", () => {
  it("the records list asks before deleting, with the occurrence id in the Delete action", () => {
    const view = VIEWS.find(([name]) => name === "a lead's list of 60 days of records")?.[1] as Extract<View, { kind: "attendance.list" }>;
    const c = card(view);
    const confirms = findAll(c, "Action.ShowCard");
    expect(confirms).toHaveLength(15);
    expect(confirms[0]?.title).toBe("Delete");
    const inner = findAll(confirms[0]?.card, "Action.Execute");
    expect(readCardAction(inner[0]?.data)).toEqual({ wowbot: "attendance.delete", occurrenceId: view.occurrences[0]?.id });
    expect(visibleText(c)).toContain("…and 25 older records not shown.");
    expect(visibleText(c)).toContain("Delete an excused absence on 2026-02-01? A closed period is re-evaluated.");
  });

  it("the 500-member digest summarises, keeps every pending request's buttons and mentions people", () => {
    const c = card(digestView(worstDigest));
    const text = visibleText(c);
    expect(text).toContain(`and ${500 - DIGEST_LIST_MAX} more`);
    expect(text).toContain("No digest was sent for 200 workdays");
    expect(text).toContain(`…and ${500 - DIGEST_REQUESTS_MAX} more requests`);
    expect(text).toContain("**2000 h** credited on 2026-03-11.");
    const verbs = findAll(c, "Action.Execute").map((a) => a.verb);
    expect(verbs).toEqual(Array.from({ length: DIGEST_REQUESTS_MAX }, () => ["pto.approve", "pto.decline"]).flat());
    expect(new Set(entities(c).map((e) => e.mentioned.id))).toEqual(new Set(worstDigest.attendance.atRisk.items.map((r) => r.person.platformUserId)));
  });

  it("a digest with extreme text still fits by cutting text, keeping its buttons", () => {
    const huge = { ...worstDigest, workspaceName: "x".repeat(100_000), missed: { total: 2000, items: Array.from({ length: 400 }, () => "2026-01-01") } };
    const c = card(digestView(huge));
    expect(cardBytes(c)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(cardProblems(c)).toEqual([]);
    expect(findAll(c, "Action.Execute")).toHaveLength(DIGEST_REQUESTS_MAX * 2);
  });

  it("help lists Teams commands without the slash", () => {
    const text = visibleText(card({ kind: "help", title: "wowbot commands", commands: [{ usage: "/pto @agent", description: "Someone else's PTO." }] }));
    expect(text).toContain("pto @agent");
    expect(text).not.toContain("/pto");
  });

  it("escapes hostile notices", () => {
    const text = visibleText(card({ kind: "notice", tone: "error", text: HOSTILE }));
    expect(text).toContain("🚫 \\[click me\\]");
    expect(text).not.toContain("<at>Ann</at>");
  });
});

describe("mentions", () => {
  it("two people with the same name: the second is written in bold, not mentioned, so nobody wrong is notified", () => {
    const twin = { platformUserId: "00000000-0000-4000-a000-999999999999", displayName: "Ann" };
    const c = card(ptoRequestPostView({ ...request, member: ann, decidedBy: twin, status: "declined" }));
    expect(visibleText(c)).toContain("❌ Declined by **Ann**.");
    expect(entities(c).map((e) => e.mentioned.id)).toEqual([ann.platformUserId]);
  });
});
