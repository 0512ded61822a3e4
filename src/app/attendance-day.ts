// The daily attendance run (PRODUCT.md §3), at digest time on workdays: close every period that has ended, then
// queue the attendance post for the recognition channel. Safe to run again after a crash: closes skip members
// already evaluated, and the post's dedupe key is per workspace and day.
import { localDayBounds, zonedInstant } from "../domain/local-time.js";
import type { WorkspaceRecord } from "../domain/records.js";
import type { AttendanceStore } from "./attendance.ports.js";
import { type CloseOptions, closeDuePeriods } from "./close-periods.js";
import type { DailyJob } from "./daily-runs.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";

export const ATTENDANCE_DAY_JOB = "attendance-day";

export async function runAttendanceDay(
  ports: { attendance: AttendanceStore; clock: { now(): Date } },
  workspace: WorkspaceRecord,
  day: string,
  options: CloseOptions = {},
): Promise<{ closed: Array<{ start: string; end: string; evaluated: number }>; posted: boolean }> {
  const closed = await closeDuePeriods(ports.attendance, workspace, day, ports.clock.now(), options);
  const channel = workspace.settings.recognitionChannel;
  if (!channel) return { closed, posted: false };
  // The post names the period closed today, found from the closes recorded today rather than from this run, so a
  // rerun after a crash between the close and the post still posts the roll.
  const { start, end } = localDayBounds(zonedInstant(day, "12:00", workspace.timezone), workspace.timezone);
  const closedToday = (await ports.attendance.closedBetween(workspace.id, start, end)).at(-1) ?? null;
  await ports.attendance.enqueue(
    [
      {
        workspaceId: workspace.id,
        target: { kind: "channel", channel },
        payload: outboxMessage.attendancePost(workspace.id, day, closedToday),
        dedupeKey: outboxKey.attendancePost(workspace.id, day),
      },
    ],
    ports.clock.now(),
  );
  return { closed, posted: true };
}

export function attendanceDayJob(ports: { attendance: AttendanceStore; clock: { now(): Date } }, options: CloseOptions = {}): DailyJob {
  return {
    name: ATTENDANCE_DAY_JOB,
    run: async (workspace, day, heartbeat) => {
      await runAttendanceDay(ports, workspace, day, {
        ...options,
        afterBatch: async (n) => {
          await heartbeat();
          await options.afterBatch?.(n);
        },
      });
    },
  };
}
