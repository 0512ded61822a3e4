// Bulk attendance import (PRODUCT.md §3, the CLI's `wowbot import attendance`): the whole file is checked first and
// every problem reported; only a file without problems is saved, in one transaction, with the same rules, points and
// closed-period corrections as an occurrence a lead records in chat. Rows already recorded are skipped, so importing
// the same file twice changes nothing.
import { ATTENDANCE_NOTE_MAX, checkOccurrence, OCCURRENCE_LABEL, type OccurrenceType, occurrenceTypeOf } from "../domain/attendance.js";
import { isCalendarDate } from "../domain/calendar-date.js";
import { localDate } from "../domain/local-time.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { lookUpMembers } from "./member-keys.js";
import type { Ports } from "./ports.js";
import { type Correction, saveOccurrence } from "./record-attendance.js";

/** One row as the file gave it, untrimmed; `line` is its line number in the file, for problem reports. */
export interface ImportRow {
  line: number;
  /** Platform user id (exact) or email (any case) of a member wowbot knows. */
  member: string;
  date: string;
  type: string;
  note: string;
}

export type ImportField = "member" | "date" | "type" | "note";

export interface ImportProblem {
  line: number;
  field: ImportField;
  /** Says what is wrong and how to fix it, as one sentence after "line 7, date: ". */
  reason: string;
}

export interface ImportRefusal extends DomainError {
  code: "ATTENDANCE.IMPORT_INVALID";
  /** Every problem of the file, by line, then in column order. */
  problems: ImportProblem[];
}

export interface ImportSummary {
  /** Occurrences saved (with `dryRun`: that would be saved). */
  created: number;
  /** Rows skipped because the member already had that occurrence, or an earlier row of the file gave it. */
  duplicates: number;
  /** Closed periods the new occurrences re-evaluated: credits reversed (or, in principle, late credits). */
  corrections: Array<{ member: MemberRecord; correction: Correction }>;
}

export interface ImportInput {
  workspace: WorkspaceRecord;
  rows: ImportRow[];
  /** Who the records and audit entries name: "cli" for the command line. */
  actor: string;
  /**
   * What `line` numbers: a file line (the CLI, default) or a 0-based position in a request's rows (the ingest API).
   * Messages that point at another row, and the audit entries, name it the same way.
   */
  rowsAre?: "lines" | "indexes";
  /** Check everything and count, but save nothing (the caller found problems of its own, such as malformed lines). */
  dryRun?: boolean;
}

const FIELD_ORDER: ImportField[] = ["member", "date", "type", "note"];
const TYPE_HINT = "use absent, late or excused.";

/** A row whose member, date and type are usable, so it can be checked against the member's day. */
interface Candidate {
  row: ImportRow;
  member: MemberRecord;
  date: string;
  type: OccurrenceType;
  note: string | null;
  /** False when the row has a problem elsewhere (its note): it still takes part in the day checks, but is never saved. */
  valid: boolean;
}

export async function importAttendance(
  ports: Pick<Ports, "attendance" | "clock" | "members">,
  input: ImportInput,
): Promise<Result<ImportSummary, ImportRefusal>> {
  const { workspace, actor } = input;
  const now = ports.clock.now();
  const today = localDate(now, workspace.timezone);
  const problems: ImportProblem[] = [];
  const problem = (line: number, field: ImportField, reason: string) => problems.push({ line, field, reason });

  const memberOf = await lookUpMembers(
    ports.members,
    workspace.id,
    input.rows.map((r) => r.member),
    { forWhat: "attendance to record" },
  );

  const candidates: Candidate[] = [];
  for (const row of input.rows) {
    const found = memberOf(row.member);
    if ("reason" in found) problem(row.line, "member", found.reason);
    const date = row.date.trim();
    const dateProblem = !date
      ? "the date is missing: use YYYY-MM-DD."
      : !isCalendarDate(date)
        ? `"${date}" is not a date: use YYYY-MM-DD.`
        : date > today
          ? `${date} is in the future (today is ${today} in ${workspace.timezone}): import attendance once it has happened.`
          : null;
    if (dateProblem) problem(row.line, "date", dateProblem);
    const word = row.type.trim();
    const type = occurrenceTypeOf(word);
    if (!type) problem(row.line, "type", word ? `"${word}" is not an attendance type: ${TYPE_HINT}` : `the type is missing: ${TYPE_HINT}`);
    const note = row.note.trim() || null;
    const noteOk = !note || note.length <= ATTENDANCE_NOTE_MAX;
    if (!noteOk) problem(row.line, "note", `the note is ${note?.length} characters; the limit is ${ATTENDANCE_NOTE_MAX}.`);
    if ("member" in found && !dateProblem && type) candidates.push({ row, member: found.member, date, type, note, valid: noteOk });
  }

  const memberIds = [...new Set(candidates.map((c) => c.member.id))];
  // The day checks and the writes share one transaction holding every member's lock, so nothing recorded in chat
  // meanwhile can slip between what was checked and what is saved.
  return ports.attendance.inMembersLock(memberIds, async (tx) => {
    const days = new Map<string, Array<{ type: OccurrenceType; line: number | null }>>();
    const toCreate: Candidate[] = [];
    let duplicates = 0;
    for (const c of candidates) {
      const key = `${c.member.id}:${c.date}`;
      let day = days.get(key);
      if (!day) {
        day = (await tx.occurrencesOn(c.member.id, c.date)).map((o) => ({ type: o.type, line: null }));
        days.set(key, day);
      }
      // The note was checked above; here only the one-occurrence-a-day rule speaks.
      const check = checkOccurrence({ memberName: c.member.displayName, date: c.date, type: c.type, note: null }, today, day);
      if (check.status === "duplicate") {
        duplicates++;
        continue;
      }
      if (check.status === "refused") {
        const other = day[0];
        const reason =
          other?.line != null
            ? `conflicts with ${input.rowsAre === "indexes" ? "row" : "line"} ${other.line}, which gives ${c.member.displayName} ${OCCURRENCE_LABEL[other.type]} on ${c.date}: a day holds one occurrence.`
            : check.error.message;
        problem(c.row.line, fieldOf(check.error), reason);
        continue;
      }
      day.push({ type: c.type, line: c.row.line });
      if (c.valid) toCreate.push(c);
    }

    if (problems.length) {
      const sorted = problems.sort((a, b) => a.line - b.line || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
      const rows = new Set(sorted.map((p) => p.line)).size;
      return fail({
        code: "ATTENDANCE.IMPORT_INVALID" as const,
        message: `${rows} ${rows === 1 ? "row has" : "rows have"} problems; nothing was imported.`,
        problems: sorted,
      });
    }
    const corrections: ImportSummary["corrections"] = [];
    if (input.dryRun) return ok({ created: toCreate.length, duplicates, corrections });
    for (const c of toCreate) {
      const { correction } = await saveOccurrence(tx, {
        workspace,
        member: c.member,
        date: c.date,
        type: c.type,
        note: c.note,
        actor,
        at: now,
        action: "attendance.import",
        audit: input.rowsAre === "indexes" ? { index: c.row.line } : { line: c.row.line },
      });
      if (correction) corrections.push({ member: c.member, correction });
    }
    return ok({ created: toCreate.length, duplicates, corrections });
  });
}

const fieldOf = (error: DomainError): ImportField => ((FIELD_ORDER as string[]).includes(error.field ?? "") ? (error.field as ImportField) : "type");
