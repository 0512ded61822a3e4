// `/pto adjust @person +H|-H REASON` (admins, PRODUCT.md §8): an opening balance or a correction the programme's rules
// did not make. A ledger entry of kind adjustment with its actor and reason, audit-logged, DMed to the member, and
// never taking the balance below zero. The request key makes a retried command write it once.
import { formatHours } from "../domain/attendance.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { ledgerKey, outboxKey, outboxMessage } from "./outbox-messages.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";

/** The largest adjustment at once: a year of paid days is far below it; a typo of three extra digits is not. */
export const ADJUST_MAX_HOURS = 1000;
export const ADJUST_REASON_MAX = 200;

/** "+8", "-2.5", "+0.25": a sign, then hours with at most two decimals. Null when it is not one. */
export function readAdjustment(text: string): number | null {
  const m = /^([+-])(\d{1,4}(?:\.\d{1,2})?)$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[2]);
  return m[1] === "-" ? -hours : hours;
}

export async function adjustPto(
  ports: Pick<Ports, "attendance" | "clock">,
  input: { workspace: WorkspaceRecord; actor: MemberRecord; member: MemberRecord; hours: number; reason: string; requestKey: string | null },
): Promise<Result<{ balance: number; replayed: boolean }>> {
  const { workspace, actor, member, hours } = input;
  const refused = may(actor, "pto.adjust");
  if (refused) return fail(refused);
  const reason = input.reason.trim().replace(/\s+/g, " ");
  if (!reason) return fail({ code: "PTO.ADJUST_REASON", message: "Say why: the reason goes into the ledger and the audit log." });
  if (reason.length > ADJUST_REASON_MAX) return fail({ code: "PTO.ADJUST_REASON", message: `The reason has at most ${ADJUST_REASON_MAX} characters.` });
  if (hours === 0 || Math.abs(hours) > ADJUST_MAX_HOURS) {
    return fail({ code: "PTO.ADJUST_HOURS", message: `Adjust by more than 0 h and at most ${ADJUST_MAX_HOURS} h at once.` });
  }
  if (member.isBot) return fail({ code: "PTO.ADJUST_BOT", message: `${member.displayName} is a bot, so there's no PTO to adjust.` });
  const now = ports.clock.now();
  const dedupeKey = ledgerKey.adjustment(input.requestKey ?? `${member.id}:${now.toISOString()}`);
  return ports.attendance.inMemberLock(member.id, async (tx) => {
    const balance = await tx.balance(member.id);
    if (balance + hours < -1e-9) {
      return fail({
        code: "PTO.ADJUST_BELOW_ZERO",
        message: `${member.displayName}'s balance is ${formatHours(balance)}: taking ${formatHours(-hours)} would leave it below zero.`,
      });
    }
    const written = await tx.addLedger(
      { workspaceId: workspace.id, memberId: member.id, hours, kind: "adjustment", reason, actor: actor.platformUserId, dedupeKey },
      now,
    );
    if (!written) return ok({ balance, replayed: true });
    await tx.enqueue(
      [
        {
          workspaceId: workspace.id,
          target: { kind: "dm", platformUserId: member.platformUserId },
          payload: outboxMessage.ledgerDm(dedupeKey),
          dedupeKey: outboxKey.ledgerDm(dedupeKey),
        },
      ],
      now,
    );
    await tx.audit({
      workspaceId: workspace.id,
      actor: actor.platformUserId,
      action: "pto.adjust",
      subject: `member:${member.platformUserId}`,
      before: { balance },
      after: { balance: balance + hours, hours, reason },
    });
    return ok({ balance: balance + hours, replayed: false });
  });
}
