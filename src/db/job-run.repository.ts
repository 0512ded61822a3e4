// Claims of scheduled job runs: the unique (job, key) row is what makes a run happen once across restarts and
// replicas. A claimed run that never finished (the process died) can be taken over after its lease.
import type { ClaimResult, JobClaims } from "../app/daily-runs.js";
import { isUniqueViolation, type PrismaClient } from "./prisma.js";

export class JobRunRepository implements JobClaims {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Claims (job, key). Returns "running" while another worker holds a fresh claim; a claim older than `staleMs`
   * with no finish is taken over, because the worker that made it is gone. Takeovers are atomic (compare-and-set
   * on startedAt), so two workers cannot both take over the same run.
   */
  async claim(job: string, key: string, now: Date, staleMs: number): Promise<ClaimResult> {
    try {
      const run = await this.prisma.jobRun.create({ data: { job, key, startedAt: now } });
      return { status: "claimed", id: run.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await this.prisma.jobRun.findUniqueOrThrow({ where: { job_key: { job, key } } });
    if (existing.finishedAt) return { status: "finished" };
    if (now.getTime() - existing.startedAt.getTime() < staleMs) return { status: "running", since: existing.startedAt };
    const { count } = await this.prisma.jobRun.updateMany({
      where: { id: existing.id, startedAt: existing.startedAt, finishedAt: null },
      data: { startedAt: now },
    });
    if (count === 0) return { status: "running", since: now };
    return { status: "claimed", id: existing.id };
  }

  /** Whether the run (job, key) has finished. */
  async isFinished(job: string, key: string): Promise<boolean> {
    const run = await this.prisma.jobRun.findUnique({ where: { job_key: { job, key } }, select: { finishedAt: true } });
    return Boolean(run?.finishedAt);
  }

  async heartbeat(id: string, at: Date): Promise<void> {
    await this.prisma.jobRun.updateMany({ where: { id, finishedAt: null }, data: { startedAt: at } });
  }

  async finish(id: string, at: Date): Promise<void> {
    await this.prisma.jobRun.update({ where: { id }, data: { finishedAt: at } });
  }
}
