// Recording and deleting attendance occurrences (PRODUCT.md §3): leads only, one occurrence a day, no future dates.
// A change inside a period already closed re-evaluates it: a reversal or a late credit, never an edit of the ledger.

import { checkOccurrence, formatHours, OCCURRENCE_LABEL, type OccurrenceType, pointsFor, reversal, roundHours, tierHours } from "../domain/attendance.js";
import { localDate } from "../domain/local-time.js";
import { outsideProgramme } from "../domain/programme.js";
import type { MemberRecord, NewLedgerEntry, OccurrenceRecord, PeriodResultRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import type { MemberLedgerTx } from "./attendance.ports.js";
import { ledgerKey, outboxKey, outboxMessage } from "./outbox-messages.js";
import { may, mayActOn } from "./policy.js";
import type { Ports } from "./ports.js";
import type { TeamStore } from "./teams.ports.js";

/** What re-tiering the later closed periods did: how many changed, hours credited and reversed. */
export interface LaterCorrection {
  periods: number;
  credited: number;
  reversed: number;
}

/** What a change in a closed period did to the ledger, for the lead's confirmation. */
export type Correction = (
  | { kind: "reversal"; hours: number; shortfall: number; period: { start: string; end: string } }
  | { kind: "late-credit"; hours: number; streak: number; period: { start: string; end: string } }
) & { later: LaterCorrection };

export interface AttendanceChange {
  status: "recorded" | "deleted" | "unchanged";
  message: string;
  occurrence: OccurrenceRecord | null;
  correction: Correction | null;
}

async function checkTarget(teams: TeamStore, lead: MemberRecord, member: MemberRecord): Promise<DomainError | null> {
  const refused = await mayActOn(teams, lead, "attendance.record", member);
  if (refused) return refused;
  if (member.id === lead.id) {
    return { code: "ATTENDANCE.SELF", field: "member", message: "You can't record or change your own attendance: ask another lead." };
  }
  const outside = outsideProgramme(member);
  if (outside) return { code: "ATTENDANCE.OUTSIDE", field: "member", message: `${member.displayName} is ${outside}, so there's no attendance to record.` };
  return null;
}

export async function recordAttendance(
  ports: Pick<Ports, "attendance" | "clock" | "teams">,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; member: MemberRecord; date: string; type: OccurrenceType; note: string | null },
): Promise<Result<AttendanceChange>> {
  const { workspace, lead, member } = input;
  const refused = await checkTarget(ports.teams, lead, member);
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
  ports: Pick<Ports, "attendance" | "clock" | "members" | "teams">,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; occurrenceId: string },
): Promise<Result<AttendanceChange>> {
  const { workspace, lead } = input;
  const leadRefused = may(lead, "attendance.record");
  if (leadRefused) return fail(leadRefused);
  const notFound = fail({ code: "ATTENDANCE.NOT_FOUND", message: "That attendance record doesn't exist in this workspace." });
  const found = await ports.attendance.findOccurrence(input.occurrenceId);
  if (!found || found.workspaceId !== workspace.id) return notFound;
  const member = await ports.members.findById(found.memberId);
  if (!member) return notFound;
  const refused = await checkTarget(ports.teams, lead, member);
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
 * After an occurrence changed, a period already closed for the member is evaluated again, writing to the ledger (never
 * editing it). Clean before and not now: the credit still standing is reversed (never below a zero balance; the
 * shortfall is noted). The other way: a late credit of what the period earns at its streak, less what it still has
 * (after a reversal the balance could not fully cover, only what the reversal took is given back).
 *
 * The streak runs on through the later closed periods, so they are re-tiered too: each clean period after this one
 * gets the tier of its corrected streak, by a credit or a reversal of the difference, until an unclean period restarts
 * the streak. A period the accrual cap held below its tier keeps at most what it was credited. So the ledger ends as
 * if the history had been known at each close, and the next close reads the corrected streak.
 */
async function reevaluateClosedPeriod(
  tx: MemberLedgerTx,
  input: { workspace: WorkspaceRecord; member: MemberRecord; occurrence: OccurrenceRecord; change: "recorded" | "deleted"; actor: string; at: Date },
): Promise<Correction | null> {
  const { member, occurrence } = input;
  const result = await tx.resultCovering(member.id, occurrence.date);
  if (!result) return null;
  const period = { start: result.periodStart, end: result.periodEnd };
  const points = await tx.pointsBetween(member.id, period.start, period.end);
  const why = `${OCCURRENCE_LABEL[occurrence.type]} on ${occurrence.date} ${input.change} after the period ${period.start} to ${period.end} closed`;
  const clean = points === 0;
  if (clean === result.clean) {
    await tx.updateResult(result.id, { points, clean, streak: result.streak, hoursCredited: result.hoursCredited, correctedAt: input.at });
    return null;
  }
  const ledger = ledgerWriter(tx, input);
  const correction = result.clean ? await reverseResult(tx, ledger, input, result, points, why) : await creditResult(tx, ledger, input, result, why);
  const later = await retierLater(tx, ledger, input, result, correction.kind === "reversal" ? 0 : correction.streak, why);
  return { ...correction, period, later };
}

type LedgerWriter = (entry: Omit<NewLedgerEntry, "workspaceId" | "memberId" | "actor">) => Promise<void>;

/**
 * Ledger entries of one correction, each with its DM. Each gets its own millisecond, so a DM can state the balance
 * right after its own entry (a correction may write several).
 */
function ledgerWriter(tx: MemberLedgerTx, input: { workspace: WorkspaceRecord; member: MemberRecord; actor: string; at: Date }): LedgerWriter {
  let tick = 0;
  return async (entry) => {
    const at = new Date(input.at.getTime() + tick++);
    await tx.addLedger({ ...entry, workspaceId: input.workspace.id, memberId: input.member.id, actor: input.actor }, at);
    await tx.enqueue(
      [
        {
          workspaceId: input.workspace.id,
          target: { kind: "dm", platformUserId: input.member.platformUserId },
          payload: outboxMessage.ledgerDm(entry.dedupeKey),
          dedupeKey: outboxKey.ledgerDm(entry.dedupeKey),
        },
      ],
      at,
    );
  };
}

const correctionKey = (kind: "reversal" | "late-credit" | "retier", resultId: string, input: { occurrence: OccurrenceRecord; change: string }) =>
  ledgerKey.correction(kind, resultId, input.occurrence.id, input.change);

async function reverseResult(
  tx: MemberLedgerTx,
  ledger: LedgerWriter,
  input: { workspace: WorkspaceRecord; occurrence: OccurrenceRecord; change: string; actor: string; at: Date; member: MemberRecord },
  result: PeriodResultRecord,
  points: number,
  why: string,
) {
  const balance = await tx.balance(input.member.id);
  const { hours, shortfall } = reversal(result.hoursCredited, balance);
  const note = shortfall > 0 ? `${formatHours(shortfall)} could not be reversed: the balance was ${formatHours(balance)}` : null;
  if (hours > 0) {
    const dedupeKey = correctionKey("reversal", result.id, input);
    await ledger({ hours: -hours, kind: "reversal", reason: note ? `${why}; ${note}` : why, periodResultId: result.id, dedupeKey });
  }
  await tx.updateResult(result.id, { points, clean: false, streak: 0, hoursCredited: roundHours(result.hoursCredited - hours), note, correctedAt: input.at });
  await tx.audit({
    workspaceId: input.workspace.id,
    actor: input.actor,
    action: "pto.reversal",
    subject: `period:${result.id}`,
    before: { clean: true, hoursCredited: result.hoursCredited, balance },
    after: { clean: false, reversed: hours, shortfall },
  });
  return { kind: "reversal" as const, hours, shortfall };
}

async function creditResult(
  tx: MemberLedgerTx,
  ledger: LedgerWriter,
  input: { workspace: WorkspaceRecord; occurrence: OccurrenceRecord; change: string; actor: string; at: Date; member: MemberRecord },
  result: PeriodResultRecord,
  why: string,
) {
  const settings = input.workspace.settings;
  const streak = (await tx.streakBefore(input.member.id, result.periodStart)) + 1;
  // What still stands of an earlier credit (a reversal the balance could not cover) counts as paid.
  const owed = roundHours(Math.max(0, tierHours(settings.rewardTiers, streak) - result.hoursCredited));
  const { hours, capNote } = capped(owed, await tx.balance(input.member.id), settings.accrualCapHours);
  if (hours > 0) {
    const reason = `late credit: ${why}${capNote ? ` (${capNote})` : ""}`;
    await ledger({ hours, kind: "credit", reason, periodResultId: result.id, dedupeKey: correctionKey("late-credit", result.id, input) });
  }
  await tx.updateResult(result.id, {
    points: 0,
    clean: true,
    streak,
    hoursCredited: roundHours(result.hoursCredited + hours),
    note: capNote,
    correctedAt: input.at,
  });
  await tx.audit({
    workspaceId: input.workspace.id,
    actor: input.actor,
    action: "pto.late_credit",
    subject: `period:${result.id}`,
    before: { clean: false, hoursCredited: result.hoursCredited },
    after: { clean: true, credited: hours, streak },
  });
  return { kind: "late-credit" as const, hours, streak };
}

/** Credits stop at the accrual cap: what of `hours` fits under it, and the note when it does not all fit. */
function capped(hours: number, balance: number, cap: number | null): { hours: number; capNote: string | null } {
  if (cap === null || balance + hours <= cap) return { hours, capNote: null };
  const fits = roundHours(Math.max(0, cap - balance));
  return { hours: fits, capNote: `accrual cap of ${formatHours(cap)}: ${formatHours(hours)} owed, ${formatHours(fits)} credited` };
}

/** Re-tiers the clean periods closed after `result` to the streak the correction gives them (see above). */
async function retierLater(
  tx: MemberLedgerTx,
  ledger: LedgerWriter,
  input: { workspace: WorkspaceRecord; occurrence: OccurrenceRecord; change: string; actor: string; at: Date; member: MemberRecord },
  result: PeriodResultRecord,
  streakOfResult: number,
  why: string,
): Promise<LaterCorrection> {
  const tiers = input.workspace.settings.rewardTiers;
  const later: LaterCorrection = { periods: 0, credited: 0, reversed: 0 };
  let streak = streakOfResult;
  for (const next of await tx.resultsAfter(input.member.id, result.periodStart)) {
    if (!next.clean) break; // an unclean period restarts the streak: nothing after it changes
    streak += 1;
    if (streak === next.streak) break; // the streak is back in step: nothing after it changes either
    const oldTier = tierHours(tiers, next.streak);
    const newTier = tierHours(tiers, streak);
    // A period the cap held below its tier keeps at most what it was credited.
    const target = next.hoursCredited < oldTier ? Math.min(newTier, next.hoursCredited) : newTier;
    const reason = `streak ${streak} instead of ${next.streak} for the period ${next.periodStart} to ${next.periodEnd}: ${why}`;
    let hoursCredited = next.hoursCredited;
    const dedupeKey = correctionKey("retier", next.id, input);
    if (target > next.hoursCredited) {
      const { hours } = capped(roundHours(target - next.hoursCredited), await tx.balance(input.member.id), input.workspace.settings.accrualCapHours);
      if (hours > 0) await ledger({ hours, kind: "credit", reason, periodResultId: next.id, dedupeKey });
      hoursCredited = roundHours(hoursCredited + hours);
      later.credited = roundHours(later.credited + hours);
    } else if (target < next.hoursCredited) {
      const { hours } = reversal(roundHours(next.hoursCredited - target), await tx.balance(input.member.id));
      if (hours > 0) await ledger({ hours: -hours, kind: "reversal", reason, periodResultId: next.id, dedupeKey });
      hoursCredited = roundHours(hoursCredited - hours);
      later.reversed = roundHours(later.reversed + hours);
    }
    await tx.updateResult(next.id, { points: next.points, clean: true, streak, hoursCredited, correctedAt: input.at });
    await tx.audit({
      workspaceId: input.workspace.id,
      actor: input.actor,
      action: "pto.retier",
      subject: `period:${next.id}`,
      before: { streak: next.streak, hoursCredited: next.hoursCredited },
      after: { streak, hoursCredited },
    });
    later.periods += 1;
  }
  return later;
}

function laterText(later: LaterCorrection): string {
  if (later.periods === 0) return "";
  const what = [
    later.credited > 0 ? `${formatHours(later.credited)} credited` : null,
    later.reversed > 0 ? `${formatHours(later.reversed)} reversed` : null,
  ].filter(Boolean);
  const periods = later.periods === 1 ? "the period after it" : `the ${later.periods} periods after it`;
  return ` The streak of ${periods} changed with it${what.length ? `: ${what.join(", ")}` : ""}.`;
}

function correctionText(c: Correction | null): string {
  if (!c) return "";
  const period = `The period ${c.period.start} to ${c.period.end}`;
  const later = laterText(c.later);
  if (c.kind === "late-credit") return ` ${period} is now clean: a late credit of ${formatHours(c.hours)} was added.${later}`;
  const shortfall = c.shortfall > 0 ? ` ${formatHours(c.shortfall)} could not be reversed because the balance was too low; this shortfall is noted.` : "";
  return ` ${period} had been credited: ${formatHours(c.hours)} reversed.${shortfall}${later}`;
}
