// The lead digest for a 500-member team at its worst (every list full, the longest stories and references people can
// write, many pending requests and missed days) stays inside Block Kit's limits, summarises with "and N more", and
// never turns user text into a mention or a link.
import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../../src/adapters/slack/render/index.js";
import { DIGEST_LIST_MAX, DIGEST_REQUESTS_MAX, DIGEST_TOP_MAX } from "../../../../src/domain/digest.js";
import { type DigestFacts, digestView } from "../../../../src/views/digest.js";
import { blockKitProblems } from "../../../support/block-kit-limits.js";

const TEAM = 500;
const person = (i: number) => ({ platformUserId: `U${String(i).padStart(10, "0")}`, displayName: `${"Maximiliane von Hohenzollern ".repeat(8)}<!here> ${i}` });
const people = (n: number) => Array.from({ length: n }, (_, i) => person(i));
const capped = <T>(items: T[]) => ({ total: TEAM, items });

const worst: DigestFacts = {
  workspaceName: `${"A very long workspace name ".repeat(10)}<!channel>`,
  day: "2026-03-12",
  covered: "2026-03-11",
  missed: { total: 200, items: ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] },
  recognition: {
    nominations: TEAM * 5,
    top: people(DIGEST_TOP_MAX).map((p) => ({ nominee: p, nominator: person(1), story: `<!channel> ${"&<>".repeat(666)}`, seconds: 499 })),
    notNominated: capped(people(DIGEST_LIST_MAX)),
    notNominatedDays: 30,
  },
  quality: {
    scores: 5000,
    average: 77.77777,
    metGoal: 2500,
    goal: 80,
    lowest: people(DIGEST_TOP_MAX).map((p) => ({ agent: p, scorer: person(2), score: 0, reference: `<!channel> ${"x".repeat(190)}` })),
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
      people(DIGEST_REQUESTS_MAX).map((p, i) => ({ requestId: `00000000-0000-4000-8000-00000000000${i}`, person: p, date: "2026-04-01", hours: 8 })),
    ),
  },
  serviceLevel: { reporting: TEAM, team: 55.55, target: 80, below: capped(people(DIGEST_LIST_MAX).map((p) => ({ person: p, percent: 12.345 }))) },
  idleChats: {
    thresholdSeconds: 120,
    sessions: 10_000,
    byAgent: capped(people(DIGEST_LIST_MAX).map((p) => ({ person: p, sessions: 20, longestSeconds: 86_399 }))),
  },
};

describe("the digest in Slack", () => {
  it("fits Block Kit's limits for a 500-member team at its worst, as the digest and as a preview", () => {
    for (const preview of [false, true]) {
      const message = renderMessage(digestView(worst, { preview }));
      expect(blockKitProblems(message)).toEqual([]);
    }
  });

  it("summarises long lists with 'and N more' and keeps every pending request's buttons", () => {
    const message = renderMessage(digestView(worst));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(`and ${TEAM - DIGEST_LIST_MAX} more`);
    expect(text).toContain("No digest was sent for 200 workdays (2026-03-02, 2026-03-03, 2026-03-04, 2026-03-05, 2026-03-06 and 195 more)");
    expect(text).toContain(`…and ${TEAM - DIGEST_REQUESTS_MAX} more requests`);
    const buttons = message.blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements as Array<{ action_id: string }>);
    expect(buttons.map((b) => b.action_id)).toEqual(Array.from({ length: DIGEST_REQUESTS_MAX }, () => ["pto.approve", "pto.decline"]).flat());
  });

  it("never lets user text mention or link", () => {
    const text = JSON.stringify(renderMessage(digestView(worst)));
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<!here>");
    expect(text).toContain("&lt;!channel&gt;");
  });
});
