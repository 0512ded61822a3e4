// Worst-case and ordinary neutral views for the Teams card tests: the longest names, stories, references and lists
// people can produce, with hostile text (markdown links, <at> tags, @channel words) everywhere users write.
import { DIGEST_LIST_MAX, DIGEST_REQUESTS_MAX, DIGEST_TOP_MAX } from "../../../../src/domain/digest.js";
import { ptoBalance } from "../../../../src/domain/pto.js";
import { attendancePostView } from "../../../../src/views/attendance.js";
import { type DigestFacts, digestView } from "../../../../src/views/digest.js";
import { helpView } from "../../../../src/views/help.js";
import { homeView, statsView } from "../../../../src/views/home.js";
import type { View } from "../../../../src/views/index.js";
import { type NominationFacts, nominationPostView, nomineeDmView } from "../../../../src/views/nomination.js";
import { notice } from "../../../../src/views/notice.js";
import { ledgerDmView, type PtoFacts, ptoOutcomeDmView, ptoRequestPostView, ptoView } from "../../../../src/views/pto.js";
import { scoreDmView } from "../../../../src/views/score.js";

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

export const pto: PtoFacts = {
  member: person(3),
  balance: ptoBalance(987.25, 48, 7.5),
  hoursPerPaidDay: 7.5,
  streak: 52,
  pointsThisPeriod: 9.5,
  period: { kind: "two-week", start: "2026-03-09", end: "2026-03-23" },
  daysLeft: 13,
  ledger: Array.from({ length: 60 }, (_, i) => ({
    hours: -7.5,
    kind: "reversal" as const,
    reason: hostileLong,
    at: new Date(Date.UTC(2026, 2, 1 + (i % 28))),
  })),
  pending: Array.from({ length: 20 }, (_, i) => ({ requestId: `22222222-0000-4000-8000-${String(i).padStart(12, "0")}`, date: "2026-04-01", hours: 7.5 })),
};

export const request = {
  requestId: "33333333-3333-4333-8333-333333333333",
  member: ann,
  date: "2026-04-01",
  hours: 7.5,
  note: hostileLong,
  decidedBy: bob,
  balance: pto.balance,
};

const TEAM = 500;
const bigPerson = (i: number) => person(1000 + i, `${i} @channel ${"Maximiliane von Hohenzollern ".repeat(8)}`);
const people = (n: number) => Array.from({ length: n }, (_, i) => bigPerson(i));
const capped = <T>(items: T[]) => ({ total: TEAM, items });

export const worstDigest: DigestFacts = {
  workspaceName: `${"A very long workspace name ".repeat(10)}@channel`,
  day: "2026-03-12",
  covered: "2026-03-11",
  missed: { total: 200, items: ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] },
  recognition: {
    nominations: TEAM * 5,
    top: people(DIGEST_TOP_MAX).map((p) => ({ nominee: p, nominator: bigPerson(1), story: `${HOSTILE} ${"*_[]".repeat(500)}`, seconds: 499 })),
    notNominated: capped(people(DIGEST_LIST_MAX)),
    notNominatedDays: 30,
  },
  quality: {
    scores: 5000,
    average: 77.77777,
    metGoal: 2500,
    goal: 80,
    lowest: people(DIGEST_TOP_MAX).map((p) => ({ agent: p, scorer: bigPerson(2), score: 0, reference: `${HOSTILE} ${"x".repeat(110)}` })),
  },
  attendance: {
    occurrences: capped(people(DIGEST_LIST_MAX).map((p) => ({ person: p, type: "absence" as const }))),
    period: { kind: "two-week", start: "2026-03-02", end: "2026-03-16" },
    riskThreshold: 3,
    atRisk: capped(people(DIGEST_LIST_MAX).map((p) => ({ person: p, points: 99.5 }))),
    zeroPoints: 0,
    eligible: TEAM,
    closes: [
      { start: "2026-02-02", end: "2026-02-16", evaluated: TEAM, clean: 250, hours: 1000.5 },
      { start: "2026-02-16", end: "2026-03-02", evaluated: TEAM, clean: 250, hours: 1000.5 },
    ],
  },
  pto: {
    hoursCredited: 2000,
    pending: capped(
      people(DIGEST_REQUESTS_MAX).map((p, i) => ({
        requestId: `44444444-0000-4000-8000-${String(i).padStart(12, "0")}`,
        person: p,
        date: "2026-04-01",
        hours: 8,
      })),
    ),
  },
  serviceLevel: { reporting: TEAM, team: 55.55, target: 80, below: capped(people(DIGEST_LIST_MAX).map((p) => ({ person: p, percent: 12.345 }))) },
  idleChats: {
    thresholdSeconds: 120,
    sessions: 10_000,
    byAgent: capped(people(DIGEST_LIST_MAX).map((p) => ({ person: p, sessions: 20, longestSeconds: 86_399 }))),
  },
};

const home = homeView({
  member: person(5),
  recentWows: Array.from({ length: 5 }, (_, i) => ({
    nominationId: `n${i}`,
    from: person(10 + i),
    story: worstNomination.story,
    reference: hostileLong,
    seconds: 999,
    at: new Date(Date.UTC(2026, 2, 1)),
  })),
  wowsLast30Days: 999,
  secondsLast30Days: 9999,
  scoresLast30Days: { count: 999, average: 87, metGoal: 500 },
  latestNotes: Array.from({ length: 3 }, (_, i) => ({
    scorer: person(20 + i),
    reference: hostileLong,
    score: 100,
    note: `${HOSTILE} `.repeat(12).slice(0, 1000),
    at: new Date(Date.UTC(2026, 2, 1)),
  })),
  goal: 80,
  pto,
  serviceLevel: {
    from: "2026-03-04",
    to: "2026-03-10",
    days: 7,
    customerFacingSeconds: 201_600,
    availableSeconds: 201_600,
    percent: 100,
    target: 80,
    idleChats: { count: 9999, thresholdSeconds: 86_400, longestSeconds: 999_999 },
  },
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
  [
    "perfect attendance for a 500-member team",
    attendancePostView({
      date: "2026-03-16",
      closed: {
        start: "2026-03-09",
        end: "2026-03-16",
        perfect: Array.from({ length: 40 }, (_, i) => ({ person: person(100 + i), hours: 999.99, streak: 520 })),
        more: 460,
      },
      progress: { atZero: 500, of: 500, daysLeft: 6, periodKind: "week" },
      milestones: [],
    }),
  ],
  [
    "attendance progress with 40 milestones",
    attendancePostView({
      date: "2026-03-17",
      closed: null,
      progress: { atZero: 480, of: 500, daysLeft: 5, periodKind: "week" },
      milestones: Array.from({ length: 40 }, (_, i) => ({ person: person(200 + i), streak: 52 })),
    }),
  ],
  [
    "a lead's list of 60 days of records",
    {
      kind: "attendance.list",
      member: person(4),
      since: "2026-01-01",
      occurrences: Array.from({ length: 40 }, (_, i) => ({
        id: `55555555-0000-4000-8000-${String(i).padStart(12, "0")}`,
        date: "2026-02-01",
        type: "excused" as const,
        note: hostileLong,
      })),
    },
  ],
  ["an empty attendance list", { kind: "attendance.list", member: ann, since: "2026-01-01", occurrences: [] }],
  ["digest for a 500-member team", digestView(worstDigest)],
  ["digest preview, close pending", digestView(worstDigest, { preview: true, closePending: true })],
  ["/wowbot stats, worst case", statsView(home, true)],
  ["/wowbot stats seen by a lead", statsView(home, false)],
];
