// Directory sync (PRODUCT.md §8): wowbot keeps a copy of the workspace's people, read from the platform page by page at
// install, at start-up and nightly. Each page is stored with the cursor of the next in one transaction, so a read
// stopped anywhere (a restart, a Slack outage on page 2) resumes after the last page stored; nobody is deactivated
// by a read: Slack lists deactivated people itself, with their flag.
import { addDays, localDate, zonedInstant } from "../domain/local-time.js";
import type { PlatformUser, WorkspaceRecord } from "../domain/records.js";
import { initialRole } from "../domain/roles.js";
import type { DirectoryReader, DirectorySource, DirectorySyncState, DirectorySyncStore, ListedPerson } from "./directory.ports.js";

/** A read whose replica has shown no sign of life (a page stored) for this long is taken over. */
export const DIRECTORY_LEASE_MS = 5 * 60_000;
/** After a failed page, the read resumes this much later (the next tick after). */
export const DIRECTORY_RETRY_MS = 5 * 60_000;
/** A process starting within this long of a complete read does not read again (a rolling restart of replicas). */
export const DIRECTORY_STARTUP_FRESH_MS = 60 * 60_000;
/** The local time of the nightly read. */
export const DIRECTORY_NIGHTLY_AT = "02:00";

export interface DirectorySyncPorts {
  directorySyncs: DirectorySyncStore;
  admins: readonly string[];
  clock: { now(): Date };
}

/** The last nightly read time at or before `now` in the workspace's time zone. */
function lastNight(now: Date, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const tonight = zonedInstant(today, DIRECTORY_NIGHTLY_AT, timeZone);
  return tonight <= now ? tonight : zonedInstant(addDays(today, -1), DIRECTORY_NIGHTLY_AT, timeZone);
}

/**
 * Whether the workspace's directory should be read now: never read (an installation), a read in progress (to
 * resume), a read asked for since the last (people added to a Teams team), this process started over an hour after the last complete read, or the nightly time has passed since.
 * A read that just failed waits DIRECTORY_RETRY_MS.
 */
export function directoryDue(state: DirectorySyncState | undefined, workspace: WorkspaceRecord, now: Date, processStartedAt: Date): boolean {
  if (!state) return true;
  if (state.failedAt && now.getTime() - state.failedAt.getTime() < DIRECTORY_RETRY_MS) return false;
  if (!state.completedAt || state.startedAt) return true;
  if (state.requestedAt) return true;
  if (state.completedAt.getTime() < processStartedAt.getTime() - DIRECTORY_STARTUP_FRESH_MS) return true;
  return state.completedAt < lastNight(now, workspace.timezone);
}

export interface SyncOutcome {
  /** Whether this call finished the read (false: another replica holds it, or it stopped at shutdown). */
  complete: boolean;
  pages: number;
  listed: number;
  added: number;
  changed: number;
}

/**
 * Reads the workspace's directory from where its read stands to the end, unless another replica holds it. A page
 * that fails gives the claim up with the cursor kept, and throws. `signal` stops between pages (shutdown).
 */
export async function syncDirectory(
  ports: DirectorySyncPorts,
  workspace: WorkspaceRecord,
  reader: DirectoryReader,
  signal?: AbortSignal,
): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { complete: false, pages: 0, listed: 0, added: 0, changed: 0 };
  const state = await ports.directorySyncs.claim(workspace.id, ports.clock.now(), DIRECTORY_LEASE_MS);
  if (!state) return outcome;
  let cursor = state.cursor;
  try {
    for (;;) {
      if (signal?.aborted) {
        await ports.directorySyncs.release(workspace.id);
        return outcome;
      }
      const page = await reader.readPage(cursor, signal);
      const people = listed(page.people, ports.admins);
      const saved = await ports.directorySyncs.savePage(workspace.id, people, page.next, ports.clock.now());
      outcome.pages += 1;
      outcome.listed += people.length;
      outcome.added += saved.added;
      outcome.changed += saved.changed;
      if (!page.next) break;
      cursor = page.next;
    }
  } catch (error) {
    await ports.directorySyncs.fail(workspace.id, ports.clock.now(), error instanceof Error ? error.message : String(error));
    throw error;
  }
  await ports.directorySyncs.complete(workspace.id, ports.clock.now());
  outcome.complete = true;
  return outcome;
}

/** A page's people with the role each gets if new; one row per id (the last listed wins), ids that say nothing dropped. */
function listed(people: PlatformUser[], admins: readonly string[]): ListedPerson[] {
  const byId = new Map<string, ListedPerson>();
  for (const person of people) {
    if (!person.platformUserId) continue;
    byId.set(person.platformUserId, { ...person, initialRole: initialRole(person.platformUserId, admins, person.isPlatformAdmin) });
  }
  return [...byId.values()];
}

/**
 * Reads every due workspace's directory (one read per tick of the directory job). One workspace failing does not
 * hold up the others; what failed is thrown once they are done, with the outcomes of those that ran.
 */
export async function syncDueDirectories(
  ports: DirectorySyncPorts,
  sources: readonly DirectorySource[],
  processStartedAt: Date,
  signal?: AbortSignal,
): Promise<Array<{ workspace: WorkspaceRecord; outcome: SyncOutcome }>> {
  const states = new Map((await ports.directorySyncs.states()).map((s) => [s.workspaceId, s]));
  const ran: Array<{ workspace: WorkspaceRecord; outcome: SyncOutcome }> = [];
  const failures: unknown[] = [];
  for (const source of sources) {
    let found: Awaited<ReturnType<DirectorySource["workspaces"]>>;
    try {
      found = await source.workspaces();
    } catch (error) {
      failures.push(error);
      continue;
    }
    for (const { workspace, reader } of found) {
      if (signal?.aborted) break;
      if (!directoryDue(states.get(workspace.id), workspace, ports.clock.now(), processStartedAt)) continue;
      try {
        ran.push({ workspace, outcome: await syncDirectory(ports, workspace, reader, signal) });
      } catch (error) {
        if (!signal?.aborted) failures.push(error);
      }
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `the directory read failed for ${failures.length} workspaces`);
  return ran;
}
