// Runs scheduled jobs on a node-cron tick. Each job calls one use case; stop() waits for the step in flight so a
// shutdown never cuts a job in half.
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../domain/clock.js";
import type { Logger } from "../logger.js";

export interface Job {
  name: string;
  /** Cron expression; most jobs tick every minute and decide per workspace whether their local time has come. */
  schedule: string;
  run(now: Date): Promise<void>;
  /** Asked to end a long wait early at shutdown (the run then stops at its next step). */
  stop?(): void;
}

export type JobObserver = (job: string, outcome: "done" | "failed") => void;

export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly jobs: readonly Job[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly observe: JobObserver = () => {},
  ) {}

  start(): void {
    for (const job of this.jobs) {
      // A tick while the job's previous run is still going is skipped: node-cron's own noOverlap would need the
      // callback's promise and then logs every skip to the console, outside the JSON logs.
      let busy = false;
      const tick = () => {
        if (busy) return;
        busy = true;
        void this.runNow(job).finally(() => {
          busy = false;
        });
      };
      this.tasks.push(cron.schedule(job.schedule, tick, { name: job.name }));
      // And once at start: a restarted process resumes the day's run (once its lease allows) and delivers what is owed
      // now, not at the next minute.
      tick();
    }
  }

  /** Runs one job now (the cron tick, and tests). Refused once stopping has begun. */
  runNow(job: Job): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const run = job
      .run(this.clock.now())
      .then(
        () => this.observe(job.name, "done"),
        (error: unknown) => {
          this.observe(job.name, "failed");
          this.logger.error({ err: error, job: job.name }, "job failed");
        },
      )
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
    return run;
  }

  /** Stops ticking and waits for the runs in flight to finish their current step. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const job of this.jobs) job.stop?.();
    await Promise.all(this.tasks.map((t) => t.stop()));
    await Promise.all([...this.inFlight]);
  }
}
