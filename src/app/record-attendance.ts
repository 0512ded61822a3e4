// Recording and deleting attendance occurrences (PRODUCT.md §3): leads only, one occurrence a day, no future dates.
// A change inside a period already closed re-evaluates it: a reversal or a late credit, never an edit of the ledger.
import { checkOccurrence, evaluatePeriod, formatHours, OCCURRENCE_LABEL, type OccurrenceType, pointsFor, reversal } from "../domain/attendance.js";
import { localDate } from "../domain/local-time.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { hasRole } from "../domain/roles.js";
import type { MemberLedgerTx, MemberRecord, OccurrenceRecord, Ports, WorkspaceRecord } from "./ports.js";

export function mayManageAttendance(member: MemberRecord): DomainError | null {
  return hasRole(member.role, "lead") ? null : { code: "ATTENDANCE.NOT_LEAD", message: "Only leads and admins can record attendance." };
}

/** What a change in a closed period did to the ledger, for the lead's confirmation. */
export type Correction =
  | { kind: "reversal"; hours: number; shortfall: number; period: { start: string; end: string } }
  | { kind: "late-credit"; hours: number; streak: number; period: { start: string; end: string } };

export interface AttendanceChange {
  status: "recorded" | "deleted" | "unchanged";
  message: string;
  occurrence: OccurrenceRecord | null;
  correction: Correction | null;
}

function checkTarget(lead: MemberRecord, member: MemberRecord): DomainError | null {
  const refused = mayManageAttendance(lead);
  if (refused) return refused;
  if (member.id === lead.id) {
    return { code: "ATTENDANCE.SELF", field: "member", message: "You can't record or change your own attendance: ask another lead." };
  }
  if (member.isBot) return { code: "ATTENDANCE.BOT", field: "member", message: `${member.displayName} is a bot, so there's no attendance to record.` };
  return null;
}

export async function recordAttendance(
  ports: Pick<Ports, "attendance" | "clock">,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; member: MemberRecord; date: string; type: OccurrenceType; note: string | null },
): Promise<Result<AttendanceChange>> {
  const { workspace, lead, member } = input;
  const refused = checkTarget(lead, member);
  if (refused) return fail(refused);
  if (!member.active) return fail({ code: "ATTENDANCE.INACTIVE", field: "member", message: `${member.displayName} is deactivated.` });
  const now = ports.clock.now();
  const note = input.note?.trim() || null;
  const draft = { memberName: member.displayName, date: input.date, type: input.type, note };
  const today = localDate(now, workspace.timezone);
  // The draft alone first: a date that is not one (a forged form value) must be refused before it reaches a query.
  const alone = checkOccurrence(draft, today, []);
  if (alone.status === "refused") return fail(alone.error);
  return ports.attendance.inMemberLock(member.id, async (tx) => {
    const check = checkOccurrence(draft, today, await tx.occurrencesOn(member.id, input.date));
    if (check.status === "refused") return fail(check.error);
    if (check.status === "duplicate") return ok({ status: "unchanged" as const, message: check.message, occurrence: null, correction: null });
    const { occurrence, correction } = await saveOccurrence(tx, {
      workspace,
      member,
      date: input.date,
      type: input.type,
      note,
      actor: lead.platformUserId,
      at: now,
      action: "attendance.record",
    });
    const message = `Recorded ${OCCURRENCE_LABEL[input.type]} for ${member.displayName} on ${input.date}.${correctionText(correction)}`;
    return ok({ status: "recorded" as const, message, occurrence, correction });
  });
}

/**
 * Writes a checked occurrence with its audit entry, then re-evaluates a closed period it falls in. Shared by chat
 * recording and imports, inside the caller's member lock.
 */
export async function saveOccurrence(
  tx: MemberLedgerTx,
  input: {
    workspace: WorkspaceRecord;
    member: MemberRecord;
    date: string;
    type: OccurrenceType;
    note: string | null;
    actor: string;
    at: Date;
    action: "attendance.record" | "attendance.import";
    /** Extra audit detail (an import's line number). */
    audit?: Record<string, unknown>;
  },
): Promise<{ occurrence: OccurrenceRecord; correction: Correction | null }> {
  const { workspace, member, actor, at } = input;
  const occurrence = await tx.createOccurrence({
    workspaceId: workspace.id,
    memberId: member.id,
    date: input.date,
    type: input.type,
    points: pointsFor(input.type, workspace.settings),
    note: input.note,
    recordedBy: actor,
    createdAt: at,
  });
  await tx.audit({
    workspaceId: workspace.id,
    actor,
    action: input.action,
    subject: `occurrence:${occurrence.id}`,
    after: { member: member.platformUserId, date: occurrence.date, type: occurrence.type, points: occurrence.points, note: occurrence.note, ...input.audit },
  });
  const correction = await reevaluateClosedPeriod(tx, { workspace, member, occurrence, change: "recorded", actor, at });
  return { occurrence, correction };
}

export async function deleteAttendance(
  ports: Pick<Ports, "attendance" | "clock" | "members">,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; occurrenceId: string },
): Promise<Result<AttendanceChange>> {
  const { workspace, lead } = input;
  const leadRefused = mayManageAttendance(lead);
  if (leadRefused) return fail(leadRefused);
  const notFound = fail({ code: "ATTENDANCE.NOT_FOUND", message: "That attendance record doesn't exist in this workspace." });
  const found = await ports.attendance.findOccurrence(input.occurrenceId);
  if (!found || found.workspaceId !== workspace.id) return notFound;
  const member = await ports.members.findById(found.memberId);
  if (!member) return notFound;
  const refused = checkTarget(lead, member);
  if (refused) return fail(refused);
  const now = ports.clock.now();
  return ports.attendance.inMemberLock(member.id, async (tx) => {
    const occurrence = await tx.findOccurrence(input.occurrenceId);
    if (!occurrence) return notFound;
    const what = `${OCCURRENCE_LABEL[occurrence.type]} for ${member.displayName} on ${occurrence.date}`;
    if (occurrence.deleted) return ok({ status: "unchanged" as const, message: `The record of ${what} was already deleted.`, occurrence, correction: null });
    await tx.deleteOccurrence(occurrence.id, lead.platformUserId, now);
    await tx.audit({
      workspaceId: workspace.id,
      actor: lead.platformUserId,
      action: "attendance.delete",
      subject: `occurrence:${occurrence.id}`,
      before: { member: member.platformUserId, date: occurrence.date, type: occurrence.type, points: occurrence.points, note: occurrence.note },
    });
    const correction = await reevaluateClosedPeriod(tx, { workspace, member, occurrence, change: "deleted", actor: lead.platformUserId, at: now });
    return ok({ status: "deleted" as const, message: `Deleted ${what}.${correctionText(correction)}`, occurrence, correction });
  });
}

/**
 * After an occurrence changed, a period already closed for the member is evaluated again. Clean before and not
 * now: the credit is reversed (never below a zero balance; the shortfall is noted). The other way: a late credit
 * at the tier the period would have earned. Later periods keep their results: history is not rewritten.
 */
async function reevaluateClosedPeriod(
  tx: MemberLedgerTx,
  input: { workspace: WorkspaceRecord; member: MemberRecord; occurrence: OccurrenceRecord; change: "recorded" | "deleted"; actor: string; at: Date },
): Promise<Correction | null> {
  const { workspace, member, occurrence, at } = input;
  const result = await tx.resultCovering(member.id, occurrence.date);
  if (!result) return null;
  const period = { start: result.periodStart, end: result.periodEnd };
  const points = await tx.pointsBetween(member.id, period.start, period.end);
  const why = `${OCCURRENCE_LABEL[occurrence.type]} on ${occurrence.date} ${input.change} after the period ${period.start} to ${period.end} closed`;
  const entryKey = (kind: string) => `${kind}:${result.id}:${occurrence.id}:${input.change}`;
  const dm = (key: string) => ({
    workspaceId: workspace.id,
    target: { kind: "dm" as const, platformUserId: member.platformUserId },
    payload: { view: "pto.ledger_dm", entryKey: key },
    dedupeKey: `pto:${key}`,
  });
  const clean = points === 0;
  if (clean === result.clean) {
    await tx.updateResult(result.id, { points, clean, streak: result.streak, hoursCredited: result.hoursCredited, correctedAt: at });
    return null;
  }
  const balance = await tx.balance(member.id);
  if (result.clean) {
    const { hours, shortfall } = reversal(result.hoursCredited, balance);
    const note = shortfall > 0 ? `${formatHours(shortfall)} could not be reversed: the balance was ${formatHours(balance)}` : null;
    if (hours > 0) {
      await tx.addLedger(
        {
          workspaceId: workspace.id,
          memberId: member.id,
          hours: -hours,
          kind: "reversal",
          reason: note ? `${why}; ${note}` : why,
          actor: input.actor,
          periodResultId: result.id,
          dedupeKey: entryKey("reversal"),
        },
        at,
      );
      await tx.enqueue([dm(entryKey("reversal"))], at);
    }
    await tx.updateResult(result.id, { points, clean: false, streak: 0, hoursCredited: result.hoursCredited - hours, note, correctedAt: at });
    await tx.audit({
      workspaceId: workspace.id,
      actor: input.actor,
      action: "pto.reversal",
      subject: `period:${result.id}`,
      before: { clean: true, hoursCredited: result.hoursCredited, balance },
      after: { clean: false, reversed: hours, shortfall },
    });
    return { kind: "reversal", hours, shortfall, period };
  }
  const evaluation = evaluatePeriod({ points: 0, previousStreak: await tx.streakBefore(member.id, period.start), balance, settings: workspace.settings });
  if (evaluation.hours > 0) {
    await tx.addLedger(
      {
        workspaceId: workspace.id,
        memberId: member.id,
        hours: evaluation.hours,
        kind: "credit",
        reason: `late credit: ${why}${evaluation.capNote ? ` (${evaluation.capNote})` : ""}`,
        actor: input.actor,
        periodResultId: result.id,
        dedupeKey: entryKey("late-credit"),
      },
      at,
    );
    await tx.enqueue([dm(entryKey("late-credit"))], at);
  }
  await tx.updateResult(result.id, {
    points,
    clean: true,
    streak: evaluation.streak,
    hoursCredited: result.hoursCredited + evaluation.hours,
    note: evaluation.capNote,
    correctedAt: at,
  });
  await tx.audit({
    workspaceId: workspace.id,
    actor: input.actor,
    action: "pto.late_credit",
    subject: `period:${result.id}`,
    before: { clean: false, hoursCredited: result.hoursCredited },
    after: { clean: true, credited: evaluation.hours, streak: evaluation.streak },
  });
  return { kind: "late-credit", hours: evaluation.hours, streak: evaluation.streak, period };
}

function correctionText(c: Correction | null): string {
  if (!c) return "";
  const period = `The period ${c.period.start} to ${c.period.end}`;
  if (c.kind === "late-credit") return ` ${period} is now clean: a late credit of ${formatHours(c.hours)} was added.`;
  const shortfall = c.shortfall > 0 ? ` ${formatHours(c.shortfall)} could not be reversed because the balance was too low; this shortfall is noted.` : "";
  return ` ${period} had been credited: ${formatHours(c.hours)} reversed.${shortfall}`;
}
