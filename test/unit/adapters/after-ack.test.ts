// Commands' and clicks' work after the acknowledgement runs a bounded number at a time, in order of arrival, and a
// failing piece of work gives its turn to the next.
import { describe, expect, it } from "vitest";
import { afterAckQueue } from "../../../src/adapters/after-ack.js";

describe("afterAckQueue", () => {
  it("runs at most `limit` pieces of work at once and starts the waiting ones in order", async () => {
    const run = afterAckQueue(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const results = Array.from({ length: 5 }, (_, i) =>
      run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i * 10;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    while (releases.length) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30, 40]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it("passes a failure to its caller and lets the next piece of work run", async () => {
    const run = afterAckQueue(1);
    const failed = run(async () => {
      throw new Error("users.info failed");
    });
    const next = run(async () => "ran");
    await expect(failed).rejects.toThrow("users.info failed");
    expect(await next).toBe("ran");
  });
});
