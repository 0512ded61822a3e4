// What delivering owed messages needs: the outbox queue, the view source and one sender per chat platform.
import type { WorkspaceRecord } from "../domain/records.js";
import type { View } from "../views/index.js";
import type { OutboxEntry, OutboxMessage, OutboxTarget } from "./outbox-messages.js";

/** A message owed to a platform, as the delivery worker sees it. */
export interface PendingMessage extends OutboxEntry {
  id: string;
  attempts: number;
}

export interface OutboxQueue {
  /** A cheap check, run every second: is anything due at all? */
  hasDue(now: Date): Promise<boolean>;
  claimDue(now: Date, limit: number, leaseMs: number): Promise<PendingMessage[]>;
  /** What the platform answered for the message with this dedupe key, once it was sent; undefined while not sent. */
  deliveredRef(dedupeKey: string): Promise<{ status: "pending" | "sent" | "dead"; ref: Record<string, unknown> | null } | null>;
  markSent(id: string, at: Date, ref: Record<string, unknown> | null): Promise<void>;
  markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void>;
  markDead(id: string, error: string): Promise<void>;
}

/** A target with any earlier message it refers to already looked up. */
export type DeliveryTarget = Exclude<OutboxTarget, { kind: "update" }> | { kind: "update"; ref: Record<string, unknown> };

export type SendOutcome =
  | { status: "sent"; ref: Record<string, unknown> | null }
  /** Worth trying again: rate limits (with the platform's Retry-After), outages, timeouts. */
  | { status: "retry"; error: string; retryAfterMs?: number }
  /**
   * The platform will never accept it (channel gone, user deactivated): stop trying. `unreachable`: the bot is no
   * longer in that conversation (removed from its team), so what was headed there must find another way.
   */
  | { status: "failed"; error: string; unreachable?: boolean };

/** One per chat platform: renders a neutral view and sends it. */
export interface ChatSender {
  send(workspace: WorkspaceRecord, target: DeliveryTarget, view: View): Promise<SendOutcome>;
}

/** Builds the view an outbox payload names, from the current state; null when there is nothing to show any more. */
export interface ViewSource {
  build(payload: OutboxMessage): Promise<View | null>;
}
