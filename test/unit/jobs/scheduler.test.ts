// The scheduler's ticks: each job runs once at start, and a job still running when its next tick comes is not
// started a second time in this process.
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/domain/clock.js";
import { type Job, Scheduler } from "../../../src/jobs/scheduler.js";
import { createLogger } from "../../../src/logger.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Scheduler", () => {
  let scheduler: Scheduler | undefined;
  afterEach(() => scheduler?.stop());

  it("skips the ticks that come while the job's previous run is still going, then runs again", async () => {
    let started = 0;
    let release = () => {};
    const job: Job = {
      name: "slow",
      schedule: "* * * * * *",
      run: () => {
        started++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    scheduler = new Scheduler([job], systemClock, createLogger("silent"));
    scheduler.start();
    // About three ticks pass while the first run hangs.
    await sleep(3_300);
    expect(started).toBe(1);
    release();
    await sleep(1_500);
    expect(started).toBe(2);
    release();
  });

  it("runs each job once at start, without waiting for its first tick", async () => {
    let started = 0;
    const job: Job = { name: "yearly", schedule: "0 0 1 1 *", run: async () => void started++ };
    scheduler = new Scheduler([job], systemClock, createLogger("silent"));
    scheduler.start();
    await sleep(50);
    expect(started).toBe(1);
  });
});
