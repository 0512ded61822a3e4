// Every Slack view, rendered from the worst inputs people can produce, stays inside Block Kit's limits, and user
// text never becomes a mention or a link it did not write.
import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../../src/adapters/slack/block-kit.js";
import { renderForm, renderFormDone } from "../../../../src/adapters/slack/modal.js";
import { defaultSettings } from "../../../../src/domain/settings.js";
import { helpView } from "../../../../src/views/help.js";
import type { View } from "../../../../src/views/index.js";
import { type NominationFacts, nominationPostView, nomineeDmView } from "../../../../src/views/nomination.js";
import { notice } from "../../../../src/views/notice.js";
import { ledgerDmView, type PtoFacts, ptoOutcomeDmView, ptoRequestPostView, ptoView } from "../../../../src/views/pto.js";
import { scoreDmView } from "../../../../src/views/score.js";
import { blockKitProblems } from "../../../support/block-kit-limits.js";
import { worstAttendanceViews, worstPtoFacts, worstStatsViews } from "../../../support/view-fixtures.js";

const longName = "Maximiliane-Alexandrina von Hohenzollern-Sigmaringen ".repeat(4).trim();
const worst: NominationFacts = {
  id: "00000000-0000-4000-8000-000000000000",
  nominee: { platformUserId: "U0NOMINEE", displayName: `${longName} <!here>` },
  nominator: { platformUserId: "U0AGENT", displayName: longName },
  story: `${"&<>".repeat(666)}&&`,
  reference: `https://support.example.com/${"x".repeat(200 - 29)}`,
  behaviours: ["connection", "rapport", "unstated_need", "wow"],
  status: "active",
  seconds: 999,
};

const views: Array<[string, View]> = [
  ["post, worst case", nominationPostView(worst)],
  ["post, plain 200-character reference", nominationPostView({ ...worst, reference: "<!channel> ".repeat(20).slice(0, 200) })],
  ["post, retracted", nominationPostView({ ...worst, status: "retracted" })],
  ["nominee DM", nomineeDmView(worst)],
  ["confirmation", { kind: "nomination.confirmation", nominationId: worst.id, nominee: worst.nominee, postChannel: "C0TEAM", replayed: true }],
  ["notice", notice("error", `${longName} <!everyone> `.repeat(60))],
  ["help", helpView("x".repeat(5000))],
  [
    "quick-score DM",
    scoreDmView({
      id: "s1",
      agent: worst.nominee,
      scorer: worst.nominator,
      reference: "<!channel>".repeat(20),
      channel: "chat",
      answers: { connection: 2, rapport: "partly", unstatedNeeds: "na", wow: "no" },
      score: 67,
      goal: 80,
      note: "&<>".repeat(333),
    }),
  ],
];

const person = (i: number) => ({ platformUserId: `U0M${String(i).padStart(6, "0")}`, displayName: `${longName} <!here>` });
const hostile = `${"&<>".repeat(166)}<!channel>`;
const pto: PtoFacts = worstPtoFacts({
  member: person(1),
  reason: hostile,
  ledgerLength: 10,
  ledgerAt: (i) => new Date(2026, 2, i + 1),
  requestId: (i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
});
const request = {
  requestId: pto.pending[0]?.requestId ?? "",
  member: person(2),
  date: "2026-04-01",
  hours: 7.5,
  note: hostile,
  decidedBy: person(3),
  balance: pto.balance,
};
views.push(
  ["/pto, worst case", ptoView(pto, true, true)],
  ["/pto seen by a lead", ptoView(pto, false, true)],
  ["paid-day request, pending", ptoRequestPostView({ ...request, status: "pending" })],
  ["paid-day request, approved", ptoRequestPostView({ ...request, status: "approved" })],
  ["paid-day outcome", ptoOutcomeDmView({ ...request, status: "declined" })],
  ["ledger DM", ledgerDmView({ member: person(1), entry: pto.ledger[0] as PtoFacts["ledger"][0], streak: null, balance: pto.balance, hoursPerPaidDay: 7.5 })],
  ...worstAttendanceViews({
    perfect: person,
    milestone: person,
    listMember: person(4),
    occurrenceId: (i) => `o${i}`,
    note: hostile,
  }),
  ...worstStatsViews({
    member: person(5),
    from: person,
    story: `${"&<>".repeat(666)}<!channel>`,
    reference: hostile,
    scorer: person,
    note: "&<>".repeat(333),
    at: new Date(2026, 2, 1),
    pto,
  }),
);

describe("Slack rendering within Block Kit limits", () => {
  it.each(views)("%s", (_name, view) => {
    const message = renderMessage(view);
    expect(blockKitProblems(message)).toEqual([]);
    const json = JSON.stringify(message);
    expect(json).not.toMatch(/<!(channel|here|everyone)/);
  });

  it("keeps the whole of a 2000-character story, escaped, and marks one that escaping made too long as cut", () => {
    const story = `${"a".repeat(1990)} the end`;
    expect(JSON.stringify(renderMessage(nominationPostView({ ...worst, story })))).toContain("the end");
    expect(JSON.stringify(renderMessage(nominationPostView(worst)))).toContain("&amp;&lt;&gt;");
    const ampersands = renderMessage(nominationPostView({ ...worst, story: "&".repeat(2000) }));
    expect(blockKitProblems(ampersands)).toEqual([]);
    expect(JSON.stringify(ampersands)).toContain("…");
  });

  it("renders the quick-score and settings modals within limits", () => {
    expect(blockKitProblems(renderForm({ kind: "form.score", agent: "U0AGENT", reference: "r".repeat(500), nominationId: null }))).toEqual([]);
    expect(blockKitProblems(renderFormDone({ title: "Score saved", view: notice("success", "x".repeat(5000)) }))).toEqual([]);
    const channels = Array.from({ length: 500 }, (_, i) => ({ id: `C${i}`, name: "n".repeat(300) }));
    expect(blockKitProblems(renderForm({ kind: "form.settings", settings: defaultSettings, timezone: "UTC", channels }))).toEqual([]);
  });

  it("renders the nomination modals within limits, prefilled to the maximum", () => {
    const modal = renderForm({ kind: "form.nomination", channel: "C0TEAM", nominee: "U0NOMINEE", reference: "r".repeat(500), story: "s".repeat(5000) });
    expect(blockKitProblems(modal)).toEqual([]);
    expect(
      blockKitProblems(
        renderFormDone({
          title: "Nomination sent",
          view: { kind: "nomination.confirmation", nominationId: "x", nominee: worst.nominee, postChannel: null, replayed: false },
        }),
      ),
    ).toEqual([]);
  });

  it("the checker itself catches what Slack would reject", () => {
    expect(blockKitProblems({ blocks: [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }] })).toHaveLength(1);
    expect(blockKitProblems({ blocks: Array.from({ length: 51 }, () => ({ type: "divider" })) })).toHaveLength(1);
    expect(blockKitProblems({ type: "modal", title: { text: "A title that is far too long" }, blocks: [] })).toHaveLength(1);
  });
});
