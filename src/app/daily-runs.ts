// Daily per-workspace jobs (the attendance post and period close; the digest later): each tick finds the
// workspaces whose local digest time has come on a workday and runs the job once per workspace and local date,
// claimed in JobRun so restarts and replicas never run it twice. A claim whose worker died is taken over after its
// lease and the run resumes; the job itself must be safe to run again (every write it makes is idempotent).

import type { WorkspaceRecord } from "../domain/records.js";
import { dueLocalDay } from "../domain/schedule.js";

export type ClaimResult = { status: "claimed"; id: string } | { status: "finished" } | { status: "running"; since: Date };

export interface JobClaims {
  claim(job: string, key: string, now: Date, staleMs: number): Promise<ClaimResult>;
  /** Renews a claim's lease while its run is making progress. */
  heartbeat(id: string, at: Date): Promise<void>;
  finish(id: string, at: Date): Promise<void>;
}

export interface DailyJob {
  name: string;
  /**
   * Whether the day's run may start yet, asked before claiming: a job waiting for another one (the digest for the
   * day's closes) is then neither claimed nor failed while it waits, and starts on the first tick after.
   */
  ready?(workspace: WorkspaceRecord, day: string, now: Date): Promise<boolean>;
  run(workspace: WorkspaceRecord, day: string, heartbeat: () => Promise<void>): Promise<void>;
}

export interface DailyRunPorts {
  workspaces: { listAll(): Promise<WorkspaceRecord[]> };
  claims: JobClaims;
  clock: { now(): Date };
  /** The claim lease (DAILY_JOB_LEASE_SECONDS); DAILY_LEASE_MS when unset. */
  leaseMs?: number;
}

/** A run that has not renewed its claim for this long is presumed dead and taken over. */
export const DAILY_LEASE_MS = 2 * 60_000;

/**
 * Runs `job` for every workspace due at `now`. `done` remembers finished runs in this process, so an idle tick
 * costs one query. One workspace failing does not hold up the others; its claim stays unfinished and is taken over
 * when its lease runs out. Returns the keys run by this call; throws what failed once the others are done.
 */
export async function runDueDailyJobs(ports: DailyRunPorts, job: DailyJob, now: Date, done: Set<string>): Promise<string[]> {
  const ran: string[] = [];
  const failures: unknown[] = [];
  for (const workspace of await ports.workspaces.listAll()) {
    const day = dueLocalDay(now, workspace.timezone, workspace.settings);
    if (!day) continue;
    const key = `${workspace.id}:${day}`;
    if (done.has(key)) continue;
    try {
      if (job.ready && !(await job.ready(workspace, day, now))) continue;
      const claim = await ports.claims.claim(job.name, key, now, ports.leaseMs ?? DAILY_LEASE_MS);
      if (claim.status === "finished") done.add(key);
      if (claim.status !== "claimed") continue;
      await job.run(workspace, day, () => ports.claims.heartbeat(claim.id, ports.clock.now()));
      await ports.claims.finish(claim.id, ports.clock.now());
      done.add(key);
      ran.push(key);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${job.name} failed for ${failures.length} workspaces`);
  return ran;
}
