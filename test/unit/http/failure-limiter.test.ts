// The ingest API's failure brake on its own: refusal after the limit within a window, release when the window ends,
// a success clearing the address, and memory bounded however many addresses fail.
import { describe, expect, it } from "vitest";
import { FailureLimiter } from "../../../src/http/ingest/failure-limiter.js";
import { ManualClock } from "../../support/clock.js";

const limits = { maxFailures: 3, windowMs: 60_000, maxAddresses: 2 };

describe("FailureLimiter", () => {
  it("refuses an address from its limit-th failure in a window until that window ends", () => {
    const clock = new ManualClock();
    const limiter = new FailureLimiter(clock, limits);
    limiter.failed("a");
    clock.advance(10_000);
    limiter.failed("a");
    expect(limiter.retryAfterMs("a")).toBe(0);
    limiter.failed("a");
    expect(limiter.retryAfterMs("a")).toBe(50_000);
    expect(limiter.retryAfterMs("b")).toBe(0);
    clock.advance(50_000);
    expect(limiter.retryAfterMs("a")).toBe(0);
    // A new window starts from scratch.
    limiter.failed("a");
    expect(limiter.retryAfterMs("a")).toBe(0);
  });

  it("forgets failures spread wider than the window, and those of an address that then succeeds", () => {
    const clock = new ManualClock();
    const limiter = new FailureLimiter(clock, limits);
    for (let i = 0; i < 5; i++) {
      limiter.failed("slow");
      clock.advance(31_000);
    }
    expect(limiter.retryAfterMs("slow")).toBe(0);
    limiter.failed("fast");
    limiter.failed("fast");
    limiter.succeeded("fast");
    limiter.failed("fast");
    expect(limiter.retryAfterMs("fast")).toBe(0);
  });

  it("tracks at most maxAddresses, forgetting the oldest", () => {
    const limiter = new FailureLimiter(new ManualClock(), limits);
    for (let i = 0; i < 3; i++) limiter.failed("old");
    limiter.failed("b");
    limiter.failed("c");
    expect(limiter.size).toBe(2);
    expect(limiter.retryAfterMs("old")).toBe(0);
  });
});
