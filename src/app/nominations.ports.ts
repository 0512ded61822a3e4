// The store of wow nominations and their seconds.
import type { MemberRecord, NewNomination, NominationRecord } from "../domain/records.js";
import type { OutboxEntry } from "./outbox-messages.js";

/** Reads and writes of one nomination transaction, serialised per nominator so limits hold under concurrency. */
export interface NominationTx {
  countSince(nominatorId: string, since: Date): Promise<number>;
  findDuplicate(input: { nominatorId: string; nomineeId: string; reference: string | null; story: string; since: Date }): Promise<NominationRecord | null>;
  create(data: NewNomination): Promise<NominationRecord>;
  /** Queues messages due from `at`. */
  enqueue(entries: OutboxEntry[], at: Date): Promise<void>;
}

export interface NominationStore {
  find(id: string): Promise<NominationRecord | null>;
  findByRequestKey(requestKey: string): Promise<NominationRecord | null>;
  /** Records the member's second and the post update in one transaction; "exists" when they had seconded it. */
  second(nominationId: string, memberId: string, update: OutboxEntry, at: Date): Promise<"created" | "exists">;
  countSeconds(nominationId: string): Promise<number>;
  /**
   * Moves an active nomination to "retracted" or "removed" with the post update (and, for removals, the audit
   * entry) in one transaction. Returns false when it was no longer active (a concurrent retract or removal).
   */
  close(input: { id: string; status: "retracted" | "removed"; by: MemberRecord; at: Date; update: OutboxEntry }): Promise<boolean>;
  inNominatorLock<T>(workspaceId: string, nominatorId: string, fn: (tx: NominationTx) => Promise<T>): Promise<T>;
}
