// Attendance through the ingest API: the rows' shape is checked with the shared schema, then they go through the same
// import use case as `wowbot import attendance` (same rules, points, closed-period corrections, all or nothing),
// recorded by "api:<token name>"; its problems come back with the row's index instead of a file line.

import type { WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { importAttendance } from "./import-attendance.js";
import { ATTENDANCE_FIELDS, type AttendanceRow, attendanceRow, type IngestCounts, type IngestRefusal, refusal, schemaProblems } from "./ingest-rows.js";
import type { Ports } from "./ports.js";

export interface AttendanceIngestCounts extends IngestCounts {
  /** Closed periods the new occurrences re-evaluated (a credit reversed, or a late credit). */
  corrections: number;
}

export async function ingestAttendance(
  ports: Pick<Ports, "attendance" | "clock" | "members">,
  input: { workspace: WorkspaceRecord; rows: readonly unknown[]; actor: string },
): Promise<Result<AttendanceIngestCounts, IngestRefusal>> {
  const { parsed, problems } = schemaProblems(attendanceRow, input.rows, "an attendance row", ATTENDANCE_FIELDS);
  // Rows of the right shape are still checked by the import, so a batch with a malformed row lists every other problem too.
  const rows = parsed.flatMap((row: AttendanceRow | null, index) =>
    row ? [{ line: index, member: row.member, date: row.date, type: row.type, note: row.note ?? "" }] : [],
  );
  const result = await importAttendance(ports, { workspace: input.workspace, rows, actor: input.actor, rowsAre: "indexes", dryRun: problems.length > 0 });
  if (!result.ok) problems.push(...result.error.problems.map((p) => ({ index: p.line, field: p.field, reason: p.reason })));
  if (problems.length || !result.ok) return fail(refusal(problems, ATTENDANCE_FIELDS));
  const { created, duplicates, corrections } = result.value;
  return ok({ received: input.rows.length, created, updated: 0, unchanged: duplicates, corrections: corrections.length });
}
