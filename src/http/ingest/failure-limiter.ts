// Slows down guessing: an address with too many failed authentications in a window is refused (429) until the
// window ends, before its token is even looked up. In memory and bounded, per replica: a brake, not an account lock.
import type { Clock } from "../../domain/clock.js";

export interface FailureLimits {
  /** Failures within one window after which the address is refused. */
  maxFailures: number;
  windowMs: number;
  /** Addresses tracked at most; beyond that the oldest is forgotten, so an attacker with many addresses can't grow memory. */
  maxAddresses: number;
}

export const DEFAULT_FAILURE_LIMITS: FailureLimits = { maxFailures: 10, windowMs: 15 * 60_000, maxAddresses: 10_000 };

export class FailureLimiter {
  // Map order is insertion order: the first entry is the oldest window.
  private readonly windows = new Map<string, { failures: number; since: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: FailureLimits = DEFAULT_FAILURE_LIMITS,
  ) {}

  /** Milliseconds until the address may try again; 0 when it may now. */
  retryAfterMs(address: string): number {
    const window = this.windows.get(address);
    if (!window || window.failures < this.limits.maxFailures) return 0;
    const left = window.since + this.limits.windowMs - this.clock.now().getTime();
    if (left > 0) return left;
    this.windows.delete(address);
    return 0;
  }

  failed(address: string): void {
    const now = this.clock.now().getTime();
    const window = this.windows.get(address);
    if (window && now < window.since + this.limits.windowMs) {
      window.failures++;
      return;
    }
    this.windows.delete(address);
    if (this.windows.size >= this.limits.maxAddresses) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(address, { failures: 1, since: now });
  }

  succeeded(address: string): void {
    this.windows.delete(address);
  }

  /** Addresses currently tracked (for tests of the bound). */
  get size(): number {
    return this.windows.size;
  }
}
