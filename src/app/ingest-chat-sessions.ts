// Chat sessions in (PRODUCT.md §5, the ingest API and `wowbot import chat-sessions`): every row is checked first and
// every problem reported; a batch without problems is saved as one upsert by session id, with the idle time the agent
// left the session open after the customer disconnected, so a resend (say, once the agent closed it) updates the row.

import type { WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { type ChatSessionInput, dedupe, fieldOk, flagged, type IngestPorts, memberKeys, resolve } from "./ingest-batch.js";
import {
  CHAT_SESSION_FIELDS,
  type ChatSessionRow,
  chatSessionRow,
  type IngestCounts,
  type IngestProblem,
  type IngestRefusal,
  refusal,
  schemaProblems,
} from "./ingest-rows.js";
import { lookUpMembers } from "./member-keys.js";

/**
 * Seconds between the customer leaving and the agent closing, to the millisecond the timestamps carry (120.9 s is over
 * a 120 s threshold); 0 when the agent closed first (nothing was left idle), null while either is unknown.
 */
export function idleSeconds(customerLeftAt: Date | null, agentClosedAt: Date | null): number | null {
  if (!customerLeftAt || !agentClosedAt) return null;
  return Math.max(0, agentClosedAt.getTime() - customerLeftAt.getTime()) / 1000;
}

const instant = (value: string | null | undefined) => (value == null ? null : new Date(value));

/** Clocks disagree by a little: a time this far ahead of ours is still taken as now. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** No chat lasts longer: a later time is a typo or a broken export (an agentClosedAt four years on). */
export const SESSION_MAX_MS = 24 * 3600_000;

/** The row's times that are in the future or too long after its start, as problems of their fields. */
function timeProblems(index: number, times: Record<"startedAt" | "customerLeftAt" | "agentClosedAt", Date | null>, now: Date): IngestProblem[] {
  const problems: IngestProblem[] = [];
  const started = times.startedAt?.getTime() ?? 0;
  for (const [field, at] of Object.entries(times)) {
    if (!at) continue;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      problems.push({ index, field, reason: `${field} ${at.toISOString()} is in the future (it is ${now.toISOString()}): send times that have happened.` });
    } else if (at.getTime() - started > SESSION_MAX_MS) {
      problems.push({ index, field, reason: `${field} is more than 24 hours after startedAt: a chat session can't last that long.` });
    }
  }
  return problems;
}
const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameSession = (a: ChatSessionInput, b: ChatSessionInput) =>
  a.memberId === b.memberId && sameTime(a.startedAt, b.startedAt) && sameTime(a.customerLeftAt, b.customerLeftAt) && sameTime(a.agentClosedAt, b.agentClosedAt);

export async function ingestChatSessions(
  ports: IngestPorts,
  /** `dryRun`: check only, save nothing (the caller found problems of its own); created and updated are then 0. */
  input: { workspace: WorkspaceRecord; rows: readonly unknown[]; dryRun?: boolean },
): Promise<Result<IngestCounts, IngestRefusal>> {
  const { workspace, rows } = input;
  const now = ports.clock.now();
  const { parsed, problems } = schemaProblems(chatSessionRow, rows, "a chat-session row", CHAT_SESSION_FIELDS);
  const memberOf = await lookUpMembers(ports.members, workspace.id, memberKeys(rows), { forWhat: "chat session to record", allowInactive: true });

  const said = flagged(problems);
  const valid: Array<{ index: number; key: string; value: ChatSessionInput; same: typeof sameSession }> = [];
  for (const [index, raw] of rows.entries()) {
    const row = parsed[index] as ChatSessionRow | null;
    const member = fieldOk(said, index, "member") ? resolve(memberOf, raw, index, problems) : null;
    if (!row || !member) continue;
    const customerLeftAt = instant(row.customerLeftAt);
    const agentClosedAt = instant(row.agentClosedAt);
    const startedAt = new Date(row.startedAt);
    const wrongTimes = timeProblems(index, { startedAt, customerLeftAt, agentClosedAt }, now);
    if (wrongTimes.length) {
      problems.push(...wrongTimes);
      continue;
    }
    valid.push({
      index,
      key: row.sessionId,
      value: {
        memberId: member.id,
        sessionId: row.sessionId,
        startedAt,
        customerLeftAt,
        agentClosedAt,
        idleSeconds: idleSeconds(customerLeftAt, agentClosedAt),
      },
      same: sameSession,
    });
  }
  const { unique, problems: conflicts } = dedupe(valid, (first) => `conflicts with row ${first}: the same sessionId with other values.`);
  problems.push(...conflicts);
  if (problems.length) return fail(refusal(problems, CHAT_SESSION_FIELDS));

  const { created, updated } =
    unique.length && !input.dryRun ? await ports.contactData.upsertChatSessions(workspace.id, unique, now) : { created: 0, updated: 0 };
  return ok({ received: rows.length, created, updated, unchanged: rows.length - created - updated });
}
