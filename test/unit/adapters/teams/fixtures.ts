// Worst-case and ordinary neutral views for the Teams card tests: the longest names, stories, references and lists
// people can produce, with hostile text (markdown links, <at> tags, @channel words) everywhere users write.
import { type DigestFacts, digestView } from "../../../../src/views/digest.js";
import { helpView } from "../../../../src/views/help.js";
import type { View } from "../../../../src/views/index.js";
import { type NominationFacts, nominationPostView, nomineeDmView } from "../../../../src/views/nomination.js";
import { notice } from "../../../../src/views/notice.js";
import { ledgerDmView, type PtoFacts, ptoOutcomeDmView, ptoRequestPostView, ptoView } from "../../../../src/views/pto.js";
import { scoreDmView } from "../../../../src/views/score.js";
import { worstAttendanceViews, worstDigestFacts, worstPtoFacts, worstStatsViews } from "../../../support/view-fixtures.js";

/** AAD object ids are GUIDs. */
export const aad = (i: number) => `00000000-0000-4000-a000-${String(i).padStart(12, "0")}`;
export const longName = "Maximiliane-Alexandrina von Hohenzollern-Sigmaringen ".repeat(4).trim();
export const person = (i: number, name = `${i} ${longName}`) => ({ platformUserId: aad(i), displayName: name });
/** Text a person could write to trick a card: a link, a mention tag for a real name, emphasis, @channel. */
export const HOSTILE = "[click me](https://evil.example) <at>Ann</at> **loud** @channel @here <script>x</script>";

export const ann = { platformUserId: aad(900), displayName: "Ann" };
export const bob = { platformUserId: aad(901), displayName: "Bob Lee" };

export const nomination: NominationFacts = {
  id: "11111111-1111-4111-8111-111111111111",
  nominee: ann,
  nominator: bob,
  story: `Stayed late to fix a refund. ${HOSTILE}`,
  reference: "TICKET-42",
  behaviours: ["connection", "wow"],
  status: "active",
  seconds: 3,
};

export const worstNomination: NominationFacts = {
  ...nomination,
  nominee: person(1, `${longName} <at>x</at> [a](b)`),
  nominator: person(2),
  story: `${"[x](https://evil.example) <at>Ann</at> *_~` ".repeat(60)}`.slice(0, 2000),
  reference: `https://support.example.com/${"x".repeat(200 - 29)}`,
  behaviours: ["connection", "rapport", "unstated_need", "wow"],
  seconds: 999,
};

const hostileLong = `${HOSTILE} `.repeat(6).slice(0, 500);

export const pto: PtoFacts = worstPtoFacts({
  member: person(3),
  reason: hostileLong,
  ledgerLength: 60,
  ledgerAt: (i) => new Date(Date.UTC(2026, 2, 1 + (i % 28))),
  requestId: (i) => `22222222-0000-4000-8000-${String(i).padStart(12, "0")}`,
});

export const request = {
  requestId: "33333333-3333-4333-8333-333333333333",
  member: ann,
  date: "2026-04-01",
  hours: 7.5,
  note: hostileLong,
  decidedBy: bob,
  balance: pto.balance,
};

const bigPerson = (i: number) => person(1000 + i, `${i} @channel ${"Maximiliane von Hohenzollern ".repeat(8)}`);

export const worstDigest: DigestFacts = worstDigestFacts({
  person: bigPerson,
  workspaceName: `${"A very long workspace name ".repeat(10)}@channel`,
  story: `${HOSTILE} ${"*_[]".repeat(500)}`,
  reference: `${HOSTILE} ${"x".repeat(110)}`,
  requestId: (i) => `44444444-0000-4000-8000-${String(i).padStart(12, "0")}`,
});

/** At least one view of every kind, ordinary and worst case. */
export const VIEWS: Array<[string, View]> = [
  ["help", helpView()],
  ["help, unknown input", helpView(`${HOSTILE} `.repeat(100))],
  ["notice", notice("error", `${longName} ${HOSTILE} `.repeat(60))],
  ["nomination post", nominationPostView(nomination)],
  ["nomination post, worst case", nominationPostView(worstNomination)],
  ["nomination post, 2000 characters of escapes", nominationPostView({ ...worstNomination, story: "*".repeat(2000) })],
  ["nomination post, retracted", nominationPostView({ ...nomination, status: "retracted" })],
  ["nomination post, removed", nominationPostView({ ...nomination, status: "removed" })],
  ["nominee DM", nomineeDmView(worstNomination)],
  ["confirmation", { kind: "nomination.confirmation", nominationId: nomination.id, nominee: ann, postChannel: "19:abc@thread.tacv2", replayed: true }],
  [
    "quick-score DM",
    scoreDmView({
      id: "s1",
      agent: ann,
      scorer: bob,
      reference: HOSTILE,
      channel: "chat",
      answers: { connection: 2, rapport: "partly", unstatedNeeds: "na", wow: "no" },
      score: 67,
      goal: 80,
      note: `${HOSTILE} `.repeat(12).slice(0, 1000),
    }),
  ],
  ["/pto, worst case", ptoView(pto, true, true)],
  ["/pto seen by a lead", ptoView(pto, false, true)],
  ["/pto, empty", ptoView({ ...pto, ledger: [], pending: [] }, true, false)],
  ["paid-day request, pending", ptoRequestPostView({ ...request, status: "pending" })],
  ["paid-day request, approved", ptoRequestPostView({ ...request, status: "approved" })],
  ["paid-day request, cancelled", ptoRequestPostView({ ...request, status: "cancelled" })],
  ["paid-day outcome, declined", ptoOutcomeDmView({ ...request, status: "declined" })],
  ["paid-day outcome, approved", ptoOutcomeDmView({ ...request, status: "approved" })],
  [
    "ledger DM, reversal",
    ledgerDmView({ member: ann, entry: pto.ledger[0] as PtoFacts["ledger"][0], streak: null, balance: pto.balance, hoursPerPaidDay: 7.5 }),
  ],
  [
    "ledger DM, credit",
    ledgerDmView({
      member: ann,
      entry: { hours: 4, kind: "credit", reason: "clean week", at: new Date() },
      streak: 3,
      balance: pto.balance,
      hoursPerPaidDay: 8,
    }),
  ],
  ...worstAttendanceViews({
    perfect: (i) => person(100 + i),
    milestone: (i) => person(200 + i),
    listMember: person(4),
    occurrenceId: (i) => `55555555-0000-4000-8000-${String(i).padStart(12, "0")}`,
    note: hostileLong,
  }),
  ["an empty attendance list", { kind: "attendance.list", member: ann, since: "2026-01-01", occurrences: [] }],
  ["digest for a 500-member team", digestView(worstDigest)],
  ["digest preview, close pending", digestView(worstDigest, { preview: true, closePending: true })],
  ...worstStatsViews({
    member: person(5),
    from: (i) => person(10 + i),
    story: worstNomination.story,
    reference: hostileLong,
    scorer: (i) => person(20 + i),
    note: `${HOSTILE} `.repeat(12).slice(0, 1000),
    at: new Date(Date.UTC(2026, 2, 1)),
    pto,
  }),
];
