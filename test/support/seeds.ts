// Database seeds that the Slack end-to-end tests and their Teams twins both write: the same rows on both platforms,
// so the twins check the same figures. Rows go in through Prisma directly (the facts no command can create).
import type { Member } from "../../src/generated/prisma/client.js";
import type { TestService } from "./service.js";

type Prisma = TestService["prisma"];

/**
 * Ada's and Pat's service level and idle chats around the window 4 to 10 March 2026 (today is 10 March): Ada 77.8%
 * (3 h 30 min of 4 h 30 min over 2 days) with 1 chat idle over 120 s (5 min); Pat 28.6% with one of 17 min; a day
 * and a chat of Ada's just before the window that must be left out.
 */
export async function seedServiceLevelWeek(prisma: Prisma, ada: Member, pat: Member): Promise<void> {
  const day = (member: Member, date: string, customerFacingSeconds: number, availableSeconds: number) =>
    prisma.serviceLevelDay.create({
      data: { workspaceId: ada.workspaceId, memberId: member.id, date: new Date(date), customerFacingSeconds, availableSeconds },
    });
  await day(ada, "2026-03-03", 0, 28_800); // the day before the window: left out
  await day(ada, "2026-03-04", 3_600, 7_200);
  await day(ada, "2026-03-10", 9_000, 9_000);
  await day(pat, "2026-03-08", 1_234, 4_321);
  let session = 0;
  const chat = (member: Member, closed: string, idleSeconds: number) => {
    const agentClosedAt = new Date(closed);
    return prisma.chatSession.create({
      data: {
        workspaceId: ada.workspaceId,
        memberId: member.id,
        sessionId: `S-${++session}`,
        startedAt: new Date(agentClosedAt.getTime() - 1_800_000),
        customerLeftAt: new Date(agentClosedAt.getTime() - idleSeconds * 1000),
        agentClosedAt,
        idleSeconds,
      },
    });
  };
  await chat(ada, "2026-03-05T10:00:00Z", 300); // over the 120 s threshold
  await chat(ada, "2026-03-06T10:00:00Z", 60); // under it
  await chat(ada, "2026-03-03T23:59:00Z", 900); // before the window
  await chat(pat, "2026-03-07T10:00:00Z", 1_020);
}

/**
 * What the agent's home page shows: one wow from the peer with `story`, seconded by the lead, and the lead's scores:
 * C-1 scored 10 ("superseded note") then again 90 (the current note), and C-2 scored 70 without a note.
 */
export async function seedHomeFigures(prisma: Prisma, p: { agent: Member; peer: Member; lead: Member; story: string }): Promise<void> {
  const { agent, peer, lead } = p;
  const ws = agent.workspaceId;
  const n = await prisma.nomination.create({
    data: { workspaceId: ws, nomineeId: agent.id, nominatorId: peer.id, story: p.story, reference: "T-1" },
  });
  await prisma.endorsement.create({ data: { nominationId: n.id, memberId: lead.id } });
  const score = (value: number, reference: string, note: string | null) =>
    prisma.quickScore.create({
      data: {
        workspaceId: ws,
        agentId: agent.id,
        scorerId: lead.id,
        reference,
        channel: "chat",
        connectionAttempts: 2,
        rapport: "yes",
        unstatedNeeds: "yes",
        wow: "no",
        weights: {},
        score: value,
        note,
      },
    });
  const old = await score(10, "C-1", "superseded note");
  const current = await score(90, "C-1", "Great empathy; slow down on the close.");
  await prisma.quickScore.update({ where: { id: old.id }, data: { supersededById: current.id } });
  await score(70, "C-2", null);
}

/** Two phone scores of the agent's by the scorer for the export tests, with notes a spreadsheet could misread; their ids. */
export async function seedExportScores(prisma: Prisma, agent: Member, scorer: Member): Promise<{ s1: string; s2: string }> {
  const score = (reference: string, value: number, note: string | null, createdAt: string) =>
    prisma.quickScore.create({
      data: {
        workspaceId: agent.workspaceId,
        agentId: agent.id,
        scorerId: scorer.id,
        reference,
        channel: "phone",
        connectionAttempts: 1,
        rapport: "yes",
        unstatedNeeds: "partly",
        wow: "no",
        weights: {},
        score: value,
        note,
        createdAt: new Date(createdAt),
      },
    });
  const s1 = (await score("CALL-1", 70, 'Good, but "hold" less', "2026-03-01T10:00:00Z")).id;
  const s2 = (await score("CALL-2", 88, "@here great call", "2026-03-02T10:00:00Z")).id;
  return { s1, s2 };
}

/** Gives a member `hours` of paid time off as an opening-balance adjustment (as an admin's correction would). */
export async function creditOpeningBalance(prisma: Prisma, member: Member, hours: number, dedupeKey: string): Promise<void> {
  await prisma.ptoLedgerEntry.create({
    data: { workspaceId: member.workspaceId, memberId: member.id, hours, kind: "adjustment", reason: "opening balance", actor: "test", dedupeKey },
  });
}

/** Removes every attendance record, paid-day request and ledger entry, and the queued messages about them. */
export async function clearAttendance(prisma: Prisma): Promise<void> {
  await prisma.ptoLedgerEntry.deleteMany();
  await prisma.ptoRequest.deleteMany();
  await prisma.attendanceOccurrence.deleteMany();
  await prisma.outbox.deleteMany();
}

/** Queues 45 nominee DMs about `nomination` to `platformUserId` (more than one delivery batch), all due `now`. */
export async function queueNomineeDmBacklog(
  prisma: Prisma,
  nomination: { id: string; workspaceId: string },
  platformUserId: string,
  dedupePrefix: string,
  now: Date,
): Promise<void> {
  await prisma.outbox.createMany({
    data: Array.from({ length: 45 }, (_, i) => ({
      workspaceId: nomination.workspaceId,
      target: { kind: "dm", platformUserId },
      payload: { view: "nomination.nominee_dm", nominationId: nomination.id },
      dedupeKey: `${dedupePrefix}:${i}`,
      createdAt: now,
      nextAttemptAt: now,
    })),
  });
}
