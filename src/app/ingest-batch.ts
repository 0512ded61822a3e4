// What the contact-centre ingest use cases share: the store they write through, and the checks between a batch's rows
// (one member lookup for the whole batch, repeated natural keys) that the row schemas can't make on their own.
import type { IngestProblem } from "./ingest-rows.js";
import type { lookUpMembers } from "./member-keys.js";
import type { MemberStore } from "./members.ports.js";

export interface ServiceLevelDayInput {
  memberId: string;
  date: string;
  customerFacingSeconds: number;
  availableSeconds: number;
}

export interface ContactDataStore {
  /** Inserts or updates each member's day in one statement; rows equal to what is stored are left alone. */
  upsertServiceLevel(workspaceId: string, days: ServiceLevelDayInput[], at: Date): Promise<{ created: number; updated: number }>;
  upsertChatSessions(workspaceId: string, sessions: ChatSessionInput[], at: Date): Promise<{ created: number; updated: number }>;
}

export interface ChatSessionInput {
  memberId: string;
  sessionId: string;
  startedAt: Date;
  customerLeftAt: Date | null;
  agentClosedAt: Date | null;
  idleSeconds: number | null;
}

export interface IngestPorts {
  clock: { now(): Date };
  members: Pick<MemberStore, "findByIdOrEmail">;
  contactData: ContactDataStore;
}

/** Checks the rows against each other: a repeated natural key must repeat the same values. */
export function dedupe<T>(
  rows: Array<{ index: number; key: string; value: T; same: (a: T, b: T) => boolean }>,
  describe: (first: number) => string,
): { unique: T[]; problems: IngestProblem[] } {
  const seen = new Map<string, { index: number; value: T }>();
  const problems: IngestProblem[] = [];
  for (const row of rows) {
    const first = seen.get(row.key);
    if (!first) seen.set(row.key, { index: row.index, value: row.value });
    else if (!row.same(first.value, row.value)) problems.push({ index: row.index, field: "row", reason: describe(first.index) });
  }
  return { unique: [...seen.values()].map((s) => s.value), problems };
}

/** The member keys of rows that have one, for the one lookup of the batch. */
export const memberKeys = (rows: readonly unknown[]) =>
  rows.flatMap((r) => {
    const member = typeof r === "object" && r !== null ? (r as { member?: unknown }).member : undefined;
    // A key with a NUL character is refused by the row schema, and PostgreSQL text can't hold one: looking it up made
    // the whole batch's member query fail (a 500 instead of the row's problem).
    return typeof member === "string" && !member.includes("\u0000") ? [member] : [];
  });

/** The fields the schema found problems in, as "index:field", so the checks after it look them up in constant time. */
export const flagged = (problems: IngestProblem[]) => new Set(problems.map((p) => `${p.index}:${p.field}`));

/** Whether the schema had nothing to say about the field or the whole row (so the next check may speak). */
export const fieldOk = (said: ReadonlySet<string>, index: number, field: string) => !said.has(`${index}:${field}`) && !said.has(`${index}:row`);

/** The row's member, or a problem saying why it names nobody usable. */
export function resolve(memberOf: Awaited<ReturnType<typeof lookUpMembers>>, raw: unknown, index: number, problems: IngestProblem[]) {
  const found = memberOf(String((raw as { member: unknown }).member));
  if ("reason" in found) {
    problems.push({ index, field: "member", reason: found.reason });
    return null;
  }
  return found.member;
}

/** A well-formed date of a row with problems elsewhere, so its future date is reported too. */
export function validDate(raw: unknown, said: ReadonlySet<string>, index: number): string | null {
  if (!fieldOk(said, index, "date")) return null;
  return String((raw as { date: unknown }).date).trim();
}
