// Work done after the platform has its acknowledgement (Slack commands and clicks, Teams activities other than
// invokes), a bounded number at a time. Under a burst it queued for database connections ahead of the modal
// submissions, whose answer is the acknowledgement itself and which then passed Slack's 3 s (bench/README.md, "Load").
// Queued work waits in memory, not on the connection pool.

/**
 * How many commands and clicks run their work at once; the rest wait their turn, in order of arrival. At 8 the work
 * fell behind a 200 requests/s burst and its queue grew the heap (bench/README.md, "Load").
 */
export const AFTER_ACK_CONCURRENCY = 16;

export type AfterAck = <T>(work: () => Promise<T>) => Promise<T>;

export function afterAckQueue(limit = AFTER_ACK_CONCURRENCY): AfterAck {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` never dips while others wait.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
