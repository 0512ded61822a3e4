// Whether the process is in a burst of requests since it last asked, so that work nobody is waiting for (outbox
// delivery) can step aside. Under a burst, delivery took a quarter of the CPU from the requests being answered
// (bench/README.md, "Load"); its messages are durable and go out once the burst has passed.
import { performance } from "node:perf_hooks";

export interface BusyThresholds {
  /** Requests per second that make a burst: far above a contact centre's everyday traffic. */
  requestsPerSecond: number;
  /** Share of the time the event loop was busy. */
  eventLoop: number;
}

const BURST: BusyThresholds = { requestsPerSecond: 20, eventLoop: 0.7 };

/** Busy: at least `requestsPerSecond` came in while the event loop was at least `eventLoop` busy, since the last call. */
export function busyWithRequests(requestsReceived: () => number, thresholds: BusyThresholds = BURST): () => boolean {
  let lastUse = performance.eventLoopUtilization();
  let lastCount = requestsReceived();
  let lastAt = performance.now();
  return () => {
    const use = performance.eventLoopUtilization();
    const count = requestsReceived();
    const at = performance.now();
    const rate = ((count - lastCount) * 1000) / Math.max(1, at - lastAt);
    const busy = rate >= thresholds.requestsPerSecond && performance.eventLoopUtilization(use, lastUse).utilization >= thresholds.eventLoop;
    lastUse = use;
    lastCount = count;
    lastAt = at;
    return busy;
  };
}
