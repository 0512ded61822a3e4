// Delivery of the daily lead digest: a DailyJob run after the attendance day (so that day's period closes are in
// it), once per workspace and local day through JobRun claims. It queues one outbox message per target, to the leads
// channel or else to each lead and admin by DM, with dedupe keys per workspace, day and target, so a rerun after a
// crash queues nothing twice. The digest itself is built when delivered (src/app/view-source.ts).
import { zonedInstant } from "../domain/local-time.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { leadsAudience, teamLeadsAudience, workspaceDigestAudience } from "./audience.js";
import type { DailyJob } from "./daily-runs.js";
import type { OutboxEntry, OutboxTarget } from "./outbox-messages.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import type { TeamStore } from "./teams.ports.js";

export const DIGEST_JOB = "digest";

export interface DigestDeliveryPorts {
  members: { listByRole(workspaceId: string, roles: Array<"lead" | "admin">): Promise<MemberRecord[]> };
  teams: Pick<TeamStore, "list">;
  outbox: { enqueue(entries: OutboxEntry[], at: Date): Promise<void> };
  /** Whether another daily job's run for the same key has finished. */
  finished(job: string, key: string): Promise<boolean>;
  clock: { now(): Date };
}

export class DigestNotReadyError extends Error {
  override name = "DigestNotReadyError";
}

/**
 * How long after digest time the digest waits for the day's attendance run. A close that is still failing by then
 * (a bug, bad data) must not also cost the leads their digest: it goes out saying the close results may be missing.
 */
export const DIGEST_CLOSE_WAIT_MS = 30 * 60_000;

/** The digest of `day` (a team's with `teamId`) for one target, with its dedupe key (per workspace, day, team and target). */
export function digestEntry(workspace: WorkspaceRecord, day: string, target: OutboxTarget, closePending = false, teamId?: string): OutboxEntry {
  return {
    workspaceId: workspace.id,
    target,
    payload: outboxMessage.digest(workspace.id, day, closePending, teamId),
    dedupeKey: outboxKey.digest(workspace.id, day, target, teamId),
  };
}

/**
 * Queues the digest of `day`; `closePending` when it goes out before that day's attendance run has finished. Without
 * teams, the workspace's digest goes to its leads. With teams, each team's digest goes to its leads (channel or DMs),
 * and the workspace's digest, with a line per team, to the leads channel or the admins.
 */
export async function runDigestDay(ports: DigestDeliveryPorts, workspace: WorkspaceRecord, day: string, closePending = false): Promise<number> {
  const teams = await ports.teams.list(workspace.id);
  const entries: OutboxEntry[] = [];
  for (const team of teams) {
    for (const target of teamLeadsAudience(team)) entries.push(digestEntry(workspace, day, target, closePending, team.id));
  }
  const targets = teams.length ? await workspaceDigestAudience(ports.members, workspace) : await leadsAudience(ports.members, workspace);
  for (const target of targets) entries.push(digestEntry(workspace, day, target, closePending));
  await ports.outbox.enqueue(entries, ports.clock.now());
  return entries.length;
}

/**
 * The digest as a daily job. It waits for the same day's attendance run (`attendanceJob`), so the digest goes out
 * with the day's closes: while that has not finished (this or another replica is closing periods) the digest is not
 * ready and is not claimed. Claiming it anyway used to fail the run on every replica that lost the race for the
 * close: a "job failed" error and a failed-run count at every digest time with two replicas, and the digest held
 * back until that claim's lease ran out. After DIGEST_CLOSE_WAIT_MS it stops waiting and says so.
 */
export function digestDayJob(ports: DigestDeliveryPorts, attendanceJob: string): DailyJob {
  const waitingForClose = async (workspace: WorkspaceRecord, day: string, now: Date) => {
    const closed = await ports.finished(attendanceJob, `${workspace.id}:${day}`);
    const waitUntil = zonedInstant(day, workspace.settings.digestTime, workspace.timezone).getTime() + DIGEST_CLOSE_WAIT_MS;
    return { closed, waiting: !closed && now.getTime() < waitUntil };
  };
  return {
    name: DIGEST_JOB,
    ready: async (workspace, day, now) => !(await waitingForClose(workspace, day, now)).waiting,
    run: async (workspace, day) => {
      const { closed, waiting } = await waitingForClose(workspace, day, ports.clock.now());
      if (waiting) throw new DigestNotReadyError(`the digest of ${day} waits for that day's attendance run (period closes) to finish`);
      await runDigestDay(ports, workspace, day, !closed);
    },
  };
}
