// The signal outbox delivery steps aside on: requests came in and the event loop was busy since the last look.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { busyWithRequests } from "../../../src/jobs/busy.js";

/** Keeps the event loop busy for `ms`, as a burst of requests does. */
const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("busyWithRequests", () => {
  it("is busy only in a burst: many requests while the event loop was mostly busy", async () => {
    let requests = 0;
    const busy = busyWithRequests(() => requests, { requestsPerSecond: 20, eventLoop: 0.5 });
    requests += 3; // 30 per second
    spin(100);
    expect(busy()).toBe(true);
    // A few requests while the process is busy with something else (a test run, a digest) are no burst.
    requests += 1;
    spin(100);
    expect(busy()).toBe(false);
    // Busy, but with no requests: delivery draining a backlog on its own must not slow itself down.
    spin(100);
    expect(busy()).toBe(false);
    // Requests, but an idle event loop.
    requests += 10;
    await sleep(100);
    expect(busy()).toBe(false);
  });
});
