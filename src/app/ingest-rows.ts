// The row formats of the ingest API and CSV imports (PRODUCT.md §5) as zod schemas, shared by the use cases, the
// HTTP router and the OpenAPI description, and the one problem format every refusal uses: { index, field, reason }.
import { z } from "zod";
import { ATTENDANCE_NOTE_MAX } from "../domain/attendance.js";
import { isCalendarDate } from "../domain/calendar-date.js";
import { FEEDBACK_CHANNEL_MAX, FEEDBACK_COMMENT_MAX, FEEDBACK_ID_MAX, FEEDBACK_REF_MAX } from "../domain/feedback.js";
import type { DomainError } from "../domain/result.js";

/** A day has 86,400 seconds (a DST day 82,800 or 90,000; the limit is a sanity check, not a calendar). */
export const SECONDS_PER_DAY = 86_400;
export const SESSION_ID_MAX = 200;

export interface IngestProblem {
  /** The row's 0-based position in the request's rows. */
  index: number;
  /** The row field the problem is about, or "row" when the row as a whole is wrong. */
  field: string;
  /** What is wrong and how to fix it, in one sentence. */
  reason: string;
}

export interface IngestRefusal extends DomainError {
  code: "INGEST.INVALID_ROWS";
  /** Every problem of every bad row, by index, then in field order. */
  problems: IngestProblem[];
}

/** What a saved batch did: created + updated + unchanged = received (repeats of a row within the batch are unchanged). */
export interface IngestCounts {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
}

const typeName = (input: unknown) => (input === null ? "null" : Array.isArray(input) ? "an array" : typeof input === "string" ? "text" : typeof input);

/**
 * PostgreSQL text can't hold U+0000: a row carrying one made the database refuse the whole statement and the API
 * answer 500. It is a problem of the row's field like any other.
 */
const withoutNul = (s: string) => !s.includes("\u0000");
const nulProblem = (field: string) => `the ${field} contains a NUL character (\\u0000), which can't be stored: remove it.`;

/** A required text field: says "missing" when absent and what it should be otherwise. */
const text = (field: string, hint: string) =>
  z
    .string({
      error: (iss) => (iss.input === undefined ? `the ${field} is missing: ${hint}` : `the ${field} must be text (got ${typeName(iss.input)}): ${hint}`),
    })
    .trim()
    .min(1, { error: `the ${field} is missing: ${hint}` })
    .refine(withoutNul, { error: nulProblem(field) });

const MEMBER_HINT = "give their user id (U...) or email.";
const member = text("member", MEMBER_HINT).describe("The member's platform user id (Slack U..., exact) or the email wowbot knows them by (any case).");

const DATE_HINT = "use YYYY-MM-DD.";
const date = text("date", DATE_HINT)
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `"${String(iss.input).slice(0, 40)}" is not a date: ${DATE_HINT}` })
  .refine(isCalendarDate, { error: (iss) => `"${String(iss.input).slice(0, 40)}" is not a date: ${DATE_HINT}` })
  .describe("The local calendar date in the workspace's time zone, YYYY-MM-DD; not in the future.");

const seconds = (field: string, description: string) =>
  z
    .int({
      error: (iss) =>
        iss.input === undefined
          ? `${field} is missing: give whole seconds, 0 to ${SECONDS_PER_DAY}.`
          : `${field} must be whole seconds, 0 to ${SECONDS_PER_DAY} (got ${JSON.stringify(iss.input)?.slice(0, 40)}).`,
    })
    .min(0, { error: `${field} can't be negative: give whole seconds, 0 to ${SECONDS_PER_DAY}.` })
    .max(SECONDS_PER_DAY, { error: `${field} is more than a day (${SECONDS_PER_DAY} seconds).` })
    .describe(description);

const TIMESTAMP_HINT = "use ISO 8601 with a time zone offset, such as 2026-03-02T09:15:00Z or 2026-03-02T10:15:00+01:00.";
const timestamp = (field: string, description: string) =>
  z.iso
    .datetime({
      offset: true,
      error: (iss) =>
        iss.input === undefined
          ? `${field} is missing: ${TIMESTAMP_HINT}`
          : typeof iss.input === "string"
            ? `"${iss.input.slice(0, 40)}" is not a timestamp with an offset: ${TIMESTAMP_HINT}`
            : `${field} must be text: ${TIMESTAMP_HINT}`,
    })
    .describe(description);

export const serviceLevelRow = z
  .strictObject({
    member,
    date,
    customerFacingSeconds: seconds("customerFacingSeconds", "Seconds spent in customer-facing communication that day; at most availableSeconds."),
    availableSeconds: seconds("availableSeconds", `Seconds the member was available that day, at most ${SECONDS_PER_DAY}.`),
  })
  .refine((r) => r.customerFacingSeconds <= r.availableSeconds, {
    path: ["customerFacingSeconds"],
    error: "customerFacingSeconds is more than availableSeconds: customer-facing time is part of available time.",
  })
  .describe("One member's day: personal service level = customerFacingSeconds / availableSeconds. Natural key: member + date.");
export type ServiceLevelRow = z.infer<typeof serviceLevelRow>;

const OFFSET_TIMESTAMP = z.iso.datetime({ offset: true });
/** Object checks run even when a field failed: only two well-formed timestamps are compared. */
const notBefore = (later: string | null | undefined, start: string) =>
  later == null || !OFFSET_TIMESTAMP.safeParse(later).success || !OFFSET_TIMESTAMP.safeParse(start).success || Date.parse(later) >= Date.parse(start);

export const chatSessionRow = z
  .strictObject({
    member,
    sessionId: text("sessionId", "give the contact-centre platform's session id.")
      .max(SESSION_ID_MAX, { error: `the sessionId is longer than ${SESSION_ID_MAX} characters.` })
      .describe("The contact-centre platform's id of the session, unique in the workspace (natural key)."),
    startedAt: timestamp("startedAt", "When the session started: ISO 8601 with an offset; not in the future (5 minutes of clock skew allowed)."),
    customerLeftAt: timestamp("customerLeftAt", "When the customer disconnected, at most 24 hours after startedAt; null or absent while unknown.").nullish(),
    agentClosedAt: timestamp(
      "agentClosedAt",
      "When the agent closed the session, at most 24 hours after startedAt; null or absent while still open.",
    ).nullish(),
  })
  .refine((r) => notBefore(r.customerLeftAt, r.startedAt), { path: ["customerLeftAt"], error: "customerLeftAt is before startedAt." })
  .refine((r) => notBefore(r.agentClosedAt, r.startedAt), { path: ["agentClosedAt"], error: "agentClosedAt is before startedAt." })
  .describe("A chat session; idle seconds = agentClosedAt - customerLeftAt when both are given (0 when the agent closed first). Natural key: sessionId.");
export type ChatSessionRow = z.infer<typeof chatSessionRow>;

const TYPE_HINT = "use absent, late or excused.";
export const attendanceRow = z
  .strictObject({
    member,
    date,
    type: text("type", TYPE_HINT).describe("absent (or absence), late or excused; any case."),
    note: z
      .string({ error: `the note must be text, up to ${ATTENDANCE_NOTE_MAX} characters.` })
      .max(ATTENDANCE_NOTE_MAX, { error: `the note is longer than ${ATTENDANCE_NOTE_MAX} characters.` })
      .refine(withoutNul, { error: nulProblem("note") })
      .nullish()
      .describe(`Optional, up to ${ATTENDANCE_NOTE_MAX} characters.`),
  })
  .describe("An attendance occurrence, recorded as a lead would in chat. Natural key: member + date + type; a repeat is a no-op.");
export type AttendanceRow = z.infer<typeof attendanceRow>;

/** Each row's problems from its schema, with the field they concern. */
export function schemaProblems<T>(schema: z.ZodType<T>, rows: readonly unknown[], what: string, fields: readonly string[]) {
  const problems: IngestProblem[] = [];
  const parsed: Array<T | null> = rows.map((row, index) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      problems.push({ index, field: "row", reason: `each row must be a JSON object with the fields ${fields.join(", ")} (got ${typeName(row)}).` });
      return null;
    }
    const result = schema.safeParse(row);
    if (result.success) return result.data;
    const said = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "row");
      // One reason per field is enough to fix it (a malformed date fails its pattern and its calendar check).
      if (said.has(field)) continue;
      said.add(field);
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          problems.push({ index, field: key, reason: `"${key.slice(0, 40)}" is not a field of ${what}: the fields are ${fields.join(", ")}.` });
      } else {
        problems.push({ index, field, reason: issue.message });
      }
    }
    return null;
  });
  return { parsed, problems };
}

/** The refusal for a batch with problems: sorted by row, then field order, one entry per problem. */
export function refusal(problems: IngestProblem[], fields: readonly string[]): IngestRefusal {
  const order = (f: string) => (fields.includes(f) ? fields.indexOf(f) : fields.length);
  const sorted = [...problems].sort((a, b) => a.index - b.index || order(a.field) - order(b.field));
  const rows = new Set(sorted.map((p) => p.index)).size;
  return {
    code: "INGEST.INVALID_ROWS",
    message: `${rows} ${rows === 1 ? "row has" : "rows have"} problems; nothing was saved.`,
    problems: sorted,
  };
}

export const SERVICE_LEVEL_FIELDS = ["member", "date", "customerFacingSeconds", "availableSeconds"] as const;
export const CHAT_SESSION_FIELDS = ["member", "sessionId", "startedAt", "customerLeftAt", "agentClosedAt"] as const;
export const ATTENDANCE_FIELDS = ["member", "date", "type", "note"] as const;

export const ROSTER_API_FIELDS = ["member", "team", "role", "since", "openingBalance"] as const;
export const rosterRow = z
  .strictObject({
    member,
    team: text("team", "give the team's name.").describe("The team's name (any case); a team the workspace doesn't have yet is created."),
    role: z
      .string({ error: "the role must be text: agent or lead." })
      .nullish()
      .describe("agent (the default) or lead. An agent is in one team at a time; a lead may lead several."),
    since: date.nullish().describe("YYYY-MM-DD, the day the membership starts (backdates enrolment); today when absent. Not in the future."),
    openingBalance: z
      .number({ error: "the openingBalance must be a number of hours." })
      .nullish()
      .describe("Hours of PTO the member already has (an adjustment in the ledger), credited once per member; 0 to 1000, two decimals."),
  })
  .describe("A member's place in a team, from an HR system. Natural key: member + team + role; a repeat is unchanged.");
export type RosterApiRow = z.infer<typeof rosterRow>;

export const FEEDBACK_FIELDS = ["member", "feedbackId", "receivedAt", "csat", "nps", "comment", "interactionRef", "channel"] as const;
const rating = (field: string, min: number, max: number, description: string) =>
  z
    .int({ error: (iss) => `${field} must be a whole number from ${min} to ${max} (got ${JSON.stringify(iss.input)?.slice(0, 40)}).` })
    .min(min, { error: `${field} must be a whole number from ${min} to ${max}.` })
    .max(max, { error: `${field} must be a whole number from ${min} to ${max}.` })
    .nullish()
    .describe(description);
const optionalText = (field: string, max: number, description: string) =>
  z
    .string({ error: `the ${field} must be text, up to ${max} characters.` })
    .max(max, { error: `the ${field} is longer than ${max} characters.` })
    .refine(withoutNul, { error: nulProblem(field) })
    .nullish()
    .describe(description);

export const feedbackRow = z
  .strictObject({
    member,
    feedbackId: text("feedbackId", "give the feedback tool's id of this response.")
      .max(FEEDBACK_ID_MAX, { error: `the feedbackId is longer than ${FEEDBACK_ID_MAX} characters.` })
      .describe("The feedback tool's id of the response, unique in the workspace (natural key): a resend updates it."),
    receivedAt: timestamp("receivedAt", "When the customer answered: ISO 8601 with an offset; not in the future (5 minutes of clock skew allowed)."),
    csat: rating("csat", 1, 5, "Customer satisfaction, 1-5 (4 and 5 count as satisfied). csat, nps or both."),
    nps: rating("nps", 0, 10, "Likelihood to recommend, 0-10 (9-10 promoters, 0-6 detractors). csat, nps or both."),
    comment: optionalText(
      "comment",
      FEEDBACK_COMMENT_MAX,
      `What the customer wrote, up to ${FEEDBACK_COMMENT_MAX} characters. Personal data: shown to the agent, their leads and admins only; never name the customer.`,
    ),
    interactionRef: optionalText("interactionRef", FEEDBACK_REF_MAX, "The ticket, call or chat id the feedback is about, as leads type it in quick scores."),
    channel: optionalText("channel", FEEDBACK_CHANNEL_MAX, "Where the interaction happened (phone, email, chat, social...)."),
  })
  .refine((r) => r.csat != null || r.nps != null, { path: ["csat"], error: "the row has neither csat nor nps: give csat (1-5), nps (0-10) or both." })
  .describe("A customer's feedback on one interaction with a member. Natural key: feedbackId.");
export type FeedbackRow = z.infer<typeof feedbackRow>;
