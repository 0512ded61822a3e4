// Delivers owed chat messages: claims due outbox rows, renders each view from current state, sends it through the
// workspace's platform, and records the outcome. Failures are retried with backoff (or the platform's Retry-After)
// until the platform accepts; only messages it will never accept are given up.
import type { Platform, WorkspaceRecord } from "../domain/records.js";
import type { ChatSender, DeliveryTarget, OutboxQueue, PendingMessage, SendOutcome, ViewSource } from "./outbox.ports.js";

export interface DeliveryPorts {
  outbox: OutboxQueue;
  views: ViewSource;
  senders: Partial<Record<Platform, ChatSender>>;
  workspaces: { findById(id: string): Promise<WorkspaceRecord | null> };
  /** How long one send may take (DELIVERY_SEND_TIMEOUT_MS); default DELIVERY_SEND_TIMEOUT_MS below. */
  sendTimeoutMs?: number;
  /** The claim lease (OUTBOX_LEASE_SECONDS); DELIVERY_LEASE_MS when unset. */
  leaseMs?: number;
  /**
   * True while the process is busy answering people: a run then sends one small batch and leaves the rest to later
   * runs, so a burst of requests is answered first and its messages follow once it has passed.
   */
  busy?: () => boolean;
  /**
   * A channel the bot can no longer post in (the send failed as unreachable): called with the message that was headed
   * there, so settings can forget the channel and messages for the leads can go to them by DM instead.
   */
  channelLost?: (workspace: WorkspaceRecord, channel: string, payload: PendingMessage["payload"]) => Promise<void>;
}

export const DELIVERY_BATCH = 20;
/** A worker that dies mid-send releases its messages after this long. */
export const DELIVERY_LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/** 1 s, 2 s, 4 s ... capped at 15 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Sends at once: enough to keep up with Slack's ~100-300 ms answers, few enough to leave the connection pool and
 * event loop to the requests people are waiting for (bench/README.md, Slack /wow latency). */
export const DELIVERY_CONCURRENCY = 5;

/**
 * Neither Slack's WebClient nor botbuilder's connector gives up on a call that never answers by default: one hung
 * send would hold its delivery run, and the scheduler skips ticks while a run is going, so nothing would be
 * delivered again. A send still unanswered after this long is retried later; it stays well inside the claim lease,
 * so no other worker takes the message while this one may still be sending it.
 */
export const DELIVERY_SEND_TIMEOUT_MS = 10_000;

/** How long one run keeps claiming batches before it lets the next tick take over. */
export const DELIVERY_BUDGET_MS = 5_000;

/**
 * Delivers due messages batch by batch until the queue is drained or the time budget is spent, a few at a time:
 * Slack answers in ~100-300 ms, so one message at a time could not keep up with a busy team. Order is still safe:
 * an update whose original is not out yet waits for it (see deliverOne).
 */
export async function deliverOutbox(ports: DeliveryPorts, now: Date, budgetMs = DELIVERY_BUDGET_MS): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  if (!(await ports.outbox.hasDue(now))) return report;
  const started = performance.now();
  // Looked up once per run, not once per message: a run's messages nearly all belong to a few workspaces, and each
  // lookup was a database query on the hot path under load (bench/README.md, load section).
  const found = new Map<string, Promise<WorkspaceRecord | null>>();
  const workspaces = {
    findById(id: string) {
      let workspace = found.get(id);
      if (!workspace) {
        // A failed lookup (the database away for a moment) is not remembered: the next message asks again.
        workspace = ports.workspaces.findById(id).catch((error: unknown) => {
          found.delete(id);
          throw error;
        });
        found.set(id, workspace);
      }
      return workspace;
    },
  };
  const run: DeliveryPorts = { ...ports, workspaces };
  const size = ports.busy?.() ? DELIVERY_CONCURRENCY : DELIVERY_BATCH;
  for (;;) {
    const batch = await run.outbox.claimDue(now, size, run.leaseMs ?? DELIVERY_LEASE_MS);
    await inParallel(batch, DELIVERY_CONCURRENCY, (message) => deliverAndRecord(run, message, now, report));
    if (batch.length < DELIVERY_BATCH || performance.now() - started > budgetMs) return report;
  }
}

async function deliverAndRecord(ports: DeliveryPorts, message: PendingMessage, now: Date, report: DeliveryReport): Promise<void> {
  // A bug in one message's view must not hold up the others: it is retried with backoff and its error recorded.
  const outcome = await deliverOne(ports, message).catch((error: unknown) => ({
    status: "retry" as const,
    error: error instanceof Error ? error.message : String(error),
    retryAfterMs: undefined,
  }));
  if (outcome.status === "sent") {
    await recordSent(ports, message, now, outcome.ref);
    report.sent++;
  } else if (outcome.status === "retry") {
    await ports.outbox.markRetry(message.id, outcome.error, new Date(now.getTime() + (outcome.retryAfterMs ?? backoffMs(message.attempts))));
    report.retried++;
  } else {
    await ports.outbox.markDead(message.id, outcome.error);
    report.failed++;
    if ("unreachable" in outcome && outcome.unreachable && message.target.kind === "channel") {
      const workspace = await ports.workspaces.findById(message.workspaceId);
      if (workspace) await ports.channelLost?.(workspace, message.target.channel, message.payload);
    }
  }
}

async function deliverOne(ports: DeliveryPorts, message: PendingMessage) {
  const workspace = await ports.workspaces.findById(message.workspaceId);
  const sender = workspace && ports.senders[workspace.platform];
  if (!workspace || !sender) return { status: "retry" as const, error: `no ${workspace?.platform ?? "platform"} sender configured` };
  const view = await ports.views.build(message.payload);
  if (!view) return { status: "sent" as const, ref: null }; // nothing left to say (e.g. the subject was deleted)
  let target: DeliveryTarget;
  if (message.target.kind === "update") {
    const earlier = await ports.outbox.deliveredRef(message.target.of);
    if (!earlier || earlier.status === "dead") return { status: "failed" as const, error: `the message to update (${message.target.of}) was never delivered` };
    // The original is still on its way: an update can only follow it.
    if (earlier.status === "pending" || !earlier.ref) return { status: "retry" as const, error: "waiting for the original message", retryAfterMs: 2_000 };
    target = { kind: "update", ref: earlier.ref };
  } else {
    target = message.target;
  }
  return withinTimeout(sender.send(workspace, target, view), ports.sendTimeoutMs ?? DELIVERY_SEND_TIMEOUT_MS);
}

/** The send's outcome, or a retry once `ms` have passed without one (the send itself is left to finish or fail). */
async function withinTimeout(send: Promise<SendOutcome>, ms: number): Promise<SendOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: "retry", error: `no answer from the platform within ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([send, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The platform has the message; only our record of it is missing. If that write fails (the database connection was
 * lost), sending again would post it twice, so the write is retried while the lease still keeps other workers off the
 * row. Only when the database stays away longer than that (or the process dies in between) is the message sent again
 * after the lease: delivery is at least once, and this keeps the window to those cases.
 */
async function recordSent(ports: DeliveryPorts, message: PendingMessage, now: Date, ref: Record<string, unknown> | null): Promise<void> {
  const started = performance.now();
  for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
    try {
      return await ports.outbox.markSent(message.id, now, ref);
    } catch (error) {
      // Half the lease: well within the time the claim keeps other workers off the row.
      if (performance.now() - started + wait > (ports.leaseMs ?? DELIVERY_LEASE_MS) / 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Runs `fn` over `items` with at most `limit` running at once; a worker stops at its first failure, and the first
 * failure is thrown once every worker has stopped. Failing at once instead ended the run while other messages were
 * still being sent or recorded (a database cut fails one message's record while another's waits to retry), so the
 * scheduler's shutdown no longer waited for them and the next run could start beside them.
 */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
}
