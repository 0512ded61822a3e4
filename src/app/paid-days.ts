// Paid-day requests (PRODUCT.md §3): an agent asks for a day when the balance allows; the hours are held while the
// request is pending (no double spending); a lead approves (the ledger redeems them) or declines; the agent can
// cancel while pending. Leads see the request in the leads channel or by DM, and the posts update in place.

import { formatHours } from "../domain/attendance.js";
import { isCalendarDate } from "../domain/calendar-date.js";
import { localDate } from "../domain/local-time.js";
import { checkPaidDayRequest, ptoBalance } from "../domain/pto.js";
import type { MemberRecord, PtoRequestRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { memberLeadsAudience } from "./audience.js";
import type { OutboxEntry, OutboxTarget } from "./outbox-messages.js";
import { ledgerKey, outboxKey, outboxMessage } from "./outbox-messages.js";
import { may, mayActOn } from "./policy.js";
import type { Ports } from "./ports.js";

type PaidDayPorts = Pick<Ports, "attendance" | "clock" | "members" | "teams">;

export async function requestPaidDay(
  ports: PaidDayPorts,
  input: { workspace: WorkspaceRecord; member: MemberRecord; date: string; note: string | null; requestKey: string | null },
): Promise<Result<{ request: PtoRequestRecord; replayed: boolean }>> {
  const { workspace, member } = input;
  if (input.requestKey) {
    const existing = await ports.attendance.findRequestByKey(input.requestKey);
    if (existing) return ok({ request: existing, replayed: true });
  }
  const now = ports.clock.now();
  const note = input.note?.trim() || null;
  // Who hears about it is decided before the lock: leads change rarely, and a lead added meanwhile sees the digest.
  const leads = await memberLeadsAudience(ports, workspace, member);
  return ports.attendance.inMemberLock(member.id, async (tx) => {
    const balance = await tx.balance(member.id);
    const reserved = await tx.reserved(member.id);
    const hours = workspace.settings.hoursPerPaidDay;
    const refused = checkPaidDayRequest({
      date: input.date,
      note,
      today: localDate(now, workspace.timezone),
      balance: ptoBalance(balance, reserved, hours),
      settings: workspace.settings,
      // Only a real date is looked up: "2026-13-01" became an Invalid Date the query threw on, before the check
      // below could say the date is not one.
      alreadyRequested: isCalendarDate(input.date) && (await tx.hasRequestOn(member.id, input.date)),
    });
    if (refused) return fail(refused);
    const request = await tx.createRequest(
      { workspaceId: workspace.id, memberId: member.id, date: input.date, hours, note, requestKey: input.requestKey },
      now,
    );
    await tx.enqueue(requestPostEntries(workspace, request.id, leads), now);
    await tx.audit({
      workspaceId: workspace.id,
      actor: member.platformUserId,
      action: "pto.request",
      subject: `pto-request:${request.id}`,
      after: { date: request.date, hours, note },
    });
    return ok({ request, replayed: false });
  });
}

/** The posts that put a request before its leads (leadsAudience): one per target, each with its own key. */
export function requestPostEntries(workspace: WorkspaceRecord, requestId: string, leads: readonly OutboxTarget[]): OutboxEntry[] {
  return leads.map((target) => ({
    workspaceId: workspace.id,
    target,
    payload: outboxMessage.ptoRequest(requestId),
    dedupeKey: outboxKey.requestPost(requestId, target.kind === "dm" ? target.platformUserId : "channel"),
  }));
}

export type Decision = "approved" | "declined";

/** A lead approves or declines; deciding twice (two leads, a double click) says who decided first and changes nothing. */
export async function decidePaidDay(
  ports: PaidDayPorts,
  input: { workspace: WorkspaceRecord; lead: MemberRecord; requestId: string; decision: Decision },
): Promise<Result<{ request: PtoRequestRecord; changed: boolean; message: string }>> {
  const { workspace, lead } = input;
  const refused = may(lead, "pto.decide");
  if (refused) return fail(refused);
  const found = await ports.attendance.findRequest(input.requestId);
  if (!found || found.workspaceId !== workspace.id) return fail({ code: "PTO.NOT_FOUND", message: "That paid-day request doesn't exist in this workspace." });
  if (found.memberId === lead.id) return fail({ code: "PTO.OWN_REQUEST", message: "You can't decide your own request: another lead has to." });
  const member = await ports.members.findById(found.memberId);
  const outsideTeam = member && (await mayActOn(ports.teams, lead, "pto.decide", member));
  if (outsideTeam) return fail(outsideTeam);
  const name = member?.displayName ?? "the agent";
  const now = ports.clock.now();
  const decided = await ports.attendance.inMemberLock(found.memberId, async (tx) => {
    const request = (await tx.findRequest(found.id)) ?? found;
    if (request.status !== "pending") return ok({ request, changed: false, message: "" });
    if (input.decision === "approved") {
      const balance = await tx.balance(request.memberId);
      if (balance + 1e-9 < request.hours) {
        return fail({
          code: "PTO.BALANCE_CHANGED",
          message: `${name}'s balance is now ${formatHours(balance)} (a correction reversed hours), less than the ${formatHours(request.hours)} this day needs. Decline it, or wait until they have earned enough.`,
        });
      }
      await tx.addLedger(
        {
          workspaceId: workspace.id,
          memberId: request.memberId,
          hours: -request.hours,
          kind: "redemption",
          reason: `paid day off on ${request.date}`,
          actor: lead.platformUserId,
          ptoRequestId: request.id,
          dedupeKey: ledgerKey.redemption(request.id),
        },
        now,
      );
    }
    await tx.decideRequest(request.id, input.decision, lead.platformUserId, now);
    await tx.enqueue(
      [
        ...(await tx.requestPostKeys(request.id)).map((of) => ({
          workspaceId: workspace.id,
          target: { kind: "update" as const, of },
          payload: outboxMessage.ptoRequest(request.id),
          dedupeKey: outboxKey.update(of, input.decision),
        })),
        ...(member
          ? [
              {
                workspaceId: workspace.id,
                target: { kind: "dm" as const, platformUserId: member.platformUserId },
                payload: outboxMessage.ptoOutcome(request.id),
                dedupeKey: outboxKey.requestOutcome(request.id),
              },
            ]
          : []),
      ],
      now,
    );
    await tx.audit({
      workspaceId: workspace.id,
      actor: lead.platformUserId,
      action: `pto.${input.decision === "approved" ? "approve" : "decline"}`,
      subject: `pto-request:${request.id}`,
      before: { status: "pending" },
      after: { status: input.decision, hours: request.hours, date: request.date },
    });
    const outcome = { ...request, status: input.decision, decidedBy: lead.platformUserId };
    return ok({
      request: outcome,
      changed: true,
      message: `${input.decision === "approved" ? "Approved" : "Declined"} ${name}'s paid day off on ${request.date}.`,
    });
  });
  if (!decided.ok || decided.value.changed) return decided;
  // Decided before (another lead, a double click): say who, looked up after the member's lock is released.
  const { request } = decided.value;
  const decider = request.decidedBy && request.status !== "cancelled" ? await ports.members.find(workspace.id, request.decidedBy) : null;
  const by = request.status === "cancelled" ? " by the requester" : decider ? ` by ${decider.displayName}` : "";
  return ok({ request, changed: false, message: `This request for ${request.date} was already ${request.status}${by}. Nothing changed.` });
}

/** The agent withdraws a pending request; its hours are free again and the leads' posts say so. */
export async function cancelPaidDay(
  ports: PaidDayPorts,
  input: { workspace: WorkspaceRecord; member: MemberRecord; requestId: string },
): Promise<Result<{ changed: boolean; message: string }>> {
  const { workspace, member } = input;
  const found = await ports.attendance.findRequest(input.requestId);
  if (!found || found.workspaceId !== workspace.id || found.memberId !== member.id) {
    return fail({ code: "PTO.NOT_FOUND", message: "You have no such paid-day request." });
  }
  const now = ports.clock.now();
  return ports.attendance.inMemberLock(member.id, async (tx) => {
    const request = (await tx.findRequest(found.id)) ?? found;
    if (request.status !== "pending")
      return ok({ changed: false, message: `Your request for ${request.date} was already ${request.status}. Nothing changed.` });
    await tx.decideRequest(request.id, "cancelled", member.platformUserId, now);
    await tx.enqueue(
      (await tx.requestPostKeys(request.id)).map((of) => ({
        workspaceId: workspace.id,
        target: { kind: "update" as const, of },
        payload: outboxMessage.ptoRequest(request.id),
        dedupeKey: outboxKey.update(of, "cancelled"),
      })),
      now,
    );
    return ok({ changed: true, message: `Cancelled your request for ${request.date}; its ${formatHours(request.hours)} are available again.` });
  });
}
