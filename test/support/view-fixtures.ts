// Worst-case neutral views shared by the Block Kit and the Adaptive Card limit tests: the same full lists and maxed
// figures, with each platform's own people and hostile text passed in (mention syntax differs between the two).
import { DIGEST_LIST_MAX, DIGEST_QUALITY_MAX, DIGEST_REQUESTS_MAX, DIGEST_TOP_MAX } from "../../src/domain/digest.js";
import { ptoBalance } from "../../src/domain/pto.js";
import { attendancePostView } from "../../src/views/attendance.js";
import type { DigestFacts } from "../../src/views/digest.js";
import { homeView, statsView } from "../../src/views/home.js";
import type { View } from "../../src/views/index.js";
import type { PersonRef } from "../../src/views/person.js";
import type { PtoFacts } from "../../src/views/pto.js";

type People = (i: number) => PersonRef;

/** A team this large fills every list of the digest and the attendance post. */
export const WORST_TEAM = 500;

/** A member's /pto facts at their worst: a large balance, a long ledger of reversals and 20 pending requests. */
export function worstPtoFacts(p: {
  member: PersonRef;
  reason: string;
  ledgerLength: number;
  ledgerAt: (i: number) => Date;
  requestId: (i: number) => string;
}): PtoFacts {
  return {
    member: p.member,
    balance: ptoBalance(987.25, 48, 7.5),
    hoursPerPaidDay: 7.5,
    streak: 52,
    pointsThisPeriod: 9.5,
    period: { kind: "two-week", start: "2026-03-09", end: "2026-03-23" },
    daysLeft: 13,
    ledger: Array.from({ length: p.ledgerLength }, (_, i) => ({ hours: -7.5, kind: "reversal" as const, reason: p.reason, at: p.ledgerAt(i) })),
    pending: Array.from({ length: 20 }, (_, i) => ({ requestId: p.requestId(i), date: "2026-04-01", hours: 7.5 })),
  };
}

/** The attendance post for a 500-member team (40 perfect, 40 milestones) and a lead's list of 40 records. */
export function worstAttendanceViews(p: {
  perfect: People;
  milestone: People;
  listMember: PersonRef;
  occurrenceId: (i: number) => string;
  note: string;
}): Array<[string, View]> {
  return [
    [
      "perfect attendance for a 500-member team",
      attendancePostView({
        date: "2026-03-16",
        closed: {
          start: "2026-03-09",
          end: "2026-03-16",
          perfect: Array.from({ length: 40 }, (_, i) => ({ person: p.perfect(i), hours: 999.99, streak: 520 })),
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
        milestones: Array.from({ length: 40 }, (_, i) => ({ person: p.milestone(i), streak: 52 })),
      }),
    ],
    [
      "a lead's list of 60 days of records",
      {
        kind: "attendance.list",
        member: p.listMember,
        since: "2026-01-01",
        occurrences: Array.from({ length: 40 }, (_, i) => ({ id: p.occurrenceId(i), date: "2026-02-01", type: "excused" as const, note: p.note })),
      },
    ],
  ];
}

/** `wowbot stats` at its worst (5 long wows, 3 long coaching notes, maxed figures), as the member and as a lead see it. */
export function worstStatsViews(p: {
  member: PersonRef;
  from: People;
  story: string;
  reference: string;
  scorer: People;
  note: string;
  at: Date;
  pto: PtoFacts;
}): Array<[string, View]> {
  const home = homeView({
    member: p.member,
    recentWows: Array.from({ length: 5 }, (_, i) => ({
      nominationId: `n${i}`,
      from: p.from(i),
      story: p.story,
      reference: p.reference,
      seconds: 999,
      at: p.at,
    })),
    wowsLast30Days: 999,
    secondsLast30Days: 9999,
    scoresLast30Days: { count: 999, average: 87, metGoal: 500 },
    feedbackLast30Days: { csatCount: 99_999, csat: 66.6666, npsCount: 99_999, nps: -100 },
    latestNotes: Array.from({ length: 3 }, (_, i) => ({ scorer: p.scorer(i), reference: p.reference, score: 100, note: p.note, at: p.at })),
    goal: 80,
    pto: p.pto,
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
  return [
    ["/wowbot stats, worst case", statsView(home, true)],
    ["/wowbot stats seen by a lead", statsView(home, false)],
  ];
}

/** The lead digest for a 500-member team with every list full and the longest text in every place people write. */
export function worstDigestFacts(p: {
  person: People;
  workspaceName: string;
  story: string;
  reference: string;
  requestId: (i: number) => string;
}): DigestFacts {
  const people = (n: number) => Array.from({ length: n }, (_, i) => p.person(i));
  const capped = <T>(items: T[]) => ({ total: WORST_TEAM, items });
  return {
    workspaceName: p.workspaceName,
    team: null,
    // The workspace digest with a line for each of 500 teams (20 shown), each with the longest name allowed.
    teams: capped(
      Array.from({ length: 20 }, (_, i) => ({
        name: `${"T".repeat(55)}${String(i).padStart(5, "0")}`,
        leads: people(3)
          .map((x) => x.displayName)
          .join(", "),
        agents: 25,
        zero: 20,
        nominations: 7,
        scores: 12,
        average: 87.5,
        csat: 66.6666,
        pending: 2,
      })),
    ),
    day: "2026-03-12",
    covered: { from: "2026-03-11", to: "2026-03-11" },
    missed: { total: 200, items: ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] },
    recognition: {
      nominations: WORST_TEAM * 5,
      top: people(DIGEST_TOP_MAX).map((nominee) => ({ nominee, nominator: p.person(1), story: p.story, seconds: 499 })),
      notNominated: capped(people(DIGEST_LIST_MAX)),
      notNominatedDays: 30,
    },
    quality: {
      scores: 5000,
      average: 77.77777,
      metGoal: 2500,
      goal: 80,
      lowest: people(DIGEST_TOP_MAX).map((agent) => ({ agent, scorer: p.person(2), score: 0, reference: p.reference })),
      lastDays: 30,
      recentScores: { count: 99_999, average: 77.77777 },
      feedback: { csatCount: 99_999, csat: 66.6666, npsCount: 99_999, nps: -33.3333 },
      lookAgain: capped(people(DIGEST_QUALITY_MAX).map((agent) => ({ agent, reference: p.reference, score: 100, csat: 1 }))),
      candidates: capped(people(DIGEST_QUALITY_MAX).map((agent) => ({ agent, expires: "2026-03-25" }))),
      reviews: capped(people(DIGEST_QUALITY_MAX).map((agent) => ({ agent, scorer: p.person(2), score: 100, reference: p.reference }))),
    },
    attendance: {
      occurrences: capped(people(DIGEST_LIST_MAX).map((person) => ({ person, type: "absence" as const, date: "2026-03-11" }))),
      period: { kind: "two-week", start: "2026-03-02", end: "2026-03-16" },
      riskThreshold: 3,
      atRisk: capped(people(DIGEST_LIST_MAX).map((person) => ({ person, points: 99.5 }))),
      zeroPoints: 0,
      eligible: WORST_TEAM,
      closes: [
        { start: "2026-02-02", end: "2026-02-16", evaluated: WORST_TEAM, clean: 250, hours: 1000.5 },
        { start: "2026-02-16", end: "2026-03-02", evaluated: WORST_TEAM, clean: 250, hours: 1000.5 },
      ],
    },
    pto: {
      hoursCredited: 2000,
      pending: capped(people(DIGEST_REQUESTS_MAX).map((person, i) => ({ requestId: p.requestId(i), person, date: "2026-04-01", hours: 8 }))),
    },
    serviceLevel: {
      reporting: WORST_TEAM,
      team: 55.55,
      target: 80,
      below: capped(people(DIGEST_LIST_MAX).map((person) => ({ person, percent: 12.345 }))),
    },
    idleChats: {
      thresholdSeconds: 120,
      sessions: 10_000,
      byAgent: capped(people(DIGEST_LIST_MAX).map((person) => ({ person, sessions: 20, open: 1, longestSeconds: 86_399 }))),
    },
  };
}
