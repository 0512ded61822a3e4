// The directory job: every minute, reads the directory of each workspace whose read is due (never read, interrupted,
// at start-up, nightly: src/app/sync-directory.ts), so everyone in the programme is known without using wowbot.
import type { DirectorySource } from "../app/directory.ports.js";
import { type DirectorySyncPorts, syncDueDirectories } from "../app/sync-directory.js";
import type { Logger } from "../logger.js";
import type { Job } from "./scheduler.js";

export const DIRECTORY_JOB = "directory";

export function directoryJob(ports: DirectorySyncPorts, sources: readonly DirectorySource[], logger: Logger): Job {
  const processStartedAt = ports.clock.now();
  // A read can wait minutes on a rate limit: shutdown ends the wait, and the read resumes from that page next time.
  const stopping = new AbortController();
  return {
    name: DIRECTORY_JOB,
    schedule: "* * * * *",
    run: async () => {
      const ran = await syncDueDirectories(ports, sources, processStartedAt, stopping.signal);
      for (const { workspace, outcome } of ran) {
        if (!outcome.complete) continue;
        logger.info({ workspace: workspace.id, ...outcome }, `directory read: ${outcome.listed} people, ${outcome.added} new, ${outcome.changed} changed`);
      }
    },
    stop: () => stopping.abort(),
  };
}
