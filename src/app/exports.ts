// Exports (PRODUCT.md §5): nominations, quick scores, attendance or the PTO ledger of a workspace as CSV, for the CLI
// (stdout) and /wowbot export (a DM file). Rows are read in keyset-paginated batches and written batch by batch, so
// a year of history never sits in memory as rows at once.

import { readTypedDate } from "../domain/calendar-date.js";
import { csvRecord, protectText } from "../domain/csv-cells.js";
import { addDays, offsetMs, zonedInstant } from "../domain/local-time.js";
import type { AuditRecord, MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { may } from "./policy.js";

export const EXPORT_KINDS = ["nominations", "scores", "attendance", "ledger", "calibrations", "feedback"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What to export: local dates in the workspace's time zone, both inclusive; null means no bound. */
export interface ExportRequest {
  kind: ExportKind;
  from: string | null;
  to: string | null;
}

/** The bounds a store filters on: local dates for date columns, instants for timestamps ([from, until)). */
export interface ExportWindow {
  fromDate: string | null;
  /** The last local date included. */
  toDate: string | null;
  fromInstant: Date | null;
  untilInstant: Date | null;
}

/** Where the previous batch ended: its last row's sort key (an instant or a date) and id. */
export interface ExportCursor {
  key: Date | string;
  id: string;
}

export type ExportValue = string | number | Date | null;
export type ExportRow = Record<string, ExportValue>;

export interface ExportStore {
  /**
   * Up to `limit` rows of the workspace after `after`, in a stable order (time or date, then id), with the cursor of
   * the last one. Keys of a row are the column keys of EXPORT_COLUMNS.
   */
  batch(
    kind: ExportKind,
    workspaceId: string,
    window: ExportWindow,
    after: ExportCursor | null,
    limit: number,
  ): Promise<{ rows: ExportRow[]; last: ExportCursor | null }>;
  /** Records who exported what: data leaving wowbot is an admin action like any other. */
  audit(entry: AuditRecord): Promise<void>;
}

/**
 * "text" is free text people typed or a platform gave us: protected against formula injection. "value" is written
 * by wowbot itself (ids, numbers, enums, dates), never altered, so a negative hours figure stays a number.
 * "time" is an instant, written in ISO 8601 with the workspace's UTC offset.
 */
type ColumnType = "text" | "value" | "time";
interface Column {
  header: string;
  key: string;
  type: ColumnType;
}

const person = (role: string): Column[] => [
  { header: `${role}_user_id`, key: `${role}UserId`, type: "text" },
  { header: `${role}_name`, key: `${role}Name`, type: "text" },
  { header: `${role}_email`, key: `${role}Email`, type: "text" },
];

export const EXPORT_COLUMNS: Record<ExportKind, Column[]> = {
  nominations: [
    { header: "nomination_id", key: "id", type: "value" },
    { header: "created_at", key: "createdAt", type: "time" },
    ...person("nominee"),
    ...person("nominator"),
    { header: "reference", key: "reference", type: "text" },
    { header: "story", key: "story", type: "text" },
    { header: "behaviours", key: "behaviours", type: "value" },
    { header: "seconds", key: "seconds", type: "value" },
    { header: "status", key: "status", type: "value" },
    { header: "status_changed_at", key: "statusChangedAt", type: "time" },
  ],
  scores: [
    { header: "score_id", key: "id", type: "value" },
    { header: "created_at", key: "createdAt", type: "time" },
    ...person("agent"),
    ...person("scorer"),
    { header: "reference", key: "reference", type: "text" },
    { header: "channel", key: "channel", type: "value" },
    { header: "connection_attempts", key: "connectionAttempts", type: "value" },
    { header: "rapport", key: "rapport", type: "value" },
    { header: "unstated_needs", key: "unstatedNeeds", type: "value" },
    { header: "wow", key: "wow", type: "value" },
    { header: "score", key: "score", type: "value" },
    { header: "note", key: "note", type: "text" },
    { header: "status", key: "status", type: "value" },
    { header: "superseded_by", key: "supersededBy", type: "value" },
  ],
  attendance: [
    { header: "occurrence_id", key: "id", type: "value" },
    { header: "date", key: "date", type: "value" },
    ...person("member"),
    { header: "type", key: "type", type: "value" },
    { header: "points", key: "points", type: "value" },
    { header: "note", key: "note", type: "text" },
    { header: "recorded_by", key: "recordedBy", type: "text" },
    { header: "recorded_at", key: "createdAt", type: "time" },
    { header: "status", key: "status", type: "value" },
    { header: "deleted_at", key: "deletedAt", type: "time" },
    { header: "deleted_by", key: "deletedBy", type: "text" },
  ],
  ledger: [
    { header: "entry_id", key: "id", type: "value" },
    { header: "created_at", key: "createdAt", type: "time" },
    ...person("member"),
    { header: "kind", key: "kind", type: "value" },
    { header: "hours", key: "hours", type: "value" },
    { header: "reason", key: "reason", type: "text" },
    { header: "actor", key: "actor", type: "text" },
    { header: "period_start", key: "periodStart", type: "value" },
    { header: "period_last_day", key: "periodLastDay", type: "value" },
    { header: "paid_day", key: "paidDay", type: "value" },
  ],
  /** Customer feedback (personal data: admins only, like every export); the customer is never stored, so never exported. */
  feedback: [
    { header: "feedback_id", key: "feedbackId", type: "text" },
    { header: "received_at", key: "createdAt", type: "time" },
    ...person("member"),
    { header: "csat", key: "csat", type: "value" },
    { header: "nps", key: "nps", type: "value" },
    { header: "comment", key: "comment", type: "text" },
    { header: "interaction_ref", key: "interactionRef", type: "text" },
    { header: "channel", key: "channel", type: "text" },
    { header: "wow_candidate", key: "candidate", type: "value" },
  ],
  /** One row per lead taking part; answers, score and spread stay empty until the calibration is revealed (blind). */
  calibrations: [
    { header: "calibration_id", key: "calibrationId", type: "value" },
    { header: "reference", key: "reference", type: "text" },
    ...person("agent"),
    ...person("started_by"),
    { header: "created_at", key: "createdAt", type: "time" },
    { header: "deadline", key: "deadline", type: "time" },
    { header: "revealed_at", key: "revealedAt", type: "time" },
    ...person("lead"),
    { header: "scored_at", key: "scoredAt", type: "time" },
    { header: "connection_attempts", key: "connectionAttempts", type: "value" },
    { header: "rapport", key: "rapport", type: "value" },
    { header: "unstated_needs", key: "unstatedNeeds", type: "value" },
    { header: "wow", key: "wow", type: "value" },
    { header: "note", key: "note", type: "text" },
    { header: "score", key: "score", type: "value" },
    { header: "spread", key: "spread", type: "value" },
  ],
};

export const EXPORT_BATCH = 1_000;
const KIND_LIST = "nominations, scores, attendance, ledger, calibrations or feedback";

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}

/** Checks what people typed (CLI options or /wowbot export words); the same messages on both. */
export function exportRequest(kind: string | undefined, fromText: string | undefined, toText: string | undefined): Result<ExportRequest> {
  if (!kind) return fail({ code: "EXPORT.NO_KIND", field: "kind", message: `Say what to export: ${KIND_LIST}.` });
  const k = kind.toLowerCase();
  if (!isExportKind(k)) return fail({ code: "EXPORT.BAD_KIND", field: "kind", message: `"${kind.slice(0, 40)}" cannot be exported: use ${KIND_LIST}.` });
  const dates: Record<"from" | "to", string | undefined> = { from: undefined, to: undefined };
  for (const [field, value] of [
    ["from", fromText],
    ["to", toText],
  ] as const) {
    if (value === undefined) continue;
    const date = readTypedDate(value, { what: `the ${field} date` });
    if (!date.ok) return fail({ ...date.error, code: "EXPORT.BAD_DATE", field });
    dates[field] = date.value;
  }
  const { from, to } = dates;
  if (from && to && from > to) {
    return fail({ code: "EXPORT.BAD_RANGE", field: "to", message: `The range ends (${to}) before it starts (${from}): put the earlier date first.` });
  }
  return ok({ kind: k, from: from ?? null, to: to ?? null });
}

/** An instant as 2026-03-02T09:15:00+01:00 in the time zone (seconds precision, as spreadsheets parse it). */
export function isoInZone(instant: Date, timeZone: string): string {
  const offset = offsetMs(instant, timeZone);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? "-" : "+";
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function exportWindow(request: ExportRequest, timeZone: string): ExportWindow {
  return {
    fromDate: request.from,
    toDate: request.to,
    fromInstant: request.from ? zonedInstant(request.from, "00:00", timeZone) : null,
    untilInstant: request.to ? zonedInstant(addDays(request.to, 1), "00:00", timeZone) : null,
  };
}

function cell(value: ExportValue, type: ColumnType, timeZone: string): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoInZone(value, timeZone);
  if (typeof value === "number") return String(value);
  return type === "text" ? protectText(value) : value;
}

/** The file name an export is delivered under, e.g. wowbot-scores-2026-03-01-to-2026-03-31.csv. */
export function exportFileName(request: ExportRequest): string {
  const range = request.from || request.to ? `-${request.from ?? "start"}-to-${request.to ?? "now"}` : "-all";
  return `wowbot-${request.kind}${range}.csv`;
}

/**
 * Writes the export as CSV chunks: the header record first, then one chunk per batch (CRLF record ends). `write`
 * may return a promise (a slow stdout): the next batch is read only once it settles. Returns the number of rows.
 * `actor` is "cli" or the member asking, who must be an admin. A finished export is audit-logged ("export"),
 * unless `audit` is false (a size check before the file is actually handed over, which is audited then).
 */
export async function exportCsv(
  ports: { exports: ExportStore },
  input: { workspace: WorkspaceRecord; actor: MemberRecord | "cli"; request: ExportRequest; batchSize?: number; audit?: boolean },
  write: (chunk: string) => void | Promise<void>,
): Promise<Result<{ rows: number }>> {
  if (input.actor !== "cli") {
    const refused = may(input.actor, "data.export");
    if (refused) return fail(refused);
  }
  const { kind } = input.request;
  const columns = EXPORT_COLUMNS[kind];
  const window = exportWindow(input.request, input.workspace.timezone);
  const limit = input.batchSize ?? EXPORT_BATCH;
  await write(csvRecord(columns.map((c) => c.header)));
  let rows = 0;
  let after: ExportCursor | null = null;
  for (;;) {
    const batch = await ports.exports.batch(kind, input.workspace.id, window, after, limit);
    if (batch.rows.length) {
      await write(batch.rows.map((row) => csvRecord(columns.map((c) => cell(row[c.key] ?? null, c.type, input.workspace.timezone)))).join(""));
    }
    rows += batch.rows.length;
    if (batch.rows.length < limit || !batch.last) break;
    after = batch.last;
  }
  if (input.audit === false) return ok({ rows });
  await ports.exports.audit({
    workspaceId: input.workspace.id,
    actor: input.actor === "cli" ? "cli" : input.actor.platformUserId,
    action: "export",
    subject: `export:${kind}`,
    after: { kind, from: input.request.from, to: input.request.to, rows },
  });
  return ok({ rows });
}
