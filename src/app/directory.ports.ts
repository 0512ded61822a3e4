// The platform's directory read page by page (Slack users.list, a Teams roster) and where a read stands.
import type { PlatformUser, WorkspaceRecord } from "../domain/records.js";
import type { Role } from "../domain/roles.js";

/** One page of the directory: the people on it and the cursor of the next page (null on the last). */
export interface DirectoryPage {
  people: PlatformUser[];
  next: string | null;
}

/** Reads a workspace's directory from the platform. `signal` ends a wait (a rate limit's Retry-After) at shutdown. */
export interface DirectoryReader {
  readPage(cursor: string | null, signal?: AbortSignal): Promise<DirectoryPage>;
}

/** Where a workspace's directory read stands. */
export interface DirectorySyncState {
  workspaceId: string;
  /** The next page of the read in progress; null before its first page (or with none in progress). */
  cursor: string | null;
  /** When the read in progress began; null when none is. */
  startedAt: Date | null;
  completedAt: Date | null;
  /** A read was asked for at this time (an install, people added to a team), and none has started since. */
  requestedAt: Date | null;
  failedAt: Date | null;
  /** People listed by the read in progress so far, or by the last complete one. */
  listed: number;
}

/** A person of a directory page with the role they get if they are new (existing members keep theirs). */
export type ListedPerson = PlatformUser & { initialRole: Role };

export interface DirectorySyncStore {
  /** Every workspace's state that has one: one read per tick. */
  states(): Promise<DirectorySyncState[]>;
  /**
   * Claims the workspace's read for this replica (a new read starts when none is in progress); null while another
   * replica's claim is younger than `leaseMs`.
   */
  claim(workspaceId: string, now: Date, leaseMs: number): Promise<DirectorySyncState | null>;
  /**
   * Stores a page's people (new ones as members from `now`, known ones' profiles refreshed, roles and enrolment
   * kept) and the cursor of the next page, in one transaction: a read stopped anywhere resumes after the last page
   * stored. Returns how many members were added and how many changed.
   */
  savePage(workspaceId: string, people: ListedPerson[], next: string | null, now: Date): Promise<{ added: number; changed: number }>;
  /** Ends the read in progress as complete. */
  complete(workspaceId: string, now: Date): Promise<void>;
  /** Gives the claim up after a failure, keeping the cursor to resume from. */
  fail(workspaceId: string, now: Date, reason: string): Promise<void>;
  /** Asks for a read at the next tick of the directory job (an install, people added to a team). */
  request(workspaceId: string, now: Date): Promise<void>;
  /** Gives the claim up without a failure (shutdown), keeping the cursor. */
  release(workspaceId: string): Promise<void>;
}

/** The workspaces of a platform whose directory can be read now, each with its reader. */
export interface DirectorySource {
  workspaces(): Promise<Array<{ workspace: WorkspaceRecord; reader: DirectoryReader }>>;
}
