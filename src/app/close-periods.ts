// Period close (PRODUCT.md §3): every eligible member of every period that has ended since the last close is
// evaluated once. Members go in batches, each one transaction; a run that dies part-way is rerun and skips the
// members it already wrote, so every member is credited exactly once.
import { evaluatePeriod } from "../domain/attendance.js";
import { localDate } from "../domain/local-time.js";
import { nextPeriod, type Period, periodContaining, periodInstants } from "../domain/period.js";
import type { WorkspaceRecord } from "../domain/records.js";
import type { AttendanceStore, CloseCandidate } from "./attendance.ports.js";

export const CLOSE_BATCH = 2_000;

export interface CloseOptions {
  batchSize?: number;
  /** Called after each batch is committed (heartbeats; fault injection in tests). */
  afterBatch?: (written: number) => Promise<void> | void;
}

export interface ClosedPeriod {
  start: string;
  end: string;
  evaluated: number;
}

/** The ended periods still to close on `today`: from the last closed one (or the workspace's start) onwards. */
export async function periodsToClose(store: Pick<AttendanceStore, "lastClosedPeriod">, workspace: WorkspaceRecord, today: string): Promise<Period[]> {
  const kind = workspace.settings.attendancePeriod;
  const last = await store.lastClosedPeriod(workspace.id);
  // Without a close yet, the first period is the one after the workspace appeared: nobody was a member before the
  // period it appeared in started. After a change of period kind, the new kind's period in force when the last closed
  // one ended overlaps it: the days from that end to the new period's end are closed as a transition period of their
  // own (skipping it left days no close ever evaluated: an absence there cost nothing).
  let p = last ? periodContaining(last.end, kind) : nextPeriod(periodContaining(localDate(workspace.createdAt, workspace.timezone), kind));
  if (last && p.start < last.end) p = { ...p, start: last.end };
  const due: Period[] = [];
  while (p.end <= today) {
    due.push(p);
    p = nextPeriod(p);
  }
  return due;
}

export async function closePeriod(store: AttendanceStore, workspace: WorkspaceRecord, period: Period, at: Date, options: CloseOptions = {}): Promise<number> {
  const instants = periodInstants(period, workspace.timezone);
  const size = options.batchSize ?? CLOSE_BATCH;
  let after: string | null = null;
  let evaluated = 0;
  const evaluate = (candidates: CloseCandidate[]) =>
    candidates.map((c) => ({
      ...c,
      ...evaluatePeriod({ points: c.points, previousStreak: c.previousStreak, balance: c.balance, settings: workspace.settings }),
    }));
  for (;;) {
    const batch = await store.closeBatch(workspace, period, instants, size, after, evaluate, at);
    if (batch.seen === 0) break;
    evaluated += batch.written;
    after = batch.last;
    await options.afterBatch?.(evaluated);
    if (batch.seen < size) break;
  }
  await store.markPeriodClosed(workspace.id, period, at);
  return evaluated;
}

export async function closeDuePeriods(
  store: AttendanceStore,
  workspace: WorkspaceRecord,
  today: string,
  at: Date,
  options: CloseOptions = {},
): Promise<ClosedPeriod[]> {
  const closed: ClosedPeriod[] = [];
  // Each period closes a millisecond after the one before, so its credits are written after the earlier period's and
  // each accrual DM can state the balance right after its own credit.
  for (const [i, period] of (await periodsToClose(store, workspace, today)).entries()) {
    const closedAt = new Date(at.getTime() + i);
    closed.push({ start: period.start, end: period.end, evaluated: await closePeriod(store, workspace, period, closedAt, options) });
  }
  return closed;
}
