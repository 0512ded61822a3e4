// The daily job: every minute, each workspace whose local digest time has come on a workday gets its attendance day
// (period closes, the attendance post) and then its lead digest, each once per day (src/app/daily-runs.ts).
import { ATTENDANCE_DAY_JOB, attendanceDayJob } from "../app/attendance-day.js";
import { type DailyRunPorts, runDueDailyJobs } from "../app/daily-runs.js";
import { type DigestDeliveryPorts, digestDayJob } from "../app/digest-day.js";
import type { Ports } from "../app/ports.js";
import type { Job } from "./scheduler.js";

export const DAILY_JOB = "daily";

export function dailyJob(ports: Ports, runs: DailyRunPorts, delivery: Omit<DigestDeliveryPorts, "members" | "clock" | "teams">): Job {
  // Days this process saw finished, so each minute's tick asks the database only about days still open.
  const finished = { attendance: new Set<string>(), digest: new Set<string>() };
  const attendance = attendanceDayJob(ports);
  const digest = digestDayJob({ ...delivery, members: ports.members, teams: ports.teams, clock: ports.clock }, ATTENDANCE_DAY_JOB);
  return {
    name: DAILY_JOB,
    // Every minute: each workspace's own digest time, in its own time zone, decides whether its day is due.
    schedule: "* * * * *",
    run: async (now) => {
      // The digest runs after the attendance day, so the day's period closes are in it; a workspace whose attendance
      // run failed gets its digest once that run finishes, or 30 minutes after digest time at the latest.
      let failure: unknown = null;
      await runDueDailyJobs(runs, attendance, now, finished.attendance).catch((error: unknown) => {
        failure = error;
      });
      await runDueDailyJobs(runs, digest, now, finished.digest);
      if (failure) throw failure;
    },
  };
}
