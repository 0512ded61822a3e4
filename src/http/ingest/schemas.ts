// The ingest API's request and response bodies as zod schemas: the router checks requests with them and the OpenAPI
// description is generated from them, so the two can't disagree. Row formats live with the use cases (app/ingest-rows).
import { z } from "zod";
import { attendanceRow, chatSessionRow, feedbackRow, rosterRow, serviceLevelRow } from "../../app/ingest-rows.js";

/**
 * Every ingest request: a JSON object whose `rows` holds the rows. The rows themselves are checked one by one by the
 * use case, so that every bad row is listed; the OpenAPI description puts the endpoint's row schema in `items`.
 */
export const ingestBody = z.strictObject({ rows: z.array(z.unknown()).describe("The rows; problems name a row by its 0-based index here.") });

export const errorBody = z
  .object({
    error: z
      .string()
      .describe(
        "A stable code: unauthorized, too_many_failures, unsupported_media_type, payload_too_large, invalid_json, invalid_body, bad_request, not_found, method_not_allowed.",
      ),
    message: z.string().describe("What went wrong and how to fix it."),
  })
  .describe("Every error answer.");

export const problem = z.object({
  index: z.int().min(0).describe("The row's 0-based position in `rows`."),
  field: z.string().describe('The row field the problem is about, or "row" for the row as a whole.'),
  reason: z.string().describe("What is wrong and how to fix it."),
});

export const refusalBody = z
  .object({
    error: z.literal("invalid_rows"),
    message: z.string(),
    problems: z.array(problem).describe("Every problem of every bad row, by index then field."),
  })
  .describe("The batch was refused whole: nothing was saved.");

export const countsBody = z
  .object({
    received: z.int().min(0).describe("Rows in the request."),
    created: z.int().min(0).describe("Rows that were new."),
    updated: z.int().min(0).describe("Stored rows whose values changed."),
    unchanged: z.int().min(0).describe("Rows equal to what was stored, or repeating an earlier row of the request."),
  })
  .describe("The batch was saved: created + updated + unchanged = received.");

export const attendanceCountsBody = countsBody
  .extend({ corrections: z.int().min(0).describe("Closed attendance periods re-evaluated (a credit reversed).") })
  .describe("The batch was saved. Occurrences are never edited: updated is always 0, a repeat is unchanged.");

export const rosterCountsBody = countsBody
  .extend({
    teamsCreated: z.int().min(0).describe("Teams the roster named that did not exist and were created."),
    openingBalances: z.int().min(0).describe("Opening balances credited (each member's once, whatever the imports)."),
  })
  .describe("The roster was applied: created counts memberships started, updated those moved or backdated.");

export const feedbackCountsBody = countsBody
  .extend({ candidates: z.int().min(0).describe("Wow candidates created: feedback with CSAT 5 or NPS 9-10 and a comment, sent to the agent's leads once.") })
  .describe("The feedback was saved: created + updated + unchanged = received.");

export const ENDPOINTS = [
  {
    path: "/service-level",
    kind: "service-level",
    name: "ServiceLevel",
    row: serviceLevelRow,
    counts: countsBody,
    summary: "Personal service level per member and day",
  },
  {
    path: "/chat-sessions",
    kind: "chat-sessions",
    name: "ChatSession",
    row: chatSessionRow,
    counts: countsBody,
    summary: "Chat sessions, for idle-chat figures",
  },
  {
    path: "/attendance",
    kind: "attendance",
    name: "Attendance",
    row: attendanceRow,
    counts: attendanceCountsBody,
    summary: "Attendance occurrences (absent, late, excused)",
  },
  {
    path: "/roster",
    kind: "roster",
    name: "Roster",
    row: rosterRow,
    counts: rosterCountsBody,
    summary: "Teams and their members from an HR system: who is in which team, leads, since when, opening balances",
  },
  {
    path: "/feedback",
    kind: "feedback",
    name: "Feedback",
    row: feedbackRow,
    counts: feedbackCountsBody,
    summary: "Customer feedback (CSAT, NPS, comment) per interaction and member; delighted customers' words become wow candidates",
  },
] as const;
